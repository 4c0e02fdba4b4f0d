import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

// next-intl finds the request's locale and messages here (languages: lib/i18n).
const withNextIntl = createNextIntlPlugin("./lib/adapters/i18n-request.ts");

// Files the proxy does not see (pages get their headers in proxy.ts, API routes in lib/http/route.ts).
const staticFileHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Cross-Origin-Resource-Policy", value: "same-origin" },
];

const nextConfig: NextConfig = {
  // PGlite (WASM + data folder) and postgres.js must run as plain Node modules, not bundled.
  serverExternalPackages: ["@electric-sql/pglite", "postgres", "pino", "bcryptjs"],
  poweredByHeader: false,
  // A separate build folder lets the benchmark (and parallel local runs) build without touching the one `npm test` uses.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  typedRoutes: false,
  experimental: {
    // Page requests and server actions pass through the proxy, which buffers their bodies: a roster import of a few
    // thousand rows fits; nothing bigger is read.
    proxyClientMaxBodySize: "2mb",
    serverActions: { bodySizeLimit: "2mb" },
  },
  async headers() {
    return ["/_next/static/:path*", "/_next/image", "/favicon.ico", "/icon.svg", "/maplibre-gl-worker.mjs"].map((source) => ({
      source,
      headers: staticFileHeaders,
    }));
  },
};

export default withNextIntl(nextConfig);
