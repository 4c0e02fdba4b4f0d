import { afterEach, describe, expect, it } from "vitest";
import { z } from "zod";
import type { CronJob, JobEvent } from "@/lib/jobs";
import { connectTestDatabase } from "@/test/database";
import type { LocalRunner } from "./local-runner";

// Two local runners against one PostgreSQL, as two server processes run them: advisory locks belong to database
// sessions, and each runner here has a database handle (so a lock session) of its own, as each process has.
connectTestDatabase();
const { openPostgres } = await import("@/db/client");
const { advisoryJobLock, eventOf } = await import("@/lib/jobs");
const { startLocalRunner } = await import("./local-runner");

const runners: LocalRunner[] = [];
const handles: { close(): Promise<void> }[] = [];
afterEach(async () => {
  for (const runner of runners.splice(0)) runner.stop();
  await Promise.all(handles.splice(0).map((h) => h.close()));
});
const twoServers = (jobs: CronJob[]) => {
  for (let i = 0; i < 2; i++) {
    const handle = openPostgres(process.env.DATABASE_URL!, 2);
    handles.push(handle);
    runners.push(startLocalRunner(jobs, { lock: advisoryJobLock(handle.advisoryLocks!) }));
  }
  return runners as [LocalRunner, LocalRunner];
};

const kicked: JobEvent<Record<string, never>> = { name: "app/test.kicked", data: z.object({}).strict() as z.ZodType<Record<string, never>>, names: "nothing" };

function gate() {
  let open!: () => void;
  const closed = new Promise<void>((resolve) => (open = resolve));
  return { closed, open };
}

describe("local job runner on several servers (PostgreSQL advisory lock)", () => {
  it("runs a cron job once per tick, not once per server", async () => {
    const ticks: number[] = [];
    twoServers([{ id: "lock-test-every-second", cron: "* * * * * *", runOnStart: false, handler: async () => void ticks.push(Math.floor(Date.now() / 1000)) }]);
    await new Promise((resolve) => setTimeout(resolve, 4_200));
    expect(ticks.length).toBeGreaterThanOrEqual(3);
    expect(new Set(ticks).size).toBe(ticks.length);
  });

  it("never runs one job in two servers at once: a tick elsewhere is skipped, an event waits its turn", async () => {
    let active = 0;
    let most = 0;
    let runs = 0;
    const blocked = gate();
    const [a, b] = twoServers([
      {
        id: "lock-test-slow",
        cron: "0 0 1 1 *",
        runOnStart: false,
        event: kicked as JobEvent<unknown>,
        handler: async () => {
          active++;
          most = Math.max(most, active);
          runs++;
          if (runs === 1) await blocked.closed;
          active--;
        },
      },
    ]);
    const first = a.runNow("lock-test-slow");
    await expect.poll(() => runs).toBe(1);
    await b.runNow("lock-test-slow"); // the same job's tick on the other server: skipped
    expect(runs).toBe(1);
    b.send([eventOf(kicked, {})]); // asked for by an event on the other server: runs after the first
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(runs).toBe(1);
    blocked.open();
    await first;
    await b.idle();
    expect(runs).toBe(2);
    expect(most).toBe(1);
  });

  it("a failed run releases the lock: the next tick runs, on either server", async () => {
    let runs = 0;
    const [a, b] = twoServers([
      {
        id: "lock-test-failing",
        cron: "0 0 1 1 *",
        runOnStart: false,
        handler: async () => {
          runs++;
          if (runs === 1) throw new Error("boom");
        },
      },
    ]);
    await a.runNow("lock-test-failing");
    await b.runNow("lock-test-failing");
    expect(runs).toBe(2);
  });
});
