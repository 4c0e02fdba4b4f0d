import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // PGlite (WASM + data folder) and postgres.js must run as plain Node modules, not bundled.
  serverExternalPackages: ["@electric-sql/pglite", "postgres", "pino", "bcryptjs"],
  poweredByHeader: false,
  // A separate build folder lets the benchmark (and parallel local runs) build without touching the one `npm test` uses.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  typedRoutes: false,
};

export default nextConfig;
