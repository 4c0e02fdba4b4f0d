import { ApiReference } from "@scalar/nextjs-api-reference";
import { getTranslations } from "next-intl/server";

/**
 * The API reference (Scalar), rendered from /api/v1/openapi.json with Scalar's bundle served from our own origin, so it
 * works with no internet. Its scripts carry the nonce proxy.ts made for this request (the request's own CSP header,
 * set by the proxy, not by the client), so the page keeps the app's strict Content-Security-Policy. A page, not an API
 * answer: the proxy gives it a page's headers, so it is not wrapped in withRoute (whose API policy allows nothing).
 */
export async function GET(request: Request): Promise<Response> {
  const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(request.headers.get("content-security-policy") ?? "")?.[1];
  const t = await getTranslations("apiDocs");
  const render = ApiReference({
    url: "/api/v1/openapi.json",
    cdn: "/docs/api/scalar.js",
    nonce,
    pageTitle: t("title"),
    withDefaultFonts: false,
    telemetry: false,
    hideClientButton: true,
    showDeveloperTools: "never",
    documentDownloadType: "json",
  });
  return render();
}
