import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // PGlite (WASM + data folder) and postgres.js must run as plain Node modules, not bundled.
  serverExternalPackages: ["@electric-sql/pglite", "postgres", "pino", "bcryptjs"],
  poweredByHeader: false,
  typedRoutes: false,
};

export default nextConfig;
