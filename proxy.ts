import { NextResponse, type NextRequest } from "next/server";
import { redactTokens } from "@/lib/http/redact-path";
import { logger } from "@/lib/logger";

/**
 * Gives every request an id (an incoming `x-request-id` is honoured) that server code and logs share, and returns it.
 * Page requests are logged here; route handlers are not matched (they log their own line, lib/http/route.ts).
 * Authorization does not live here: pages and domain functions check the session and the membership themselves.
 */
export function proxy(request: NextRequest) {
  const requestId = request.headers.get("x-request-id") || crypto.randomUUID();
  const headers = new Headers(request.headers);
  headers.set("x-request-id", requestId);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("x-request-id", requestId);
  const { pathname } = request.nextUrl;
  logger.info({ requestId, method: request.method, path: redactTokens(pathname) }, "page request");
  return response;
}

// Route handlers (/api/…, among them the tracking ingest, the hot path) give themselves a request id and log their
// own line with the status (withRoute), so they skip the proxy and its cost entirely.
export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|icon.svg|maplibre-gl-worker.mjs|api/).*)"],
};
