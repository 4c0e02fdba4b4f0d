import { purgeLocations } from "@/lib/tracking";
import type { CronJob } from "../job";

/** Daily: raw points past each organization's retention go; attendance outcomes stay. */
export const purgeLocationsJob: CronJob = {
  id: "purge-locations",
  cron: "40 3 * * *",
  runOnStart: false,
  handler: ({ io }) => io.run("purge", () => purgeLocations(new Date())),
};
