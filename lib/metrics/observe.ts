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
