import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

// next-intl finds the request's locale and messages here (languages: lib/i18n). The catalogs are compiled when the app
// is built, so pages format messages without shipping an ICU parser (9 kB gzip off the participant's phone; messages
// can then not be read with t.raw).
const withNextIntl = createNextIntlPlugin({
  requestConfig: "./lib/adapters/i18n-request.ts",
  experimental: { messages: { path: "./lib/i18n/messages", format: "json", locales: "infer", precompile: true } },
});

// Files the proxy does not see (pages get their headers in proxy.ts, API routes in lib/http/route.ts).
const staticFileHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Cross-Origin-Resource-Policy", value: "same-origin" },
];

const nextConfig: NextConfig = {
  // PGlite (WASM + data folder) and postgres.js must run as plain Node modules, not bundled.
  // prom-client and the OpenTelemetry SDK keep process-wide state: one copy from node_modules, not one per bundle.
  serverExternalPackages: [
    "@electric-sql/pglite",
    "postgres",
    "pino",
    "bcryptjs",
    "prom-client",
    "@opentelemetry/api",
    "@opentelemetry/context-async-hooks",
    "@opentelemetry/core",
    "@opentelemetry/exporter-trace-otlp-http",
    "@opentelemetry/resources",
    "@opentelemetry/sdk-trace-base",
  ],
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
