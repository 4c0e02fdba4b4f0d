import { logger } from "@/lib/logger";
import type { OrgContext } from "@/lib/tenant";
import { readLatestFixes } from "@/lib/tracking";
import { listActivity } from "./activity";
import { listAttendanceIds, readAttendanceChanges } from "./changes";
import { LiveFeedState } from "./feed-state";
import type { LiveSubject } from "./snapshot";
import type { WireDelta } from "./wire";

/** A feed's memory between ticks: what its watchers have, and where the next read of changed rows starts. */
export type FeedCursor = { state: LiveFeedState; watermark: string | null };

export function newFeedCursor(now = Date.now()): FeedCursor {
  return { state: new LiveFeedState(Math.floor(now / 1000)), watermark: null };
}

/**
 * One tick of an occurrence's feed: reads the attendances written since the last tick (everything on the first),
 * the activity, and newer positions from the latest-position cache, and returns what the watchers must be told.
 * Two small PostgreSQL queries and at most one Redis call; the Node work grows with what changed, plus one cheap
 * pass over everyone (staleness and lateness move with the clock).
 */
export async function advanceFeed(ctx: OrgContext, subject: LiveSubject, cursor: FeedCursor, now = new Date()): Promise<WireDelta | null> {
  const orgId = ctx.org.id;
  const { occurrence, facts } = subject;
  const [changes, activity] = await Promise.all([
    readAttendanceChanges(orgId, occurrence.id, cursor.watermark),
    listActivity(orgId, occurrence.id),
  ]);
  cursor.state.put(changes.changed);
  if (cursor.state.size !== changes.total) cursor.state.retain(await listAttendanceIds(orgId, occurrence.id));
  const latest = await readLatestFixes(orgId, cursor.state.travellingIds()).catch((error: unknown) => {
    // Postgres still has every position up to the last flush: show those rather than nothing.
    logger.warn({ err: error }, "latest positions unavailable from Redis, showing the last flushed ones");
    return new Map();
  });
  const delta = cursor.state.advance({ occurrence, facts, activity, latest, now });
  cursor.watermark = changes.watermark;
  return delta;
}
