import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import type { ExtractTablesWithRelations } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import * as schema from "./schema";

export type Schema = typeof schema;
/** The common type of the PGlite and postgres.js databases: domain code never knows which one it has. */
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
export type Transaction = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** A database or an open transaction: helpers that accept this join the caller's transaction. */
export type Executor = Database | Transaction;

export type DatabaseHandle = {
  db: Database;
  kind: "pglite" | "postgres";
  close(): Promise<void>;
};

const config = { schema, casing: "snake_case" } as const;

export function openPostgres(url: string, poolMax = 10): DatabaseHandle {
  const client = postgres(url, { max: poolMax, onnotice: () => {} });
  const db = drizzlePostgres({ client, ...config }) as unknown as Database;
  return { db, kind: "postgres", close: () => client.end({ timeout: 5 }) };
}

/**
 * PGlite keeps its files in `dataDir` (or in memory when omitted). Two processes opening one folder corrupt it
 * silently, so the folder is claimed with a pid file and a second process gets a clear error instead.
 */
export function openPglite(dataDir?: string): DatabaseHandle {
  let release = () => {};
  if (dataDir) {
    fs.mkdirSync(dataDir, { recursive: true });
    release = claimDataDir(dataDir);
  }
  const client = new PGlite({ dataDir });
  const db = drizzlePglite({ client, ...config }) as unknown as Database;
  return {
    db,
    kind: "pglite",
    close: async () => {
      await client.close();
      release();
    },
  };
}

function claimDataDir(dataDir: string): () => void {
  const pidFile = path.join(dataDir, "owner.pid");
  const owner = readPid(pidFile);
  if (owner !== undefined && owner !== process.pid && isAlive(owner)) {
    throw new Error(
      `The embedded database in ${path.resolve(dataDir)} is in use by process ${owner} (is the app running?). ` +
        "Stop that process first: two processes on one PGlite folder corrupt it.",
    );
  }
  fs.writeFileSync(pidFile, String(process.pid));
  const release = () => {
    if (readPid(pidFile) === process.pid) fs.rmSync(pidFile, { force: true });
  };
  process.once("exit", release);
  return release;
}

function readPid(file: string): number | undefined {
  try {
    const pid = Number.parseInt(fs.readFileSync(file, "utf8"), 10);
    return Number.isFinite(pid) ? pid : undefined;
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
