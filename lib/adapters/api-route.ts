import { createHash } from "node:crypto";
import { NextResponse } from "next/server";
import { claimIdempotencyKey, completeIdempotencyKey, releaseIdempotencyKey } from "@/lib/api-keys";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { apiErrorBody, readBody, withRoute } from "@/lib/http";
import type { Logger } from "@/lib/logger";
import { createRateLimiter, type RateLimiter } from "@/lib/rate-limit";
import { assertCan, resolveApiKeyContext, type Capability, type OrgContext } from "@/lib/tenant";

/** What an API handler answers: a status and a JSON body (kept as is for an Idempotency-Key's replays). */
export type ApiResult = { status: number; body: unknown; headers?: Record<string, string> };

export type ApiRouteContext<P> = {
  ctx: OrgContext;
  params: P;
  request: Request;
  /** The JSON body as sent (undefined when there is none); the handler parses it with its schema. */
  body: unknown;
  requestId: string;
  log: Logger;
};

export type ApiRouteOptions = {
  capability?: Capability;
  /** The body cap, read while streaming (413 beyond): 1 MiB unless a route needs more (bulk imports). */
  maxBodyBytes?: number;
};

export const DEFAULT_API_BODY_BYTES = 1024 * 1024;
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;

let limiter: RateLimiter | undefined;

/**
 * withRoute for /api/v1: `Authorization: Bearer <key>` → the key's organization context (401 otherwise), the key's
 * rate limit (429 + Retry-After), the capability (403), the JSON body under its cap, and for a POST with an
 * `Idempotency-Key` one effect per key: the first answer is replayed to a retry with the same body.
 */
export function withApiRoute<P>(
  name: string,
  handler: (context: ApiRouteContext<P>) => Promise<ApiResult>,
  { capability, maxBodyBytes = DEFAULT_API_BODY_BYTES }: ApiRouteOptions = {},
) {
  return withRoute<P>(name, async (request, { params, requestId, log }) => {
    const ctx = await resolveApiKeyContext(bearerToken(request), requestId);
    log.info({ orgId: ctx.org.id, apiKeyId: ctx.actor.type === "api_key" ? ctx.actor.apiKeyId : null, role: ctx.role }, "api key");
    await checkRateLimit(ctx);
    if (capability) assertCan(ctx, capability);
    const bytes = await readRequestBody(request, maxBodyBytes);
    const run = async () => answer(handler, { ctx, params: await params, request, body: parseJson(bytes), requestId, log });
    const key = request.headers.get("idempotency-key");
    if (request.method !== "POST" || key === null) return respond(await run());
    if (!IDEMPOTENCY_KEY.test(key)) {
      throw new AppError("BAD_REQUEST", "Use an Idempotency-Key of 1 to 255 visible ASCII characters, e.g. a UUID.");
    }
    const claim = await claimIdempotencyKey(ctx, key, requestHash(request, bytes));
    if (claim.kind === "replay") return respond({ status: claim.status, body: claim.body }, { "idempotent-replayed": "true" });
    let result: ApiResult;
    try {
      result = await run();
    } catch (error) {
      await releaseIdempotencyKey(ctx, claim.id);
      throw error;
    }
    // A failure on our side is not kept: the client's retry should run again.
    if (result.status >= 500) await releaseIdempotencyKey(ctx, claim.id);
    else await completeIdempotencyKey(ctx, claim.id, result.status, result.body);
    return respond(result);
  });
}

/** The handler's answer, with our own refusals (AppError) as answers too, so an Idempotency-Key replays them. */
async function answer<P>(handler: (context: ApiRouteContext<P>) => Promise<ApiResult>, context: ApiRouteContext<P>) {
  try {
    return await handler(context);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const retryAfter = error.details.retryAfterSeconds;
    return {
      status: error.status,
      body: apiErrorBody(error),
      headers: retryAfter ? { "retry-after": String(retryAfter) } : undefined,
    } satisfies ApiResult;
  }
}

function respond(result: ApiResult, extra: Record<string, string> = {}): Response {
  return NextResponse.json(result.body, { status: result.status, headers: { ...result.headers, ...extra } });
}

function bearerToken(request: Request): string {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.get("authorization") ?? "");
  if (!match) throw new AppError("UNAUTHORIZED", "Send your API key as `Authorization: Bearer <key>`.");
  return match[1]!;
}

async function checkRateLimit(ctx: OrgContext): Promise<void> {
  if (ctx.actor.type !== "api_key") return;
  limiter ??= createRateLimiter({ prefix: "api", limit: env().API_RATE_LIMIT_PER_MINUTE, windowSeconds: 60 });
  const { success, retryAfterSeconds } = await limiter.limit(`${ctx.org.id}:${ctx.actor.apiKeyId}`);
  if (!success) {
    throw new AppError("RATE_LIMITED", "Too many requests with this API key. Wait and try again.", { retryAfterSeconds });
  }
}

/** The body under its cap (413 while streaming); a body other than JSON is refused (415) before it is read. */
async function readRequestBody(request: Request, maxBytes: number): Promise<Uint8Array> {
  if (request.method === "GET" || request.method === "HEAD" || request.body === null) return new Uint8Array(0);
  if (request.headers.get("content-length") === "0") return new Uint8Array(0);
  return readBody(request, { maxBytes, mediaTypes: ["application/json"] });
}

function parseJson(bytes: Uint8Array): unknown {
  if (bytes.byteLength === 0) return undefined;
  try {
    return JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    throw new AppError("BAD_REQUEST", "The body is not valid JSON.");
  }
}

/** Method, path and body: the same key with another request is a conflict, not a replay. */
function requestHash(request: Request, body: Uint8Array): string {
  const { pathname, search } = new URL(request.url);
  return createHash("sha256").update(`${request.method} ${pathname}${search}\n`).update(body).digest("hex");
}
