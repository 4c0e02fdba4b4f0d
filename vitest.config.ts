import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL(".", import.meta.url));

export default defineConfig({
  resolve: {
    alias: [
      { find: /^@\//, replacement: root },
      // `server-only` throws outside React Server Components; tests import server modules directly.
      { find: /^server-only$/, replacement: fileURLToPath(new URL("./node_modules/server-only/empty.js", import.meta.url)) },
      // next-auth imports "next/server" without an extension, which Node's ESM resolver refuses outside Next.
      { find: /^next\/(server|headers|navigation)$/, replacement: "next/$1.js" },
    ],
  },
  test: {
    environment: "node",
    // Tests assert on behaviour, not on log lines; expected failures would otherwise flood the output.
    env: { LOG_LEVEL: "silent" },
    include: ["**/*.test.ts"],
    exclude: ["**/node_modules/**", ".next/**", "e2e/**", ".data/**", "test-results/**", "playwright-report/**"],
    globalSetup: ["./scripts/vitest-global-setup.ts"],
    pool: "forks",
    // Inlined so the alias above applies inside it (route handlers that read the session import it).
    server: { deps: { inline: ["next-auth"] } },
    testTimeout: 30_000,
    hookTimeout: 30_000,
    teardownTimeout: 10_000,
  },
});
