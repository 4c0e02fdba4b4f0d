import { randomUUID } from "node:crypto";
import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { describe, expect, it } from "vitest";
import { connectTestDatabase } from "@/test/database";

connectTestDatabase();
const { endpoints } = await import("@/lib/api-v1");
const { errorsOf } = await import("@/lib/api-v1/errors");
const { api, contractDocument, seen } = await import("@/test/api");
const { contractCalls, contractFixture } = await import("@/test/api-contract");

// Every endpoint, probed the same way: its success, and each refusal the document lists for it. The harness checks
// each answer's status and body against the generated document; the last test proves every documented answer of
// every endpoint was seen (429 has its own suite, lib/adapters/api-rate-limit.db.test.ts, through the same harness).

type Doc = Awaited<ReturnType<typeof contractDocument>>;
type Media = { schema: object; example?: unknown };

describe("the OpenAPI document", () => {
  it("validates with an OpenAPI parser, and its every example validates against its own schema", async () => {
    const document = (await contractDocument()) as Doc & { paths: Record<string, Record<string, unknown>> };
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats(ajv);
    for (const endpoint of endpoints) {
      const operation = document.paths[endpoint.path]![endpoint.method] as {
        requestBody?: { content: Record<string, Media> };
        responses: Record<string, { content: Record<string, Media> }>;
      };
      const media = [
        ...(operation.requestBody ? [["request", operation.requestBody.content["application/json"]!] as const] : []),
        ...Object.entries(operation.responses).map(([status, r]) => [status, r.content["application/json"]!] as const),
      ];
      for (const [what, { schema, example }] of media) {
        expect(example, `${endpoint.operationId} ${what} has an example`).toBeDefined();
        const check = ajv.compile(schema);
        expect(check(example) ? [] : check.errors, `${endpoint.operationId} ${what}'s example`).toEqual([]);
      }
    }
  });

  it("has contract calls for every endpoint", () => {
    expect(endpoints.map((e) => e.operationId).filter((id) => !contractCalls[id])).toEqual([]);
  });
});

describe.each(endpoints.map((endpoint) => [endpoint.operationId, endpoint] as const))("%s", (operationId, endpoint) => {
  const calls = contractCalls[operationId]!;
  const send = (key: string | null, call: { path: string; body?: unknown }, options = {}) =>
    api(key)[endpoint.method](call.path, ...((endpoint.method === "post" || endpoint.method === "patch" ? [call.body, options] : [options]) as [never]));

  it("answers its success and every refusal it documents, each as documented", async () => {
    const f = await contractFixture();
    const ok = await calls.ok(f);
    const codes = new Set(errorsOf(endpoint).map((e) => e.code));
    if (codes.has("UNAUTHORIZED")) expect((await send(null, ok)).status).toBe(401);
    if (codes.has("FORBIDDEN")) expect((await send(f.viewer, ok)).status).toBe(403);
    if (codes.has("NOT_FOUND")) expect((await send(f.outsider, ok)).status).toBe(404);
    if (codes.has("VALIDATION")) {
      const invalid = calls.invalid ? await calls.invalid(f) : { ...ok, body: [] };
      expect((await send(f.manager, invalid)).status).toBe(422);
    }
    if (codes.has("UNSUPPORTED_MEDIA_TYPE")) {
      expect((await send(f.manager, ok, { rawBody: "title=x", contentType: "text/plain" })).status).toBe(415);
    }
    if (codes.has("PAYLOAD_TOO_LARGE")) {
      const pad = "x".repeat(endpoint.maxBodyBytes ?? 1024 * 1024);
      expect((await send(f.manager, ok, { rawBody: JSON.stringify({ pad }) })).status).toBe(413);
    }
    if (codes.has("BAD_REQUEST")) expect((await send(f.manager, ok, { rawBody: "{not json" })).status).toBe(400);
    for (const [code, make] of Object.entries(calls.errors ?? {})) {
      const answer = await send(f.manager, await make(f));
      expect(answer.body, `${operationId} ${code}`).toMatchObject({ error: { code } });
    }
    const idempotencyKey = randomUUID();
    const success = await send(f.manager, ok, endpoint.method === "post" ? { idempotencyKey } : {});
    expect(success.status, JSON.stringify(success.body)).toBe(endpoint.response.status);
    // A reused Idempotency-Key (POST only); other conflicts of an operation are among its own `errors` calls.
    if (codes.has("CONFLICT") && endpoint.method === "post") {
      const other = await send(f.manager, { ...ok, body: { ...(ok.body as object), other: randomUUID() } }, { idempotencyKey });
      expect(other.status).toBe(409);
    }
  });
});

describe("coverage", () => {
  it("saw every documented answer of every endpoint, each validated against the document", () => {
    const expected = endpoints.flatMap((endpoint) => [
      `${endpoint.operationId} ${endpoint.response.status}`,
      ...errorsOf(endpoint)
        .filter((error) => error.code !== "RATE_LIMITED")
        .map((error) => `${endpoint.operationId} ${error.status}`),
    ]);
    expect(expected.filter((answer) => !seen.has(answer))).toEqual([]);
  });
});
