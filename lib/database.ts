import path from "node:path";
import { openPglite, openPostgres, type Database, type DatabaseHandle } from "@/db/client";
import { env } from "@/lib/env";

// db/ knows how to open a database; which one this process uses is a setting, decided here.
export type { AdvisoryLocks, Database, DatabaseHandle, Executor, Transaction } from "@/db/client";
export { schema } from "@/db";

// One handle per process, kept on globalThis so a dev-server module reload never opens the PGlite folder twice.
const globalForDb = globalThis as typeof globalThis & { __eventComingDb?: DatabaseHandle };

export function getDatabaseHandle(): DatabaseHandle {
  if (!globalForDb.__eventComingDb) {
    const settings = env();
    globalForDb.__eventComingDb = settings.DATABASE_URL
      ? openPostgres(settings.DATABASE_URL, settings.DATABASE_POOL_MAX)
      : openPglite(path.join(settings.DATA_DIR, "pglite"));
  }
  return globalForDb.__eventComingDb;
}

/** The process's database: PostgreSQL with DATABASE_URL, otherwise the embedded PGlite. */
export function getDb(): Database {
  return getDatabaseHandle().db;
}
