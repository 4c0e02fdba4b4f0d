// The architecture, enforced (`npm run lint:deps`, part of `npm test`). Adapters (app, components, inngest) call
// domains (lib/<domain>); domains use data (db). Nothing points back up, and domains meet only at their entry files.
// The production code is what is checked: tests (`*.test.ts`, `test/`) may reach into any layer to test it.
const production = "^(app|components|lib|db|inngest)/";

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "db-knows-no-domain",
      comment: "db/ holds the schema, the client and the migrator: it knows nothing of lib/, app/ or the adapters.",
      severity: "error",
      from: { path: "^db/" },
      to: { path: "^(lib|app|components|inngest)/" },
    },
    {
      name: "domains-know-no-adapters",
      comment: "lib/ is called by app/, components/ and inngest/, never the other way round.",
      severity: "error",
      from: { path: "^lib/" },
      to: { path: "^(app|components|inngest)/" },
    },
    {
      name: "components-know-no-app",
      comment: "Server actions reach client components as props; components never import app/.",
      severity: "error",
      from: { path: "^components/" },
      to: { path: "^app/" },
    },
    {
      name: "domains-meet-at-entry-files",
      comment:
        "Another domain is used through its entry file lib/<domain>/index.ts, never its inner files. lib/i18n's entry " +
        "loads every catalog (server-only), so client-safe code reads its client-safe files (the locales, the translator type).",
      severity: "error",
      from: { path: "^lib/([^/]+)/" },
      to: { path: "^lib/[^/]+/.+", pathNot: ["^lib/$1/", "^lib/[^/]+/index\\.ts$", "^lib/i18n/(locales|translator-type)\\.ts$"] },
    },
    {
      name: "adapters-use-domains-not-data",
      comment: "Pages, components and jobs call a domain function; they never reach the database themselves.",
      severity: "error",
      from: { path: "^(app|components|inngest)/" },
      to: { path: ["^db/", "^node_modules/drizzle-orm/"] },
    },
    {
      name: "production-knows-no-tests",
      comment: "Test helpers, fakes and fixtures live in test/ and are imported by tests only.",
      severity: "error",
      from: { path: production },
      to: { path: "^test/" },
    },
    {
      name: "no-folder-cycles",
      comment: "Folders (domains and their parts) do not depend on each other in a loop.",
      severity: "error",
      scope: "folder",
      from: { path: production },
      to: { circular: true },
    },
    {
      name: "no-file-cycles",
      severity: "error",
      from: { path: production },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: ["node_modules", "^test/"] },
    exclude: { path: ["^(\\.next|node_modules|drizzle|public|e2e|bench|scripts)/", "\\.test\\.tsx?$"] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: { exportsFields: ["exports"], conditionNames: ["import", "require", "node", "default"] },
  },
};
