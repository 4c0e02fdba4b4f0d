import { and, eq, exists, gt, isNull, lte, or } from "drizzle-orm";
import { z } from "zod";
import { getDb, schema, type Transaction } from "@/lib/database";
import { writeAudit, writeWebhookAudit } from "@/lib/audit";
import { AppError, parseInput, problem, problemKey } from "@/lib/errors";
import { rerunDoneActions } from "@/lib/schedule";
import { assertCan, type OrgContext } from "@/lib/tenant";
import { enqueueAttendanceEvent, kickWebhookDelivery } from "@/lib/webhooks";
import { lockAttendance } from "./lock";
import type { Rsvp } from "./states";

const { attendances, eventInstances } = schema;

const RSVPS = ["pending", "confirmed", "declined"] as const satisfies readonly Rsvp[];

/** A form's text in, one of the answers out. */
export const StaffRsvpInput = z.object({
  rsvp: z.string().pipe(z.enum(RSVPS, { error: problemKey("attendance.rsvp") })),
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
  const result = await getDb().transaction(async (tx) => {
    const { attendance, instance } = await lockAttendance(tx, ctx, attendanceId);
    if (instance.status === "cancelled") throw new AppError("PRECONDITION_FAILED", problem("occurrences.cancelled"));
    if (instance.endsAt <= now) throw new AppError("PRECONDITION_FAILED", problem("attendance.answersClosed"));
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
    if (rsvp !== "pending") await enqueueAttendanceEvent(tx, ctx.org.id, `participant.${rsvp}`, [attendanceId]);
    return { rsvp };
  });
  kickWebhookDelivery();
  return result;
}

/** A participant's Confirm or Decline tap, as the WhatsApp webhook verified it (the organization from the business number). */
export type RsvpTap = {
  organizationId: string;
  requestId: string;
  attendanceId: string;
  participantId: string;
  rsvp: "confirmed" | "declined";
  at: Date;
  wamid: string;
};

/**
 * Records a tap in the caller's transaction, if the attendance is the tapper's own and its occurrence was still on
 * when they tapped (not cancelled meanwhile, nor already over: an old message scrolled up to). A tap older than the
 * RSVP on record (a late redelivery, or staff changing it since) does not overwrite it. Returns the attendance it
 * changed, or null when it changed none.
 */
export async function recordRsvpTap(tx: Transaction, tap: RsvpTap): Promise<{ id: string; instanceId: string } | null> {
  const { organizationId, rsvp } = tap;
  const occurrenceOpen = tx
    .select({ id: eventInstances.id })
    .from(eventInstances)
    .where(
      and(
        eq(eventInstances.id, attendances.instanceId),
        eq(eventInstances.organizationId, organizationId),
        eq(eventInstances.status, "scheduled"),
        gt(eventInstances.endsAt, tap.at),
      ),
    );
  const [row] = await tx
    .update(attendances)
    .set({ rsvp, rsvpAt: tap.at, updatedAt: new Date() })
    .where(
      and(
        eq(attendances.id, tap.attendanceId),
        eq(attendances.organizationId, organizationId),
        eq(attendances.participantId, tap.participantId),
        or(isNull(attendances.rsvpAt), lte(attendances.rsvpAt, tap.at)),
        exists(occurrenceOpen),
      ),
    )
    .returning({ id: attendances.id, instanceId: attendances.instanceId });
  if (!row) return null;
  await writeWebhookAudit(tx, tap, {
    action: "attendance.rsvp_changed",
    targetType: "attendance",
    targetId: row.id,
    data: { rsvp, via: "whatsapp", wamid: tap.wamid },
  });
  await enqueueAttendanceEvent(tx, organizationId, `participant.${rsvp}`, [row.id]);
  // Confirmed after the tracking links went out: theirs goes out at the next dispatch (before the start).
  if (rsvp === "confirmed") await rerunDoneActions(tx, organizationId, [row.instanceId], new Date(), ["tracking_link"]);
  return row;
}

/**
 * Demo only (the embedded mode cannot receive WhatsApp): confirms everyone of an occurrence who has not answered, in
 * place of their own Confirm taps. Returns how many.
 */
export async function confirmPendingForDemo(ctx: OrgContext, instanceId: string): Promise<number> {
  return getDb().transaction(async (tx) => {
    const confirmed = await tx
      .update(attendances)
      .set({ rsvp: "confirmed", rsvpAt: new Date() })
      .where(and(eq(attendances.organizationId, ctx.org.id), eq(attendances.instanceId, instanceId), eq(attendances.rsvp, "pending")))
      .returning({ id: attendances.id });
    await enqueueAttendanceEvent(tx, ctx.org.id, "participant.confirmed", confirmed.map((c) => c.id));
    await writeAudit(tx, ctx, {
      action: "demo.rsvp_confirmed",
      targetType: "occurrence",
      targetId: instanceId,
      data: { attendances: confirmed.length },
    });
    return confirmed.length;
  });
}
