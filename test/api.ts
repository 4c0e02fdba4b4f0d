import { randomUUID } from "node:crypto";
import { validate, dereference } from "@readme/openapi-parser";
import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { expect } from "vitest";
import { createApiKey } from "@/lib/api-keys";
import { endpoints, openApiDocument } from "@/lib/api-v1";
import type { ApiKeyRole } from "@/lib/api-keys/schemas";
import type { TestMember } from "./database";

// The API's contract-test harness (imported after connectTestDatabase()). `api(key)` calls the real route handlers
// (app/api/v1/**/route.ts) with real Requests, and checks every answer against the generated OpenAPI document: its
// status must be documented for that operation and its body must validate against that response's schema.

type Json = Record<string, unknown>;
export type ApiAnswer = { status: number; body: Json; headers: Headers };
type Options = { headers?: Record<string, string>; idempotencyKey?: string; rawBody?: string | ReadableStream<Uint8Array>; contentType?: string };

type Operation = { responses: Record<string, { content?: { "application/json"?: { schema: object } } }> };
let dereferenced: Promise<{ paths: Record<string, Record<string, Operation>> }> | undefined;
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
const validators = new Map<string, ReturnType<typeof ajv.compile>>();

/** Every (operationId, status) an answer was checked for, so a suite can prove it covered each endpoint. */
export const seen = new Set<string>();

/** The document, validated by an OpenAPI parser first, with every $ref resolved. */
export function contractDocument() {
  dereferenced ??= (async () => {
    const result = await validate(structuredClone(openApiDocument()) as never);
    if (!result.valid) throw new Error(`The OpenAPI document is invalid: ${JSON.stringify(result.errors)}`);
    return (await dereference(structuredClone(openApiDocument()) as never)) as never;
  })();
  return dereferenced;
}

/** An API key of the member's organization, made through the domain as Settings makes it. */
export async function keyFor(member: TestMember, role: ApiKeyRole = "manager"): Promise<string> {
  return (await createApiKey(member.ctx, { name: `test ${role} ${randomUUID().slice(0, 6)}`, role })).key;
}

/** The endpoint whose OpenAPI path matches `path` (`/events/123` → `/events/{eventId}`) and its parameters. */
function match(method: string, path: string) {
  for (const endpoint of endpoints) {
    if (endpoint.method !== method) continue;
    const names: string[] = [];
    const pattern = endpoint.path.replace(/\{(\w+)\}/g, (_, name: string) => (names.push(name), "([^/]+)"));
    const found = new RegExp(`^${pattern}$`).exec(path);
    if (found) return { endpoint, params: Object.fromEntries(names.map((name, i) => [name, decodeURIComponent(found[i + 1]!)])) };
  }
  throw new Error(`No endpoint answers ${method.toUpperCase()} ${path}`);
}

/** Fails the test unless the status is documented for the operation and the body validates against it. */
export async function expectContract(method: string, template: string, status: number, body: unknown): Promise<void> {
  const document = await contractDocument();
  const operation = document.paths[template]?.[method];
  expect(operation, `${method} ${template} is in the document`).toBeDefined();
  const response = operation!.responses[String(status)];
  expect(response, `${method.toUpperCase()} ${template} documents status ${status}`).toBeDefined();
  const schema = response!.content?.["application/json"]?.schema;
  expect(schema, `${method.toUpperCase()} ${template} ${status} has a JSON schema`).toBeDefined();
  const key = `${method} ${template} ${status}`;
  if (!validators.has(key)) validators.set(key, ajv.compile(schema!));
  const check = validators.get(key)!;
  expect(check(body) ? [] : check.errors, `${key}: the body matches the document`).toEqual([]);
  seen.add(`${(operation as { operationId?: string }).operationId} ${status}`);
}

async function call(key: string | null, method: string, path: string, body: unknown, options: Options): Promise<ApiAnswer> {
  const [pathname, search = ""] = path.split("?");
  const { endpoint, params } = match(method, pathname!);
  const headers: Record<string, string> = { ...(key ? { authorization: `Bearer ${key}` } : {}), ...options.headers };
  if (options.idempotencyKey) headers["idempotency-key"] = options.idempotencyKey;
  const raw = options.rawBody ?? (body === undefined ? undefined : JSON.stringify(body));
  if (raw !== undefined) headers["content-type"] = options.contentType ?? "application/json";
  const request = new Request(`http://app.test/api/v1${pathname}${search ? `?${search}` : ""}`, {
    method: method.toUpperCase(),
    headers,
    body: raw,
    // A stream body (no Content-Length) needs this in Node's fetch.
    ...(raw instanceof ReadableStream ? { duplex: "half" } : {}),
  } as RequestInit);
  const folder = endpoint.path.replace(/\{(\w+)\}/g, "[$1]");
  const route = (await import(/* @vite-ignore */ `@/app/api/v1${folder}/route`)) as Record<string, (r: Request, c: unknown) => Promise<Response>>;
  const response = await route[method.toUpperCase()]!(request, { params: Promise.resolve(params) });
  const answer = { status: response.status, body: (await response.json()) as Json, headers: response.headers };
  await expectContract(method, endpoint.path, answer.status, answer.body);
  return answer;
}

/** A client of the API with one key (or none): every answer is checked against the document. */
export function api(key: string | null) {
  return {
    get: (path: string, options: Options = {}) => call(key, "get", path, undefined, options),
    post: (path: string, body?: unknown, options: Options = {}) => call(key, "post", path, body, options),
    patch: (path: string, body: unknown, options: Options = {}) => call(key, "patch", path, body, options),
    delete: (path: string, options: Options = {}) => call(key, "delete", path, undefined, options),
  };
}
