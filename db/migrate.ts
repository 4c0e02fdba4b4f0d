import fs from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import type { DatabaseHandle } from "./client";

const migrationsFolder = path.join(process.cwd(), "drizzle");

/** Applies the migrations in drizzle/ that are not applied yet; the same files on PGlite and PostgreSQL. */
export async function migrateDatabase(handle: DatabaseHandle): Promise<void> {
  const options = { migrationsFolder };
  // The two migrators take their own driver's database type; ours is the common base of both.
  if (handle.kind === "pglite") await migratePglite(handle.db as never, options);
  else await migratePostgres(handle.db as never, options);
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
  if (rows<{ present: boolean }>(exists)[0]?.present) {
    const result = await handle.db.execute<{ count: number }>(
      sql`select count(*)::int as count from drizzle.__drizzle_migrations`,
    );
    applied = rows<{ count: number }>(result)[0]?.count ?? 0;
  }
  return { applied, expected, upToDate: applied >= expected };
}

/** postgres.js returns an array of rows, PGlite an object with `rows`. */
export function rows<T>(result: unknown): T[] {
  return Array.isArray(result) ? (result as T[]) : ((result as { rows: T[] }).rows ?? []);
}
