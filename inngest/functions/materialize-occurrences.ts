import { materializeAllEvents, MATERIALIZE_JOB } from "@/lib/occurrences/materialize-all";
import { inngest } from "../client";
import type { ScheduledJob } from "../jobs";

/** Hourly, a few minutes past, so occurrences, attendances and scheduled actions always reach the 60-day horizon. */
export const materializeOccurrencesJob: ScheduledJob = {
  id: MATERIALIZE_JOB,
  cron: "5 * * * *",
  runOnStart: true,
  run: () => materializeAllEvents(new Date()),
};

export const materializeOccurrencesFunction = inngest.createFunction(
  { id: materializeOccurrencesJob.id, triggers: [{ cron: `TZ=UTC ${materializeOccurrencesJob.cron}` }] },
  async ({ step }) => step.run("materialize", materializeOccurrencesJob.run),
);
