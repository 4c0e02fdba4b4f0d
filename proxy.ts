import { NextResponse, type NextRequest } from "next/server";
import { redactTokens } from "@/lib/http/redact-path";
import { PATH_HEADER } from "@/lib/http/request-path";
import { pageKindOf, securityHeaders } from "@/lib/http/security-headers";
import { logger } from "@/lib/logger";

/**
 * Every page request gets an id (an incoming `x-request-id` is honoured) that server code and logs share, and a fresh
 * CSP nonce: Next.js reads the policy from the request headers and puts the nonce on its own scripts.
 * Authorization does not live here: pages and domain functions check the session and the membership themselves.
 */
export function proxy(request: NextRequest) {
  const requestId = request.headers.get("x-request-id") || crypto.randomUUID();
  const { pathname } = request.nextUrl;
  const security = securityHeaders(pageKindOf(pathname), Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64"));
  const headers = new Headers(request.headers);
  headers.set("x-request-id", requestId);
  headers.set("content-security-policy", security["content-security-policy"]!);
  // The page's language is decided from the path (lib/adapters/request-locale.ts); next-intl's own locale header
  // would let a client pick it, so it never passes.
  headers.set(PATH_HEADER, pathname);
  headers.delete("x-next-intl-locale");
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("x-request-id", requestId);
  for (const [name, value] of Object.entries(security)) response.headers.set(name, value);
  logger.info({ requestId, method: request.method, path: redactTokens(pathname) }, "page request");
  return response;
}

// Route handlers (/api/…, among them the tracking ingest, the hot path, and the calendar feeds at /calendar/…) set
// their own request id, log line and security headers (withRoute), so they skip the proxy and its cost entirely.
export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|icon.svg|maplibre-gl-worker.mjs|api/|calendar/).*)"],
};
