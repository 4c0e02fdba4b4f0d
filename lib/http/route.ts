import { randomUUID } from "node:crypto";
import { NextResponse } from "next/server";
import { AppError } from "@/lib/errors";
import { logger, type Logger } from "@/lib/logger";
import { apiErrorBody } from "./english";
import { securityHeaders } from "./security-headers";

// The same for every API response of this process; built at the first one (settings are read at start-up).
let API_HEADERS: Record<string, string> | undefined;

export type RouteContext<P> = { params: Promise<P>; requestId: string; log: Logger };

/**
 * Wraps a route handler: request id (honoured from `x-request-id` or generated, and returned), one log line per
 * request, AppError → `{ error: { code, message } }` with its status (worded in English: route handlers answer
 * programs), anything else → logged once, 500 INTERNAL, and the security headers of an API response.
 */
export function withRoute<P = Record<string, string>>(
  name: string,
  handler: (request: Request, context: RouteContext<P>) => Promise<Response>,
) {
  return async (request: Request, { params }: { params: Promise<P> }): Promise<Response> => {
    const requestId = request.headers.get("x-request-id") || randomUUID();
    const log = logger.child({ requestId, route: name });
    const started = performance.now();
    let response: Response;
    try {
      response = await handler(request, { params, requestId, log });
    } catch (error) {
      if (error instanceof AppError) {
        response = NextResponse.json(apiErrorBody(error), {
          status: error.status,
          headers: error.details.retryAfterSeconds ? { "retry-after": String(error.details.retryAfterSeconds) } : {},
        });
      } else {
        log.error({ err: error }, "route failed");
        response = NextResponse.json(apiErrorBody(new AppError("INTERNAL", "Something went wrong on our side.")), {
          status: 500,
        });
      }
    }
    response = withHeaders(response, { "x-request-id": requestId, ...(API_HEADERS ??= securityHeaders("api")) });
    log.info(
      { method: request.method, status: response.status, ms: Math.round(performance.now() - started) },
      "request",
    );
    return response;
  };
}

/** Adds headers the response does not set itself (a copy when its headers are immutable, as a redirect's are). */
function withHeaders(response: Response, headers: Record<string, string>): Response {
  let target = response;
  try {
    target.headers.set("x-request-id", headers["x-request-id"]!);
  } catch {
    target = new Response(response.body, response);
  }
  for (const [name, value] of Object.entries(headers)) {
    if (name === "x-request-id" || !target.headers.has(name)) target.headers.set(name, value);
  }
  return target;
}
