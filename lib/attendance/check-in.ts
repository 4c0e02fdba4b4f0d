import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { getDb, schema } from "@/lib/database";
import { writeAudit } from "@/lib/audit";
import { AppError, fieldError, parseInput, problem, type Problem } from "@/lib/errors";
import { localToInstant, LocalDateTime } from "@/lib/recurrence";
import { assertCan, type OrgContext } from "@/lib/tenant";
import { enqueueAttendanceEvent } from "@/lib/webhooks";
import { recordActivity } from "./activity";
import { arrivedColumns } from "./arrival";
import { runAttendanceEffects } from "./effects";
import { lockAttendance } from "./lock";
import type { TravellingJourney } from "./states";

const { attendances } = schema;

/** A check-in by hand may be dated this far around the occurrence (a late record of who was there). */
const BACKDATE_MARGIN_MS = 3 * 60 * 60_000;

export const ManualCheckInInput = z.object({
  /** When they arrived, wall time in the event's zone; required once the occurrence is over, else it is now. */
  arrivedAtLocal: LocalDateTime.optional(),
});
export type ManualCheckInInput = z.input<typeof ManualCheckInInput>;

/**
 * Staff checks someone in by hand: now, or at a given time (someone forgot to tap while it ran; once the occurrence
 * is over the time is required, so a record made afterwards does not make the person hours late). A given time must
 * lie from 3 hours before the start to 3 hours after the end, and not in the future; "now" is taken at any time
 * while the occurrence has not ended. Checking in someone already checked in keeps the first time.
 */
export async function checkInManually(
  ctx: OrgContext,
  attendanceId: string,
  input: ManualCheckInInput = {},
): Promise<{ journey: "arrived"; checkedInAt: Date }> {
  assertCan(ctx, "live.checkIn");
  const { arrivedAtLocal } = parseInput(ManualCheckInInput, input);
  const now = new Date();
  const result = await getDb().transaction(async (tx) => {
    const { attendance, instance, event } = await lockAttendance(tx, ctx, attendanceId);
    const { startsAt, endsAt } = instance;
    if (instance.status === "cancelled") throw new AppError("PRECONDITION_FAILED", problem("occurrences.cancelled"));
    if (attendance.journey === "arrived" && attendance.checkedInAt) {
      return { checkedInAt: attendance.checkedInAt, endsAt };
    }
    const arrivedAt = arrivedAtLocal ? localToInstant(arrivedAtLocal, event.timeZone) : now;
    const field = (words: Problem) => fieldError("VALIDATION", "arrivedAtLocal", words);
    if (!arrivedAtLocal && endsAt <= now) throw field(problem("attendance.sayWhenArrived"));
    if (arrivedAtLocal) {
      if (arrivedAt > now) throw field(problem("attendance.arrivalInFuture"));
      const early = arrivedAt.getTime() < startsAt.getTime() - BACKDATE_MARGIN_MS;
      if (early || arrivedAt.getTime() > endsAt.getTime() + BACKDATE_MARGIN_MS) {
        throw field(problem("attendance.arrivalOutsideWindow"));
      }
    }
    await tx
      .update(attendances)
      .set(arrivedColumns(arrivedAt, "manual", now))
      .where(and(eq(attendances.id, attendanceId), eq(attendances.organizationId, ctx.org.id)));
    await writeAudit(tx, ctx, {
      action: "attendance.checked_in",
      targetType: "attendance",
      targetId: attendanceId,
      data: arrivedAtLocal ? { arrivedAt: arrivedAt.toISOString() } : {},
    });
    await recordActivity(
      [{ organizationId: ctx.org.id, instanceId: attendance.instanceId, attendanceId, kind: "checked_in", data: { method: "manual" }, at: arrivedAt }],
      tx,
    );
    await enqueueAttendanceEvent(tx, ctx.org.id, "participant.arrived", [attendanceId]);
    return { checkedInAt: arrivedAt, endsAt };
  });
  await runAttendanceEffects([{ organizationId: ctx.org.id, attendanceId, buffer: { close: result.endsAt } }]);
  return { journey: "arrived", checkedInAt: result.checkedInAt };
}

/**
 * Takes a check-in back (a mistaken tap, or a geofence fix at the wrong gate): the participant is travelling again
 * if a position was ever received, otherwise not started. Their tracking link takes points again.
 */
export async function undoCheckIn(ctx: OrgContext, attendanceId: string): Promise<{ journey: TravellingJourney }> {
  assertCan(ctx, "live.checkIn");
  const journey = await getDb().transaction(async (tx) => {
    const { attendance } = await lockAttendance(tx, ctx, attendanceId);
    if (attendance.journey !== "arrived") {
      throw new AppError("PRECONDITION_FAILED", problem("attendance.notCheckedIn"));
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
  await runAttendanceEffects([{ organizationId: ctx.org.id, attendanceId, buffer: "reopen" }]);
  return { journey };
}
