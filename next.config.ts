import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // PGlite (WASM + data folder) and postgres.js must run as plain Node modules, not bundled.
  serverExternalPackages: ["@electric-sql/pglite", "postgres", "pino", "bcryptjs"],
  poweredByHeader: false,
  experimental: {
    // The CSV import previews a whole file (up to 5 MB, lib/participants/csv/schemas.ts) in one server action.
    serverActions: { bodySizeLimit: "6mb" },
  },
  typedRoutes: false,
};

export default nextConfig;
