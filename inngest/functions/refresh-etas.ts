import { env } from "@/lib/env";
import { refreshEtas } from "@/lib/live/refresh-etas";
import { inngest } from "../client";
import type { ScheduledJob } from "../jobs";

/** Sent by flush-location-buffer after it moved points, so ETAs follow the new positions without waiting for the cron. */
export const LOCATIONS_FLUSHED_EVENT = "tracking/locations.flushed";

/**
 * Recomputes ETAs, lateness and staleness for occurrences in their tracking window. Inngest runs it every minute and
 * after each flush that moved points; the local runner every few seconds.
 */
export const refreshEtasJob: ScheduledJob = {
  id: "refresh-etas",
  cron: "* * * * *",
  localCron: () => `*/${env().ETA_REFRESH_INTERVAL_SECONDS} * * * * *`,
  runOnStart: true,
  quiet: true,
  run: () => refreshEtas(),
};

export const refreshEtasFunction = inngest.createFunction(
  {
    id: refreshEtasJob.id,
    triggers: [{ cron: `TZ=UTC ${refreshEtasJob.cron}` }, { event: LOCATIONS_FLUSHED_EVENT }],
    // One refresh at a time (the activity feed's "became late" entries rely on it); others wait their turn.
    concurrency: { limit: 1 },
  },
  async ({ step }) => step.run("refresh", refreshEtasJob.run),
);
