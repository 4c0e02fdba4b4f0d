import { logger } from "@/lib/logger";
import { getRedis } from "@/lib/redis";
import { kickWebhookDelivery } from "@/lib/webhooks";

/**
 * What a committed transition still has to do outside the database: caches forget the attendance, and the Redis
 * buffer stops taking its points (an arrival) or takes them again (an undone check-in).
 */
export type AttendanceEffect = {
  organizationId: string;
  attendanceId: string;
  buffer?: { close: Date } | "reopen";
};

/** The marker that makes the write-behind buffer (lib/tracking/buffer.ts) refuse an attendance's points. */
export const closedAttendanceKey = (orgId: string, attendanceId: string) => `ec:tracking:${orgId}:closed-attendance:${attendanceId}`;

type Listener = (attendanceId: string) => void;
const listeners = new Set<Listener>();

/**
 * A per-process cache of attendance state (the tracking link cache) subscribes when its module loads, so it hears of
 * every committed change without this module knowing it; a process that never loaded the cache has nothing to evict.
 */
export function onAttendanceChanged(listener: Listener): void {
  listeners.add(listener);
}

/** Runs the effects of transitions that have committed: the one place every transition's effects happen. */
export async function runAttendanceEffects(effects: readonly AttendanceEffect[]): Promise<void> {
  // The transition may have enqueued webhook deliveries: now that they are committed the delivery job can send them.
  kickWebhookDelivery();
  for (const effect of effects) {
    for (const listener of listeners) listener(effect.attendanceId);
    if (effect.buffer === "reopen") await reopenInBuffer(effect);
    else if (effect.buffer) await markClosed(closedAttendanceKey(effect.organizationId, effect.attendanceId), "arrived", effect.buffer.close);
  }
}

/**
 * Tells the Redis path at once that a link or an attendance takes no more points, instead of after the per-process
 * link cache expires. Best effort: without Redis there is nothing to tell, and if Redis is down the link cache and
 * the database still refuse within seconds.
 */
export async function markClosed(key: string, reason: string, until: Date): Promise<void> {
  const redis = getRedis();
  if (!redis) return;
  const seconds = Math.max(60, Math.ceil((until.getTime() - Date.now()) / 1000) + 86_400);
  try {
    await redis.set(key, reason, { ex: seconds });
  } catch (error) {
    logger.warn({ err: error, key }, "could not mark a tracking link closed in Redis");
  }
}

/** Undo of a check-in: the attendance takes points again. */
async function reopenInBuffer({ organizationId, attendanceId }: AttendanceEffect): Promise<void> {
  const redis = getRedis();
  if (!redis) return;
  try {
    await redis.del(closedAttendanceKey(organizationId, attendanceId));
  } catch (error) {
    logger.warn({ err: error, attendanceId }, "could not reopen an attendance in Redis");
  }
}
