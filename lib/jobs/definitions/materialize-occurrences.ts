import { materializeAllEvents, MATERIALIZE_JOB } from "@/lib/occurrences";
import type { CronJob } from "../job";

/** Hourly, a few minutes past, so occurrences, attendances and scheduled actions always reach the 60-day horizon. */
export const materializeOccurrencesJob: CronJob = {
  id: MATERIALIZE_JOB,
  cron: "5 * * * *",
  runOnStart: true,
  handler: ({ io }) => io.run("materialize", () => materializeAllEvents(new Date())),
};
