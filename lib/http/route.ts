import { randomUUID } from "node:crypto";
import { NextResponse } from "next/server";
import { AppError, toErrorBody } from "@/lib/errors";
import { logger, type Logger } from "@/lib/logger";

export type RouteContext<P> = { params: Promise<P>; requestId: string; log: Logger };

/**
 * Wraps a route handler: request id (honoured from `x-request-id` or generated, and returned), one log line per
 * request, AppError → `{ error: { code, message } }` with its status, anything else → logged once, 500 INTERNAL.
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
        response = NextResponse.json(toErrorBody(error), {
          status: error.status,
          headers: error.details.retryAfterSeconds ? { "retry-after": String(error.details.retryAfterSeconds) } : {},
        });
      } else {
        log.error({ err: error }, "route failed");
        response = NextResponse.json(toErrorBody(new AppError("INTERNAL", "Something went wrong on our side.")), {
          status: 500,
        });
      }
    }
    response.headers.set("x-request-id", requestId);
    log.info(
      { method: request.method, status: response.status, ms: Math.round(performance.now() - started) },
      "request",
    );
    return response;
  };
}
