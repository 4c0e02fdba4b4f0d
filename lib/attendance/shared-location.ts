import { and, eq, ne, sql } from "drizzle-orm";
import { schema, type Transaction } from "@/lib/database";
import { estimateEtaAt, haversineM } from "@/lib/eta";
import { recordArrival } from "./arrival";
import type { AttendanceEffect } from "./effects";
import { detectArrival, type Fix } from "./geofence";
import { recordPositions } from "./positions";
import { isTravelling } from "./states";
import { trackingWindowSql, WINDOW_TABLE_COLUMNS } from "./window";

const { attendances, eventInstances, events } = schema;

/** A position a participant sent outside the tracking page (a location shared in WhatsApp). */
export type SharedLocation = { organizationId: string; participantId: string; lat: number; lng: number; accuracyM: number; at: Date };

export type SharedLocationResult = {
  outcome: "arrived" | "stored" | "no_occurrence" | "journey_over";
  attendance: { id: string; instanceId: string } | null;
  /** To run once the caller's transaction has committed. */
  effects: AttendanceEffect[];
};

/**
 * Records a shared location in the caller's transaction as a point (source "whatsapp") of the participant's attendance
 * whose tracking window contains its time, through the same point path and arrival rule as the tracking link's points:
 * it moves them on the way, and checks them in (method "whatsapp_location") when the geofence says they arrived.
 * Outside any window, or after the journey ended, nothing changes.
 */
export async function recordSharedLocation(tx: Transaction, shared: SharedLocation): Promise<SharedLocationResult> {
  const { organizationId, lat, lng, accuracyM, at } = shared;
  const target = await lockAttendanceInWindow(tx, organizationId, shared.participantId, at);
  if (!target) return { outcome: "no_occurrence", attendance: null, effects: [] };
  const attendance = { id: target.id, instanceId: target.instanceId };
  if (!isTravelling(target.journey)) return { outcome: "journey_over", attendance, effects: [] };

  const now = new Date();
  const point = { o: organizationId, a: target.id, ms: at.getTime(), r: now.toISOString(), la: lat, ln: lng, ac: accuracyM, al: null, sp: null, hd: null };
  await recordPositions([point], tx, "whatsapp");
  const fix: Fix = { lat, lng, accuracyM, recordedAt: at };
  const venue = { lat: target.venueLat, lng: target.venueLng };
  if (!target.lastFixAt || target.lastFixAt < at) {
    // It is now the latest fix: distance and ETA follow it until the ETA refresh refines them.
    const distanceM = haversineM(fix, venue);
    await tx
      .update(attendances)
      .set({ distanceM: Math.round(distanceM), etaAt: estimateEtaAt({ distanceM, travelMode: target.travelMode, now }) })
      .where(and(eq(attendances.id, target.id), eq(attendances.organizationId, organizationId)));
  }

  const previous: Fix | null =
    target.lastFixAt && target.lastLat !== null && target.lastLng !== null
      ? { lat: target.lastLat, lng: target.lastLng, accuracyM: target.lastAccuracyM ?? 0, recordedAt: target.lastFixAt }
      : null;
  const arrived = detectArrival(previous, [fix], { ...venue, radiusM: target.radiusM });
  if (!arrived) return { outcome: "stored", attendance, effects: [] };
  const { effects } = await recordArrival(
    tx,
    { organizationId, attendanceId: target.id, instanceId: target.instanceId },
    { at: arrived.recordedAt, method: "whatsapp_location", until: new Date(target.validUntil) },
  );
  return { outcome: "arrived", attendance, effects };
}

/** The participant's attendance in a (not cancelled) occurrence whose tracking window contains `at`, locked; the nearest start wins. */
async function lockAttendanceInWindow(tx: Transaction, organizationId: string, participantId: string, at: Date) {
  const ts = sql`${at.toISOString()}::timestamptz`;
  const window = trackingWindowSql(WINDOW_TABLE_COLUMNS);
  const [row] = await tx
    .select({
      id: attendances.id,
      instanceId: attendances.instanceId,
      journey: attendances.journey,
      lastLat: attendances.lastLat,
      lastLng: attendances.lastLng,
      lastAccuracyM: attendances.lastAccuracyM,
      lastFixAt: attendances.lastFixAt,
      venueLat: events.venueLat,
      venueLng: events.venueLng,
      radiusM: events.arrivalRadiusM,
      travelMode: events.travelMode,
      validUntil: sql<string | Date>`${window.closesAt}`,
    })
    .from(attendances)
    .innerJoin(
      eventInstances,
      and(
        eq(eventInstances.id, attendances.instanceId),
        eq(eventInstances.organizationId, organizationId),
        ne(eventInstances.status, "cancelled"),
      ),
    )
    .innerJoin(events, and(eq(events.id, eventInstances.eventId), eq(events.organizationId, organizationId)))
    .where(and(eq(attendances.organizationId, organizationId), eq(attendances.participantId, participantId), window.contains(ts)))
    .orderBy(sql`abs(extract(epoch from ${eventInstances.startsAt} - ${ts}))`)
    .limit(1)
    .for("update", { of: attendances });
  return row ?? null;
}
