import fs from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { migrate } from "drizzle-orm/postgres-js/migrator";
import type { DatabaseHandle } from "./client";

const migrationsFolder = path.join(process.cwd(), "drizzle");

/** Applies the migrations in drizzle/ that are not applied yet; the same files on PGlite and PostgreSQL. */
export async function migrateDatabase(handle: DatabaseHandle): Promise<void> {
  await migrate(handle.db, { migrationsFolder });
}

export type MigrationState = { applied: number; expected: number; upToDate: boolean };

export async function getMigrationState(handle: DatabaseHandle): Promise<MigrationState> {
  const journal = JSON.parse(fs.readFileSync(path.join(migrationsFolder, "meta", "_journal.json"), "utf8")) as {
    entries: unknown[];
  };
  const expected = journal.entries.length;
  const exists = await handle.db.execute<{ present: boolean }>(
    sql`select to_regclass('drizzle.__drizzle_migrations') is not null as present`,
  );
  let applied = 0;
  if (exists[0]?.present) {
    const result = await handle.db.execute<{ count: number }>(
      sql`select count(*)::int as count from drizzle.__drizzle_migrations`,
    );
    applied = result[0]?.count ?? 0;
  }
  return { applied, expected, upToDate: applied >= expected };
}
