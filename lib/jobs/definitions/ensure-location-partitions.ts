import { ensureLocationPartitions } from "@/lib/locations";
import type { CronJob } from "../job";

/** Daily, and on start: the location partitions for the days ahead exist before points arrive. */
export const ensureLocationPartitionsJob: CronJob = {
  id: "ensure-location-partitions",
  cron: "15 0 * * *",
  runOnStart: true,
  handler: ({ io }) => io.run("ensure-partitions", () => ensureLocationPartitions()),
};
