import { Cron } from "croner";
import { logger } from "@/lib/logger";
import type { ScheduledJob } from "./jobs";

export type LocalRunner = { stop(): void; runNow(id: string): Promise<void> };

/**
 * Runs scheduled jobs in this process on their cron schedules (UTC) when Inngest is not configured. A run that is
 * still going when the next one is due is skipped, not stacked. Errors are logged; the schedule continues.
 */
export function startLocalRunner(jobs: ScheduledJob[]): LocalRunner {
  const running = new Set<string>();
  const execute = async (job: ScheduledJob) => {
    if (running.has(job.id)) return;
    running.add(job.id);
    const started = performance.now();
    try {
      const result = await job.run();
      const line = { job: job.id, result, ms: Math.round(performance.now() - started) };
      if (job.quiet) logger.debug(line, "job finished");
      else logger.info(line, "job finished");
    } catch (error) {
      logger.error({ err: error, job: job.id }, "job failed");
    } finally {
      running.delete(job.id);
    }
  };

  const crons = jobs.map((job) => new Cron(job.localCron?.() ?? job.cron, { timezone: "UTC", unref: true }, () => execute(job)));
  for (const job of jobs) if (job.runOnStart) void execute(job);

  return {
    stop: () => crons.forEach((cron) => cron.stop()),
    runNow: async (id) => {
      const job = jobs.find((j) => j.id === id);
      if (!job) throw new Error(`Unknown job ${id}`);
      await execute(job);
    },
  };
}
