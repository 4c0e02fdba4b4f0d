import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";
import type { ExtractTablesWithRelations } from "drizzle-orm";
import type { PgTransaction } from "drizzle-orm/pg-core";
import { drizzle, type PostgresJsDatabase, type PostgresJsQueryResultHKT } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import * as schema from "./schema";

export type Schema = typeof schema;
/** The database of both modes (postgres.js to PostgreSQL or to the embedded PGlite): domain code never knows which. */
export type Database = PostgresJsDatabase<Schema>;
export type Transaction = PgTransaction<PostgresJsQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** A database or an open transaction: helpers that accept this join the caller's transaction. */
export type Executor = Database | Transaction;

export type DatabaseHandle = {
  db: Database;
  kind: "pglite" | "postgres";
  /**
   * LISTEN on a channel, on a connection of its own that postgres.js re-opens when it drops; `onListen` runs each time
   * the listening (re)starts, since notifications sent meanwhile are lost. PostgreSQL only: the embedded database
   * has one connection and one process, so nobody else could notify it.
   */
  listen?(channel: string, onMessage: (payload: string) => void, onListen: () => void): Promise<void>;
  /**
   * Session-level advisory locks, on one connection of their own (opened on first use, never recycled), so a lock held
   * for a long job never takes a connection from the pool the job's own queries need. PostgreSQL only.
   */
  advisoryLocks?: AdvisoryLocks;
  close(): Promise<void>;
};

export type AdvisoryLocks = {
  /** True when this session now holds the lock named `key` (hashed to PostgreSQL's 32-bit key space). */
  tryLock(key: string): Promise<boolean>;
  unlock(key: string): Promise<void>;
};

const config = { schema, casing: "snake_case" } as const;

export function openPostgres(url: string, poolMax = 10): DatabaseHandle {
  const client = postgres(url, { max: poolMax, onnotice: () => {} });
  let lockClient: postgres.Sql | undefined;
  const locks = () => (lockClient ??= postgres(url, { max: 1, max_lifetime: null, idle_timeout: 0, onnotice: () => {} }));
  return {
    db: drizzle({ client, ...config }),
    kind: "postgres",
    listen: async (channel, onMessage, onListen) => void (await client.listen(channel, onMessage, onListen)),
    advisoryLocks: {
      tryLock: async (key) => (await locks()`select pg_try_advisory_lock(hashtext(${key})) as locked`)[0]!.locked === true,
      unlock: async (key) => void (await locks()`select pg_advisory_unlock(hashtext(${key}))`),
    },
    close: async () => {
      await lockClient?.end({ timeout: 5 });
      await client.end({ timeout: 5 });
    },
  };
}

/**
 * The embedded database: PGlite keeps its files in `dataDir` (or in memory when omitted) and runs in a worker thread
 * of its own (db/pglite-server.mjs), spoken to over a Unix socket with postgres.js like any PostgreSQL server. So the
 * app has one driver for both modes, and the database's work runs on another core instead of holding up requests.
 * Two processes opening one folder corrupt it silently, so the folder is claimed with a pid file and a second process
 * gets a clear error instead.
 */
export function openPglite(dataDir?: string): DatabaseHandle {
  let release = () => {};
  if (dataDir) {
    fs.mkdirSync(dataDir, { recursive: true });
    release = claimDataDir(dataDir);
  }
  const server = startPgliteServer(dataDir);
  // One connection, as the server takes one (PGlite runs one statement at a time anyway); postgres.js pipelines the
  // statements of concurrent requests on it. It is never recycled: a replacement opened before the server saw the old
  // one close would be turned away.
  const options: postgres.Options<Record<string, never>> & { socket: () => Promise<net.Socket> } = {
    max: 1,
    max_lifetime: null,
    onnotice: () => {},
    socket: server.connect,
  };
  const client = postgres(options);
  let closing: Promise<void> | undefined;
  return {
    db: drizzle({ client, ...config }),
    kind: "pglite",
    close: () =>
      (closing ??= (async () => {
        await client.end({ timeout: 5 });
        await server.stop();
        release();
      })()),
  };
}

type PgliteServer = { connect(): Promise<net.Socket>; stop(): Promise<void> };

const SOCKET_DIR_PREFIX = "event-coming-db-";
/** Names the process that owns a socket folder, so a later start can remove it once that process is gone. */
const OWNER_FILE = "owner.pid";

/**
 * Removes socket folders whose owning process no longer runs (it was killed, so its exit handler never ran). A folder
 * without an owner file (just being created, or from an older version) is left alone. Returns how many went.
 */
export function removeOrphanSocketDirs(tmpDir = os.tmpdir()): number {
  let removed = 0;
  for (const name of fs.readdirSync(tmpDir)) {
    if (!name.startsWith(SOCKET_DIR_PREFIX)) continue;
    const dir = path.join(tmpDir, name);
    let pid: number;
    try {
      pid = Number(fs.readFileSync(path.join(dir, OWNER_FILE), "utf8"));
    } catch {
      continue;
    }
    if (!Number.isInteger(pid) || pid <= 0 || isRunning(pid)) continue;
    fs.rmSync(dir, { recursive: true, force: true });
    removed += 1;
  }
  return removed;
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function startPgliteServer(dataDir: string | undefined): PgliteServer {
  try {
    removeOrphanSocketDirs();
  } catch {
    // Tidying only: a folder that cannot be read or removed does not stop the database.
  }
  // A folder only this user can enter: the socket has no password.
  const socketDir = fs.mkdtempSync(path.join(os.tmpdir(), SOCKET_DIR_PREFIX));
  fs.writeFileSync(path.join(socketDir, OWNER_FILE), String(process.pid));
  const socketPath = path.join(socketDir, ".s.PGSQL.5432");
  const removeSocketDir = () => fs.rmSync(socketDir, { recursive: true, force: true });
  process.once("exit", removeSocketDir);

  const worker = new Worker(path.join(process.cwd(), "db", "pglite-server.mjs"), { workerData: { dataDir, socketPath } });
  // The thread does not keep a script alive on its own; stop() holds it until the database is closed.
  worker.unref();
  let stopping = false;
  let failure: unknown;
  const ready = new Promise<void>((resolve, reject) => {
    worker.once("message", (message: { ready?: true; error?: string }) => {
      if (message.ready) return resolve();
      failure = message.error;
      reject(new Error(`The embedded database did not start: ${message.error}`));
    });
    worker.on("error", (error) => {
      failure = error;
      reject(error);
    });
    worker.on("exit", (code) => {
      reject(new Error(`The embedded database stopped before it started (exit code ${code})`));
      // Without its database the app can only fail every request: say so and stop rather than limp on.
      if (!stopping) {
        console.error(`The embedded database thread stopped unexpectedly (exit code ${code}).`, failure ?? "");
        process.exit(1);
      }
    });
  });
  // A start-up failure is reported by the first query; this only keeps it from being an unhandled rejection meanwhile.
  ready.catch(() => {});

  return {
    async connect() {
      await ready;
      return await new Promise<net.Socket>((resolve, reject) => {
        const socket = net.connect(socketPath);
        socket.once("connect", () => {
          socket.off("error", reject);
          resolve(socket);
        });
        socket.once("error", reject);
      });
    },
    async stop() {
      stopping = true;
      worker.ref();
      const closed = new Promise<void>((resolve) => {
        worker.on("message", (message: { closed?: true }) => message.closed && resolve());
        worker.once("exit", () => resolve());
      });
      worker.postMessage("close");
      await closed;
      await worker.terminate();
      process.off("exit", removeSocketDir);
      removeSocketDir();
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
