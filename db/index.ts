// The data layer: the schema, the client factories and the migrator. It knows nothing of settings or domains: which
// database a process uses is decided in lib/database.ts.
export { openPglite, openPostgres } from "./client";
export type { Database, DatabaseHandle, Executor, Transaction } from "./client";
export * as schema from "./schema";
