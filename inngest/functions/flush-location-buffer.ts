import { env } from "@/lib/env";
import { flushLocationBuffer } from "@/lib/tracking/flush";
import { inngest } from "../client";
import type { ScheduledJob } from "../jobs";
import { LOCATIONS_FLUSHED_EVENT } from "./refresh-etas";

/**
 * Drains the Redis location buffer into Postgres. Inngest runs it every minute and each run drains for up to 45 s;
 * the local runner runs it every few seconds. Without Redis it has nothing to do.
 */
export const flushLocationBufferJob: ScheduledJob = {
  id: "flush-location-buffer",
  cron: "* * * * *",
  localCron: () => `*/${env().LOCATION_FLUSH_INTERVAL_SECONDS} * * * * *`,
  runOnStart: true,
  quiet: true,
  run: () => flushLocationBuffer({ maxMs: 45_000 }),
};

export const flushLocationBufferFunction = inngest.createFunction(
  {
    id: flushLocationBufferJob.id,
    triggers: [{ cron: `TZ=UTC ${flushLocationBufferJob.cron}` }],
    concurrency: { limit: 1 },
  },
  async ({ step }) => {
    const result = await step.run("flush", () => flushLocationBuffer({ maxMs: 45_000 }));
    if (result.points > 0) await step.sendEvent("locations-flushed", { name: LOCATIONS_FLUSHED_EVENT, data: { points: result.points } });
    return result;
  },
);
