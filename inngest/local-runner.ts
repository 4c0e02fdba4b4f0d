import { Cron } from "croner";
import { isCronJob, processJobLock, type JobDefinition, type JobIo, type JobLock, type SentEvent } from "@/lib/jobs";
import { logger } from "@/lib/logger";
import { countJobRun } from "@/lib/metrics";
import { localEventQueue, type LocalEventQueueOptions } from "./local-events";

export type LocalRunnerOptions = LocalEventQueueOptions & {
  /**
   * Elects one runner per cron job across server processes (lib/jobs/run-lock.ts): PostgreSQL's advisory lock when
   * several servers share the database. Without it the runner assumes it is alone.
   */
  lock?: JobLock;
};

/** How long past its tick a cron run keeps its lock at least, so the same tick in another process finds it taken. */
const TICK_HOLD_MS = 1_000;

export type LocalRunner = {
  stop(): void;
  /** Runs a cron job now, unless a run of it is still going. */
  runNow(id: string): Promise<void>;
  /** Sends events into the in-process queue, as a job's io.send does. */
  send(events: SentEvent[]): void;
  /** Resolves once no event run is queued, running or waiting for a retry. */
  idle(): Promise<void>;
};

/**
 * Runs the job definitions in this process when Inngest is not configured: cron jobs on their schedules (UTC), and
 * the jobs an event triggers once per event sent (local-events.ts, with Inngest's retries and backoff). A cron run
 * that is due while the job is still running is skipped, not stacked; a failed one is logged and the next tick runs
 * it again. One job never runs twice at once, whichever trigger started it.
 *
 * Several servers may each run this (JOB_RUNNER=local against one PostgreSQL): every run of a cron job takes the
 * job's lock first, so a tick runs in one process only (the others skip it) and a run an event asks for waits for the
 * one going elsewhere. An event job runs where its event was sent, so once per event anyway.
 */
export function startLocalRunner(jobs: JobDefinition[], options: LocalRunnerOptions = {}): LocalRunner {
  const lock = options.lock ?? processJobLock;
  const running = new Map<string, Promise<unknown>>();
  const exclusive = async (job: JobDefinition, work: () => Promise<unknown>, { wait }: { wait: boolean }) => {
    while (running.has(job.id)) {
      if (!wait) return;
      await running.get(job.id)!.catch(() => {});
    }
    const run = work().finally(() => running.delete(job.id));
    running.set(job.id, run);
    await run;
  };
  const io = (memo: Map<string, unknown>) => memoizedIo(memo, (events) => queue.send(events));
  const handle = (job: JobDefinition, payload: unknown, memo: Map<string, unknown>) =>
    timed(job, () => countJobRun(job.id, () => (isCronJob(job) ? job.handler({ io: io(memo) }) : job.handler({ payload, io: io(memo) }))));
  const execute = (job: JobDefinition, payload: unknown, memo: Map<string, unknown>) =>
    isCronJob(job) ? lock.run(job.id, () => handle(job, payload, memo), { wait: true }) : handle(job, payload, memo);
  const queue = localEventQueue(jobs, { execute: (job, payload, memo) => exclusive(job, () => execute(job, payload, memo), { wait: true }), io }, options);

  const runCron = async (job: JobDefinition, holdUntil?: number) => {
    try {
      const work = () => handle(job, undefined, new Map());
      await exclusive(job, () => lock.run(job.id, work, { wait: false, holdUntil }), { wait: false });
    } catch (error) {
      logger.error({ err: error, job: job.id }, "job failed");
    }
  };
  const cronJobs = jobs.filter(isCronJob);
  const crons = cronJobs.map(
    (job) =>
      new Cron(job.localCron?.() ?? job.cron, { timezone: "UTC", unref: true }, (self: Cron) => {
        // Held for a second, or half the time to the next tick for jobs that tick every second or two.
        const now = Date.now();
        const next = self.nextRun()?.getTime() ?? now + 2 * TICK_HOLD_MS;
        return runCron(job, now + Math.min(TICK_HOLD_MS, (next - now) / 2));
      }),
  );
  for (const job of cronJobs) if (job.runOnStart) void runCron(job);

  return {
    stop: () => {
      crons.forEach((cron) => cron.stop());
      queue.stop();
    },
    runNow: async (id) => {
      const job = cronJobs.find((j) => j.id === id);
      if (!job) throw new Error(`Unknown job ${id}`);
      await runCron(job);
    },
    send: (events) => queue.send(events),
    idle: () => queue.idle(),
  };
}

async function timed(job: JobDefinition, work: () => Promise<unknown>): Promise<unknown> {
  const started = performance.now();
  const result = await work();
  const line = { job: job.id, result, ms: Math.round(performance.now() - started) };
  if (job.quiet) logger.debug(line, "job finished");
  else logger.info(line, "job finished");
  return result;
}

/**
 * io for one run, as Inngest's steps behave: a step's result is kept (as JSON, the form Inngest keeps it in) and a
 * retry of the run gets it back instead of doing the work again; the events a step sent are not sent again.
 */
function memoizedIo(memo: Map<string, unknown>, send: (events: SentEvent[]) => void): JobIo {
  return {
    run: async <T>(id: string, work: () => Promise<T>): Promise<T> => {
      if (!memo.has(id)) {
        const value = await work();
        memo.set(id, value === undefined ? undefined : JSON.parse(JSON.stringify(value)));
      }
      return memo.get(id) as T;
    },
    send: async (id, events) => {
      if (memo.has(id)) return;
      memo.set(id, null);
      send(events);
    },
  };
}
