import { ensureLocationPartitions } from "@/lib/locations/partitions";
import { inngest } from "../client";
import type { ScheduledJob } from "../jobs";

export const ensureLocationPartitionsJob: ScheduledJob = {
  id: "ensure-location-partitions",
  cron: "15 0 * * *",
  runOnStart: true,
  run: () => ensureLocationPartitions(),
};

export const ensureLocationPartitionsFunction = inngest.createFunction(
  { id: ensureLocationPartitionsJob.id, triggers: [{ cron: `TZ=UTC ${ensureLocationPartitionsJob.cron}` }] },
  async ({ step }) => step.run("ensure-partitions", ensureLocationPartitionsJob.run),
);
