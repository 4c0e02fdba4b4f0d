import { sql } from "drizzle-orm";
import { getDatabaseHandle } from "@/lib/database";

/**
 * Elects one runner per job across server processes, for the local job runner (JOB_RUNNER=local on several servers
 * against one PostgreSQL). `run` calls `work` only while this process holds the job's lock; `wait: false` gives up
 * at once when another process holds it (a cron tick someone else runs), `wait: true` queues behind it (an event).
 * `holdUntil` keeps the lock after the work until that instant: a tick that fires a few milliseconds later in another
 * process then finds it taken, so a short job runs once per tick, not once per process.
 */
export type JobLock = {
  run(jobId: string, work: () => Promise<unknown>, options: { wait: boolean; holdUntil?: number }): Promise<{ ran: boolean }>;
};

/** One process: the runner's own bookkeeping (one run of a job at a time) is all the exclusion there is. */
export const processJobLock: JobLock = {
  run: async (_jobId, work) => {
    await work();
    return { ran: true };
  },
};

/**
 * A PostgreSQL transaction-level advisory lock per job, keyed by the job id, taken in a transaction that stays open for
 * the run on a connection of its own (the job's queries use the others). Nothing to release by hand: it ends with the
 * transaction, or with the connection when the process dies, and another process takes over at its next tick.
 */
export const postgresJobLock: JobLock = {
  run: async (jobId, work, { wait, holdUntil }) => {
    const key = `ec:job:${jobId}`;
    let ran = false;
    await getDatabaseHandle().db.transaction(async (tx) => {
      if (wait) {
        await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${key}))`);
      } else {
        const [row] = await tx.execute<{ locked: boolean }>(sql`select pg_try_advisory_xact_lock(hashtext(${key})) as locked`);
        if (!row?.locked) return;
      }
      ran = true;
      await work();
      const left = (holdUntil ?? 0) - Date.now();
      if (left > 0) await new Promise((resolve) => setTimeout(resolve, left));
    });
    return { ran };
  },
};

/**
 * The lock the local runner of this process needs: PostgreSQL's when the database is one several servers may share,
 * none for the embedded database (one process by construction; its single connection must not be held by a lock).
 */
export function jobLockForThisProcess(): JobLock {
  return getDatabaseHandle().kind === "postgres" ? postgresJobLock : processJobLock;
}
