import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { getDb, schema } from "@/db";
import { writeAudit } from "@/lib/audit/write-audit";
import { AppError, parseInput } from "@/lib/errors";
import { rerunDoneActions } from "@/lib/schedule/schedule-actions";
import { assertCan, type OrgContext } from "@/lib/tenant/context";
import { lockAttendance } from "./lock-attendance";

const { attendances } = schema;

const RSVPS = ["pending", "confirmed", "declined"] as const;
type Rsvp = (typeof RSVPS)[number];

/** A form's text in, one of the answers out. */
export const StaffRsvpInput = z.object({
  rsvp: z.string().pipe(z.enum(RSVPS, { error: "Choose an answer: no answer yet, confirmed or declined." })),
});
export type StaffRsvpInput = z.input<typeof StaffRsvpInput>;

/**
 * Staff records a participant's answer given another way (a phone call, at the door), until the occurrence ends.
 * It counts like a WhatsApp tap made now: a tap older than it, delivered late, does not overwrite it. Someone
 * confirmed after the tracking links went out gets theirs from the next run, as with a tap.
 */
export async function setRsvpByStaff(ctx: OrgContext, attendanceId: string, input: StaffRsvpInput): Promise<{ rsvp: Rsvp }> {
  assertCan(ctx, "live.checkIn");
  const { rsvp } = parseInput(StaffRsvpInput, input);
  const now = new Date();
  return getDb().transaction(async (tx) => {
    const { attendance, instance } = await lockAttendance(tx, ctx, attendanceId);
    if (instance.status === "cancelled") throw new AppError("PRECONDITION_FAILED", "This occurrence is cancelled.");
    if (instance.endsAt <= now) throw new AppError("PRECONDITION_FAILED", "This occurrence is over: answers can no longer be changed.");
    if (attendance.rsvp === rsvp) return { rsvp };
    await tx
      .update(attendances)
      .set({ rsvp, rsvpAt: now, updatedAt: now })
      .where(and(eq(attendances.id, attendanceId), eq(attendances.organizationId, ctx.org.id)));
    await writeAudit(tx, ctx, {
      action: "attendance.rsvp_changed",
      targetType: "attendance",
      targetId: attendanceId,
      data: { rsvp, via: "staff", previous: attendance.rsvp },
    });
    if (rsvp === "confirmed") await rerunDoneActions(tx, ctx.org.id, [attendance.instanceId], now, ["tracking_link"]);
    return { rsvp };
  });
}
