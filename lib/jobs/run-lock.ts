import { getDatabaseHandle, type AdvisoryLocks } from "@/lib/database";

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

const WAIT_POLL_MS = 250;

/**
 * A PostgreSQL session-level advisory lock per job, keyed by the job id, on the database handle's lock connection
 * (not one of the pool's, which the job's own queries need). Released after the run, and by PostgreSQL when the
 * process dies (its session ends), so another process takes over at its next tick. A waiting run polls rather than
 * blocks, since every lock of the process shares that one connection.
 */
export function advisoryJobLock(locks: AdvisoryLocks): JobLock {
  return {
    run: async (jobId, work, { wait, holdUntil }) => {
      const key = `ec:job:${jobId}`;
      while (!(await locks.tryLock(key))) {
        if (!wait) return { ran: false };
        await new Promise((resolve) => setTimeout(resolve, WAIT_POLL_MS));
      }
      try {
        await work();
        const left = (holdUntil ?? 0) - Date.now();
        if (left > 0) await new Promise((resolve) => setTimeout(resolve, left));
      } finally {
        await locks.unlock(key);
      }
      return { ran: true };
    },
  };
}

/**
 * The lock the local runner of this process needs: PostgreSQL's when the database is one several servers may share,
 * none for the embedded database (one process by construction).
 */
export function jobLockForThisProcess(): JobLock {
  const locks = getDatabaseHandle().advisoryLocks;
  return locks ? advisoryJobLock(locks) : processJobLock;
}
