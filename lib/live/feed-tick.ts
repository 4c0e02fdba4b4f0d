import { logger } from "@/lib/logger";
import type { OrgContext } from "@/lib/tenant";
import { readLatestFixes } from "@/lib/tracking";
import { listAttendanceIds, readAttendanceChanges } from "./changes";
import { LiveFeedState } from "./feed-state";
import type { LiveSubject } from "./snapshot";
import type { LiveActivity } from "./types";
import type { WireDelta } from "./wire";

/**
 * A feed's memory between ticks: what its watchers have, where the next read of changed rows starts, and the activity
 * as last read (its JSON text, so an unchanged feed is recognised without parsing it).
 */
export type FeedCursor = { state: LiveFeedState; watermark: string | null; activity: { json: string; list: LiveActivity[] } };

export function newFeedCursor(now = Date.now()): FeedCursor {
  return { state: new LiveFeedState(Math.floor(now / 1000)), watermark: null, activity: { json: "[]", list: [] } };
}

/**
 * One tick of an occurrence's feed: reads the attendances written since the last tick (everything on the first),
 * the activity, and newer positions from the latest-position cache, and returns what the watchers must be told.
 * One PostgreSQL statement and at most one Redis call; the Node work grows with what changed and with whom the clock
 * reached (staleness and lateness move with it: LiveFeedState keeps their wake-ups in a heap, not a pass over everyone).
 */
export async function advanceFeed(ctx: OrgContext, subject: LiveSubject, cursor: FeedCursor, now = new Date()): Promise<WireDelta | null> {
  const orgId = ctx.org.id;
  const { occurrence, facts } = subject;
  const changes = await readAttendanceChanges(orgId, occurrence.id, cursor.watermark);
  if (changes.activityJson !== cursor.activity.json) cursor.activity = { json: changes.activityJson, list: JSON.parse(changes.activityJson) as LiveActivity[] };
  const activity = cursor.activity.list;
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
