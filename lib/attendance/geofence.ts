import { haversineM, type LatLng } from "@/lib/eta";

// Pure: arrival is decided from fixes, never from one jittery reading.

export type Fix = LatLng & { accuracyM: number; recordedAt: Date };
export type Geofence = LatLng & { radiusM: number };

/** The fix lies inside the radius and is precise enough to mean something (a 2 km cell-tower fix does not). */
export function isInside(fix: Fix, fence: Geofence): boolean {
  return haversineM(fix, fence) <= fence.radiusM && fix.accuracyM <= Math.max(2 * fence.radiusM, 50);
}

/** Even the far edge of the fix's accuracy circle is inside the radius. */
export function isSurelyInside(fix: Fix, fence: Geofence): boolean {
  return haversineM(fix, fence) + fix.accuracyM <= fence.radiusM;
}

/**
 * The fix the participant arrived at, or null. Arrival is decided (in recorded order) by a fix that is surely inside,
 * or by a fix inside right after another fix inside; the arrival time is the first in-radius fix of that pair (the
 * second only confirms it), and may be `previous`. `previous` is the last fix stored before this batch; it only
 * counts when it is older than every fix of the batch (a late offline batch is judged on its own).
 */
export function detectArrival(previous: Fix | null, batch: Fix[], fence: Geofence): Fix | null {
  const fixes = [...batch].sort((a, b) => a.recordedAt.getTime() - b.recordedAt.getTime());
  let before = previous && fixes[0] && previous.recordedAt < fixes[0].recordedAt ? previous : null;
  for (const fix of fixes) {
    if (isInside(fix, fence) && before && isInside(before, fence)) return before;
    if (isSurelyInside(fix, fence)) return fix;
    before = fix;
  }
  return null;
}
