import { sql, type SQL, type SQLWrapper } from "drizzle-orm";
import { schema } from "@/lib/database";

const MINUTE = 60_000;
/** When an event has the tracking message turned off, a link issued by hand still opens this long before the start. */
export const DEFAULT_TRACKING_MINUTES = 60;

/**
 * The tracking window of an occurrence: from the tracking offset before the start to the closure offset after the
 * end (the end itself when closure is off). Links and accepted points live inside it. trackingWindowSql below is the
 * same rule for queries: change both together.
 */
export function trackingWindow(
  occurrence: { startsAt: Date; endsAt: Date },
  schedule: { trackingOffsetMinutes: number | null; closureOffsetMinutes: number | null },
): { validFrom: Date; validUntil: Date } {
  const before = schedule.trackingOffsetMinutes ?? DEFAULT_TRACKING_MINUTES;
  const after = schedule.closureOffsetMinutes ?? 0;
  return {
    validFrom: new Date(occurrence.startsAt.getTime() - before * MINUTE),
    validUntil: new Date(occurrence.endsAt.getTime() + after * MINUTE),
  };
}

/** What the window is computed from: an occurrence's times and its event's offsets. */
export type WindowColumns = {
  startsAt: SQLWrapper;
  endsAt: SQLWrapper;
  trackingOffsetMinutes: SQLWrapper;
  closureOffsetMinutes: SQLWrapper;
};

/** The columns as drizzle names them, for queries built on `event_instances` joined to `events`. */
export const WINDOW_TABLE_COLUMNS: WindowColumns = {
  startsAt: schema.eventInstances.startsAt,
  endsAt: schema.eventInstances.endsAt,
  trackingOffsetMinutes: schema.events.trackingOffsetMinutes,
  closureOffsetMinutes: schema.events.closureOffsetMinutes,
};

/** The columns in raw SQL where `event_instances` is aliased `instance` and `events` is aliased `event`. */
export function aliasedWindowColumns(instance: string, event: string): WindowColumns {
  return {
    startsAt: sql.raw(`${instance}.starts_at`),
    endsAt: sql.raw(`${instance}.ends_at`),
    trackingOffsetMinutes: sql.raw(`${event}.tracking_offset_minutes`),
    closureOffsetMinutes: sql.raw(`${event}.closure_offset_minutes`),
  };
}

/** trackingWindow() in SQL, so the database picks the occurrences whose window is open: its bounds and a test. */
export function trackingWindowSql(columns: WindowColumns): { opensAt: SQL; closesAt: SQL; contains: (at: SQLWrapper) => SQL } {
  const opensAt = sql`(${columns.startsAt} - make_interval(mins => coalesce(${columns.trackingOffsetMinutes}, ${DEFAULT_TRACKING_MINUTES})))`;
  const closesAt = sql`(${columns.endsAt} + make_interval(mins => coalesce(${columns.closureOffsetMinutes}, 0)))`;
  return { opensAt, closesAt, contains: (at) => sql`${at} between ${opensAt} and ${closesAt}` };
}
