const MINUTE = 60_000;
/** When an event has the tracking message turned off, a link issued by hand still opens this long before the start. */
export const DEFAULT_TRACKING_MINUTES = 60;

/**
 * The tracking window of an occurrence: from the tracking offset before the start to the closure offset after the
 * end (the end itself when closure is off). Links and accepted points live inside it.
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
