import { and, eq, inArray } from "drizzle-orm";
import { getDb, schema, type Transaction } from "@/db";
import { writeAudit } from "@/lib/audit/write-audit";
import { isUuid } from "@/lib/events/find-event";
import { AppError } from "@/lib/errors";
import { recordActivity } from "@/lib/live/activity";
import { assertCan, type OrgContext } from "@/lib/tenant/context";
import { closeInBuffer, reopenInBuffer } from "./buffer";
import { evictAttendanceLinks } from "./link-context";

const { attendances, eventInstances } = schema;

/**
 * Checks an attendance in from the geofence. Only an attendance still travelling is changed, so a manual check-in
 * (or an earlier batch) wins and the first arrival time stays. Returns the check-in time now on record.
 */
export async function recordGeofenceArrival(
  link: { organizationId: string; attendanceId: string; instanceId: string; validUntil: Date },
  arrivedAt: Date,
): Promise<Date> {
  const { organizationId: org, attendanceId } = link;
  const db = getDb();
  const updated = await db.transaction(async (tx) => {
    const [row] = await tx
      .update(attendances)
      .set({ journey: "arrived", checkedInAt: arrivedAt, checkInMethod: "geofence", isLate: false, isStale: false, updatedAt: new Date() })
      .where(
        and(
          eq(attendances.id, attendanceId),
          eq(attendances.organizationId, org),
          inArray(attendances.journey, ["not_started", "on_the_way"]),
        ),
      )
      .returning({ checkedInAt: attendances.checkedInAt });
    if (row) {
      await recordActivity(
        [{ organizationId: org, instanceId: link.instanceId, attendanceId, kind: "arrived", data: { method: "geofence" }, at: arrivedAt }],
        tx,
      );
    }
    return row;
  });
  evictAttendanceLinks(attendanceId);
  await closeInBuffer(org, { attendanceId, reason: "arrived", until: link.validUntil });
  if (updated?.checkedInAt) return updated.checkedInAt;
  const [current] = await db
    .select({ checkedInAt: attendances.checkedInAt })
    .from(attendances)
    .where(and(eq(attendances.id, attendanceId), eq(attendances.organizationId, org)));
  return current?.checkedInAt ?? arrivedAt;
}

async function lockAttendance(tx: Transaction, ctx: OrgContext, attendanceId: string) {
  if (!isUuid(attendanceId)) throw new AppError("NOT_FOUND", "Participant not found in this occurrence.");
  const [row] = await tx
    .select({ attendance: attendances, instanceStatus: eventInstances.status, endsAt: eventInstances.endsAt })
    .from(attendances)
    .innerJoin(
      eventInstances,
      and(eq(eventInstances.id, attendances.instanceId), eq(eventInstances.organizationId, ctx.org.id)),
    )
    .where(and(eq(attendances.id, attendanceId), eq(attendances.organizationId, ctx.org.id)))
    .for("update", { of: attendances });
  if (!row) throw new AppError("NOT_FOUND", "Participant not found in this occurrence.");
  return row;
}

/** Staff checks someone in by hand. Checking in someone already checked in keeps the first time. */
export async function checkInManually(ctx: OrgContext, attendanceId: string): Promise<{ journey: "arrived"; checkedInAt: Date }> {
  assertCan(ctx, "live.checkIn");
  const now = new Date();
  const result = await getDb().transaction(async (tx) => {
    const { attendance, instanceStatus, endsAt } = await lockAttendance(tx, ctx, attendanceId);
    if (instanceStatus === "cancelled") throw new AppError("PRECONDITION_FAILED", "This occurrence is cancelled.");
    if (attendance.journey === "arrived" && attendance.checkedInAt) {
      return { checkedInAt: attendance.checkedInAt, endsAt };
    }
    await tx
      .update(attendances)
      .set({ journey: "arrived", checkedInAt: now, checkInMethod: "manual", isLate: false, isStale: false, updatedAt: now })
      .where(and(eq(attendances.id, attendanceId), eq(attendances.organizationId, ctx.org.id)));
    await writeAudit(tx, ctx, { action: "attendance.checked_in", targetType: "attendance", targetId: attendanceId });
    await recordActivity(
      [{ organizationId: ctx.org.id, instanceId: attendance.instanceId, attendanceId, kind: "checked_in", data: { method: "manual" }, at: now }],
      tx,
    );
    return { checkedInAt: now, endsAt };
  });
  evictAttendanceLinks(attendanceId);
  await closeInBuffer(ctx.org.id, { attendanceId, reason: "arrived", until: result.endsAt });
  return { journey: "arrived", checkedInAt: result.checkedInAt };
}

/**
 * Takes a check-in back (a mistaken tap, or a geofence fix at the wrong gate): the participant is travelling again
 * if a position was ever received, otherwise not started. Their tracking link takes points again.
 */
export async function undoCheckIn(ctx: OrgContext, attendanceId: string): Promise<{ journey: "not_started" | "on_the_way" }> {
  assertCan(ctx, "live.checkIn");
  const journey = await getDb().transaction(async (tx) => {
    const { attendance } = await lockAttendance(tx, ctx, attendanceId);
    if (attendance.journey !== "arrived") {
      throw new AppError("PRECONDITION_FAILED", "This participant is not checked in.");
    }
    const next = attendance.lastFixAt ? ("on_the_way" as const) : ("not_started" as const);
    await tx
      .update(attendances)
      .set({ journey: next, checkedInAt: null, checkInMethod: null, updatedAt: new Date() })
      .where(and(eq(attendances.id, attendanceId), eq(attendances.organizationId, ctx.org.id)));
    await writeAudit(tx, ctx, {
      action: "attendance.check_in_undone",
      targetType: "attendance",
      targetId: attendanceId,
      data: { checkedInAt: attendance.checkedInAt?.toISOString() ?? null, method: attendance.checkInMethod },
    });
    await recordActivity(
      [{ organizationId: ctx.org.id, instanceId: attendance.instanceId, attendanceId, kind: "check_in_undone", data: { method: attendance.checkInMethod } }],
      tx,
    );
    return next;
  });
  evictAttendanceLinks(attendanceId);
  await reopenInBuffer(ctx.org.id, attendanceId);
  return { journey };
}
