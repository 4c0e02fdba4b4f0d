import { env } from "@/lib/env";
import { mapProviderOrigin } from "@/lib/map";

/** What a response is, for the headers it gets. */
export type ResponseKind = "page" | "tracking-page" | "board" | "api-docs" | "api";

/** The kind of page a path is (API routes are told apart by their route wrapper, not here). */
export function pageKindOf(pathname: string): Exclude<ResponseKind, "api"> {
  if (pathname.startsWith("/t/")) return "tracking-page";
  if (pathname.startsWith("/board/")) return "board";
  if (pathname === "/docs/api") return "api-docs";
  return "page";
}

const NO_FEATURES = "camera=(), microphone=(), payment=(), usb=(), browsing-topics=()";

/**
 * The security headers of every response. Pages get a nonce-based Content-Security-Policy (Next.js puts the nonce on
 * its own scripts); only the participant's tracking page may ask for the position, and its address (which holds the
 * token) is never sent on as a referrer. Nothing may frame the app, except the arrival board for listed origins.
 */
export function securityHeaders(kind: ResponseKind, nonce?: string): Record<string, string> {
  const settings = env();
  const tokenInUrl = kind === "tracking-page" || kind === "api";
  const headers: Record<string, string> = {
    "x-content-type-options": "nosniff",
    "referrer-policy": tokenInUrl ? "no-referrer" : "strict-origin-when-cross-origin",
    "permissions-policy": `geolocation=${kind === "tracking-page" ? "(self)" : "()"}, ${NO_FEATURES}`,
    "cross-origin-opener-policy": "same-origin",
    "content-security-policy":
      kind === "api" ? "default-src 'none'; frame-ancestors 'none'" : pagePolicy(kind, nonce ?? "", settings),
  };
  const frameAncestors = kind === "board" ? settings.BOARD_FRAME_ANCESTORS : undefined;
  if (!frameAncestors) headers["x-frame-options"] = "DENY";
  // A deployment whose public address is HTTPS (production requires APP_URL) is only ever reached over HTTPS.
  if (servedOverHttps(settings)) headers["strict-transport-security"] = "max-age=63072000; includeSubDomains";
  return headers;
}

function pagePolicy(kind: ResponseKind, nonce: string, settings: ReturnType<typeof env>): string {
  // A third-party map (MAP_STYLE=<URL>): its origin, and no other, serves the style, tiles, sprites and glyphs.
  const provider = mapProviderOrigin(settings);
  const mapOrigin = provider ? ` ${provider}` : "";
  const dev = settings.NODE_ENV === "development";
  const frameAncestors = (kind === "board" && settings.BOARD_FRAME_ANCESTORS) || "'none'";
  return [
    "default-src 'self'",
    // 'strict-dynamic': scripts the nonced ones load (Next's chunks) run, nothing else. React needs eval only in dev.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // `next dev` injects styles for hot reloading without a nonce; a production build puts it on all of its own. The
    // API reference (Scalar) adds style elements at run time that carry none; styles cannot run code, scripts stay nonced.
    dev || kind === "api-docs" ? "style-src 'self' 'unsafe-inline'" : `style-src 'self' 'nonce-${nonce}'`,
    // Style attributes (React's style={…}, MapLibre's markers) cannot carry a nonce; they cannot run code either.
    "style-src-attr 'unsafe-inline'",
    `img-src 'self' data: blob:${mapOrigin}`,
    "font-src 'self' data:",
    `connect-src 'self'${mapOrigin}`,
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    `frame-ancestors ${frameAncestors}`,
    ...(servedOverHttps(settings) ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

function servedOverHttps(settings: ReturnType<typeof env>): boolean {
  return settings.APP_URL?.startsWith("https:") ?? false;
}
