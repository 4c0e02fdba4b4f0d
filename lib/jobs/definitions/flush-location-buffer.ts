import { env } from "@/lib/env";
import { flushLocationBuffer } from "@/lib/tracking";
import { locationsFlushed } from "../events";
import { eventOf, type CronJob } from "../job";

/**
 * Drains the Redis location buffer into Postgres. Inngest runs it every minute and each run drains for up to 45 s;
 * the local runner runs it every few seconds. Without Redis it has nothing to do.
 */
export const flushLocationBufferJob: CronJob = {
  id: "flush-location-buffer",
  cron: "* * * * *",
  localCron: () => `*/${env().LOCATION_FLUSH_INTERVAL_SECONDS} * * * * *`,
  runOnStart: true,
  quiet: true,
  concurrency: { limit: 1 },
  handler: async ({ io }) => {
    const result = await io.run("flush", () => flushLocationBuffer({ maxMs: 45_000 }));
    if (result.points > 0) await io.send("locations-flushed", [eventOf(locationsFlushed, { points: result.points })]);
    return result;
  },
};
