import { env } from "@/lib/env";
import { refreshEtas } from "@/lib/live";
import { locationsFlushed } from "../events";
import type { CronJob } from "../job";

/**
 * Recomputes ETAs, lateness and staleness for occurrences in their tracking window. Inngest runs it every minute, the
 * local runner every few seconds, and both after each flush that moved points.
 */
export const refreshEtasJob: CronJob = {
  id: "refresh-etas",
  cron: "* * * * *",
  localCron: () => `*/${env().ETA_REFRESH_INTERVAL_SECONDS} * * * * *`,
  runOnStart: true,
  quiet: true,
  event: locationsFlushed,
  // One refresh at a time (the activity feed's "became late" entries rely on it); others wait their turn.
  concurrency: { limit: 1 },
  handler: ({ io }) => io.run("refresh", () => refreshEtas()),
};
