import { isCronJob, NonRetriableJobError, type JobDefinition, type JobIo, type SentEvent } from "@/lib/jobs";
import { logger } from "@/lib/logger";

/** Inngest's retry count when a job sets none. */
export const DEFAULT_RETRIES = 4;
/** Inngest's waits before each retry (its backoff table, without the jitter): 15 s, 30 s, 1 min, 2 min, 5 min, … */
const INNGEST_BACKOFF_MS = [15, 30, 60, 120, 300, 600, 1200, 2400, 3600, 7200].map((seconds) => seconds * 1000);
export const inngestBackoffMs = (retry: number) => INNGEST_BACKOFF_MS[Math.min(retry, INNGEST_BACKOFF_MS.length - 1)]!;

export type LocalEventQueueOptions = {
  /** The wait before retry number `retry` (0 for the first): Inngest's table, unless a test wants it shorter. */
  backoffMs?: (retry: number) => number;
};

type Runner = {
  /** Runs the job's handler once, never beside another run of the same job, with io over this run's memo. */
  execute(job: JobDefinition, payload: unknown, memo: Map<string, unknown>): Promise<unknown>;
  io(memo: Map<string, unknown>): JobIo;
};

type QueuedRun = { job: JobDefinition; payload: unknown; retry: number; memo: Map<string, unknown> };

/**
 * The local runner's events: each job an event triggers runs once for it, one run of a job after another (so within
 * any concurrency or throttle limit a definition sets). A failed run is tried again after Inngest's backoff, `retries`
 * times (4 when the job sets none), keeping the results of the steps that finished; after the last try, or at once
 * for a NonRetriableJobError, the job's onFailure runs. An event job's payload is parsed first: one its schema refuses
 * runs nothing. Queued runs live in memory: a claimed action whose run was lost with the process is claimed again
 * once its claim is stale (lib/schedule/claim.ts).
 */
export function localEventQueue(jobs: JobDefinition[], runner: Runner, options: LocalEventQueueOptions = {}) {
  const backoffMs = options.backoffMs ?? inngestBackoffMs;
  const lanes = new Map<string, Promise<void>>();
  const timers = new Set<NodeJS.Timeout>();
  let pending = 0;
  let whenIdle: (() => void)[] = [];
  const settle = (count: number) => {
    pending -= count;
    if (pending > 0) return;
    const waiting = whenIdle;
    whenIdle = [];
    for (const resolve of waiting) resolve();
  };

  const enqueue = (run: QueuedRun, delayMs: number) => {
    pending += 1;
    const start = () => lanes.set(run.job.id, (lanes.get(run.job.id) ?? Promise.resolve()).then(() => attempt(run)));
    if (delayMs <= 0) return void start();
    const timer = setTimeout(() => {
      timers.delete(timer);
      start();
    }, delayMs);
    timer.unref();
    timers.add(timer);
  };

  const attempt = async (run: QueuedRun) => {
    try {
      await runner.execute(run.job, run.payload, run.memo);
    } catch (error) {
      await failed(run, error instanceof Error ? error : new Error(String(error)));
    } finally {
      settle(1);
    }
  };

  const failed = async (run: QueuedRun, error: Error) => {
    const { job } = run;
    if (!(error instanceof NonRetriableJobError) && run.retry < (job.retries ?? DEFAULT_RETRIES)) {
      const delayMs = backoffMs(run.retry);
      logger.warn({ err: error, job: job.id, retry: run.retry + 1, inMs: delayMs }, "job failed; trying again");
      return enqueue({ ...run, retry: run.retry + 1 }, delayMs);
    }
    logger.error({ err: error, job: job.id }, "job failed");
    if (isCronJob(job) || !job.onFailure) return;
    try {
      await job.onFailure({ payload: run.payload, error, io: runner.io(new Map()) });
    } catch (failure) {
      logger.error({ err: failure, job: job.id }, "job failure handler failed");
    }
  };

  return {
    send(events: SentEvent[]) {
      for (const event of events) {
        for (const job of jobs) {
          if (job.event?.name !== event.name) continue;
          if (isCronJob(job)) {
            enqueue({ job, payload: undefined, retry: 0, memo: new Map() }, 0);
            continue;
          }
          const payload = job.event.data.safeParse(event.data);
          if (payload.success) enqueue({ job, payload: payload.data, retry: 0, memo: new Map() }, 0);
          else logger.error({ job: job.id, event: event.name }, `The event does not name ${job.event.names}.`);
        }
      }
    },
    idle: () => (pending === 0 ? Promise.resolve() : new Promise<void>((resolve) => whenIdle.push(resolve))),
    stop() {
      for (const timer of timers) clearTimeout(timer);
      const cancelled = timers.size;
      timers.clear();
      settle(cancelled);
    },
  };
}
