import { metrics } from "./registry";

/** Runs a job's work and counts the run by its outcome; the error is rethrown untouched. */
export async function countJobRun<T>(jobId: string, work: () => Promise<T>): Promise<T> {
  try {
    const result = await work();
    metrics.jobRuns.inc({ job: jobId, outcome: "ok" });
    return result;
  } catch (error) {
    metrics.jobRuns.inc({ job: jobId, outcome: "failed" });
    throw error;
  }
}

/** Runs `work` and records its duration in seconds in `histogram`, whether it succeeds or throws. */
export async function timeInto<T>(histogram: { startTimer(): () => number }, work: () => Promise<T>): Promise<T> {
  const stop = histogram.startTimer();
  try {
    return await work();
  } finally {
    stop();
  }
}
