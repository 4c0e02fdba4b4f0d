import { and, eq, inArray } from "drizzle-orm";
import { getDb, schema, type Executor } from "@/lib/database";
import { enqueueAttendanceEvent } from "@/lib/webhooks";
import { recordActivity } from "./activity";
import { runAttendanceEffects, type AttendanceEffect } from "./effects";
import { TRAVELLING, type CheckInMethod } from "./states";

const { attendances } = schema;

/** What a check-in sets, however it was made: someone who is there is neither late nor stale and has no ETA. */
export function arrivedColumns(checkedInAt: Date, method: CheckInMethod, now = new Date()) {
  return { journey: "arrived" as const, checkedInAt, checkInMethod: method, isLate: false, isStale: false, etaAt: null, updatedAt: now };
}

export type ArrivalTarget = { organizationId: string; attendanceId: string; instanceId: string };
export type Arrival = { at: Date; method: "geofence" | "whatsapp_location"; until: Date };

/**
 * Checks in an attendance whose fixes say it arrived (tracking-link points or a shared WhatsApp location), in the
 * caller's transaction. Only an attendance still travelling changes, so a manual check-in or an earlier arrival wins
 * and the first arrival time stays. `until` is the end of its tracking window, as long as the buffer must refuse its
 * points. Returns the check-in time recorded now (null when none was) and the effects to run once committed.
 */
export async function recordArrival(
  tx: Executor,
  target: ArrivalTarget,
  arrival: Arrival,
): Promise<{ checkedInAt: Date | null; effects: AttendanceEffect[] }> {
  const { organizationId, attendanceId } = target;
  const [row] = await tx
    .update(attendances)
    .set(arrivedColumns(arrival.at, arrival.method))
    .where(
      and(
        eq(attendances.id, attendanceId),
        eq(attendances.organizationId, organizationId),
        inArray(attendances.journey, [...TRAVELLING]),
      ),
    )
    .returning({ checkedInAt: attendances.checkedInAt });
  if (row) {
    await recordActivity([{ ...target, kind: "arrived", data: { method: arrival.method }, at: arrival.at }], tx);
    await enqueueAttendanceEvent(tx, organizationId, "participant.arrived", [attendanceId]);
  }
  return { checkedInAt: row?.checkedInAt ?? null, effects: [{ organizationId, attendanceId, buffer: { close: arrival.until } }] };
}

/**
 * The tracking link's arrival, in a transaction of its own. Returns the check-in time now on record: this one, or
 * the earlier one of someone already checked in.
 */
export async function recordGeofenceArrival(
  link: ArrivalTarget & { validUntil: Date },
  arrivedAt: Date,
): Promise<Date> {
  const { organizationId, attendanceId, instanceId } = link;
  const db = getDb();
  const arrival: Arrival = { at: arrivedAt, method: "geofence", until: link.validUntil };
  const { checkedInAt, effects } = await db.transaction((tx) => recordArrival(tx, { organizationId, attendanceId, instanceId }, arrival));
  await runAttendanceEffects(effects);
  if (checkedInAt) return checkedInAt;
  const [current] = await db
    .select({ checkedInAt: attendances.checkedInAt })
    .from(attendances)
    .where(and(eq(attendances.id, attendanceId), eq(attendances.organizationId, organizationId)));
  return current?.checkedInAt ?? arrivedAt;
}
