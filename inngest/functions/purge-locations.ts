import { purgeLocations } from "@/lib/tracking/purge";
import { inngest } from "../client";
import type { ScheduledJob } from "../jobs";

/** Daily: raw points past each organization's retention go; attendance outcomes stay. */
export const purgeLocationsJob: ScheduledJob = {
  id: "purge-locations",
  cron: "40 3 * * *",
  runOnStart: false,
  run: () => purgeLocations(new Date()),
};

export const purgeLocationsFunction = inngest.createFunction(
  { id: purgeLocationsJob.id, triggers: [{ cron: `TZ=UTC ${purgeLocationsJob.cron}` }] },
  async ({ step }) => step.run("purge", purgeLocationsJob.run),
);
