import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openPglite, type DatabaseHandle } from "./client";

// The embedded database as the app opens it: PGlite in its own thread, spoken to over a socket with postgres.js.
// The tests take turns on one folder (one open handle at a time, as in the app).
const dataDir = mkdtempSync(path.join(os.tmpdir(), "ec-pglite-"));
const opened: DatabaseHandle[] = [];
function open(): DatabaseHandle {
  const handle = openPglite(dataDir);
  opened.push(handle);
  return handle;
}
// A new folder is initialised on first open (initdb in WASM: tens of seconds on a busy 2-core machine).
beforeAll(async () => {
  const handle = open();
  await handle.db.execute(sql`select 1`);
  await handle.close();
}, 120_000);
afterAll(async () => {
  await Promise.allSettled(opened.map((handle) => handle.close()));
  rmSync(dataDir, { recursive: true, force: true });
});

describe("the embedded database", () => {
  it("keeps what was committed across a restart and nothing of a failed transaction", async () => {
    const first = open();
    await first.db.execute(sql`create table notes (id int primary key, body text not null)`);
    await first.db.execute(sql`insert into notes values (1, 'kept')`);
    await expect(
      first.db.transaction(async (tx) => {
        await tx.execute(sql`insert into notes values (2, 'rolled back')`);
        await tx.execute(sql`insert into notes values (1, 'duplicate key')`);
      }),
    ).rejects.toThrow();
    await first.close();

    const second = open();
    expect(await second.db.execute(sql`select id, body from notes order by id`)).toEqual([{ id: 1, body: "kept" }]);
    await second.close();
  });

  it("does not let a query from outside see into a transaction that is still open", async () => {
    const handle = open();
    const { db } = handle;
    await db.execute(sql`create table counters (n int not null)`);
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const transaction = db.transaction(async (tx) => {
      await tx.execute(sql`insert into counters values (1)`);
      await held;
      await tx.execute(sql`insert into counters values (2)`);
    });
    // Sent while the transaction is open: it waits for the commit, and sees both rows or (had it run inside) one.
    const outside = db.execute(sql`select count(*)::int as n from counters`);
    await new Promise((resolve) => setTimeout(resolve, 50));
    release();
    await transaction;
    expect(await outside).toEqual([{ n: 2 }]);
    await handle.close();
  });

  it("works in another thread: the app's event loop keeps running while a long statement executes", async () => {
    const handle = open();
    let ticks = 0;
    const timer = setInterval(() => (ticks += 1), 10);
    const started = performance.now();
    await handle.db.execute(sql`select count(*) from generate_series(1, 4000000)`);
    const elapsed = performance.now() - started;
    clearInterval(timer);
    // A database in this thread would hold the loop for the whole statement: not one tick.
    expect(elapsed).toBeGreaterThan(100);
    expect(ticks).toBeGreaterThan(elapsed / 10 / 4);
    await handle.close();
  });
});
