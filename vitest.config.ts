import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = fileURLToPath(new URL(".", import.meta.url));
const ignored = ["**/node_modules/**", ".next/**", ".next-*/**", "e2e/**", ".data/**", "test-results/**", "playwright-report/**"];
// Tests that need PostgreSQL (`*.db.test.ts`), Redis (`*.redis.test.ts`) or run the embedded database
// (`*.embedded.test.ts`); the rest are unit tests, which need no service at all (`npx vitest run --project unit`).
const withServices = ["**/*.db.test.ts", "**/*.redis.test.ts", "**/*.embedded.test.ts"];

export default defineConfig({
  resolve: {
    alias: [
      { find: /^@\//, replacement: root },
      // `server-only` throws outside React Server Components; tests import server modules directly.
      { find: /^server-only$/, replacement: fileURLToPath(new URL("./node_modules/server-only/empty.js", import.meta.url)) },
      // next-auth imports "next/server" without an extension, which Node's ESM resolver refuses outside Next.
      { find: /^next\/(server|headers|navigation)$/, replacement: "next/$1.js" },
      // Server code reads next-intl's server build, as in Next (its default build refuses outside React Server
      // Components); its request configuration is test/i18n-request.ts, since tests have no Next request.
      { find: /^next-intl\/server$/, replacement: fileURLToPath(new URL("./node_modules/next-intl/dist/esm/development/server.react-server.js", import.meta.url)) },
      { find: /^next-intl\/config$/, replacement: fileURLToPath(new URL("./test/i18n-request.ts", import.meta.url)) },
    ],
  },
  test: {
    environment: "node",
    // Tests assert on behaviour, not on log lines; expected failures would otherwise flood the output.
    env: { LOG_LEVEL: "silent" },
    pool: "forks",
    // Inlined so the aliases above apply inside them (route handlers that read the session import next-auth).
    server: { deps: { inline: ["next-auth", "next-intl"] } },
    testTimeout: 30_000,
    hookTimeout: 30_000,
    teardownTimeout: 10_000,
    projects: [
      { extends: true, test: { name: "unit", include: ["**/*.test.ts"], exclude: [...ignored, ...withServices] } },
      {
        extends: true,
        test: {
          name: "services",
          include: withServices,
          exclude: ignored,
          // Migrates the test database (created fresh by scripts/test.sh) once before the files run.
          globalSetup: ["./scripts/vitest-global-setup.ts"],
        },
      },
    ],
  },
});
