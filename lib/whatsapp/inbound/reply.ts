import { and, eq, isNull, lte, or } from "drizzle-orm";
import { schema } from "@/db";
import { decodeReplyPayload, type ReplyEvent } from "@/lib/whatsapp/webhook";
import { writeWebhookAudit } from "./audit";
import type { InboundContext } from "./context";
import { recordInboundMessage, type Sender } from "./inbound-message";
import { optOutParticipant } from "./opt-out";
import { replyPayloadSecret } from "./secrets";

const { attendances } = schema;

export type ReplyOutcome = "rsvp_updated" | "rsvp_unchanged" | "opted_out" | "not_ours" | "not_theirs";

/**
 * A button tap. Only our signed payload acts, and only on what belongs to the sender in this organization: the
 * attendance must be theirs (payload id + organization + sender's participant id in one WHERE), so a forwarded or
 * replayed payload from another phone, or one meant for another organization's number, changes nothing.
 */
export async function applyReply(ctx: InboundContext, event: ReplyEvent, sender: Sender | null): Promise<ReplyOutcome> {
  const action = decodeReplyPayload(replyPayloadSecret(), event.payload);
  let outcome: ReplyOutcome = !action ? "not_ours" : "not_theirs";
  let attendance: { id: string; instanceId: string } | null = null;

  if (action && sender && action.type === "rsvp") {
    const rsvp = action.response === "confirm" ? "confirmed" : "declined";
    // A tap older than the RSVP on record (a late redelivery, or staff changing it since) does not overwrite it.
    const [row] = await ctx.tx
      .update(attendances)
      .set({ rsvp, rsvpAt: event.timestamp, updatedAt: new Date() })
      .where(
        and(
          eq(attendances.id, action.attendanceId),
          eq(attendances.organizationId, ctx.organizationId),
          eq(attendances.participantId, sender.id),
          or(isNull(attendances.rsvpAt), lte(attendances.rsvpAt, event.timestamp)),
        ),
      )
      .returning({ id: attendances.id, instanceId: attendances.instanceId });
    if (row) {
      attendance = row;
      outcome = "rsvp_updated";
      await writeWebhookAudit(ctx, {
        action: "attendance.rsvp_changed",
        targetType: "attendance",
        targetId: row.id,
        data: { rsvp, via: "whatsapp", wamid: event.wamid },
      });
    } else {
      attendance = await findOwnAttendance(ctx, action.attendanceId, sender.id);
      if (attendance) outcome = "rsvp_unchanged";
    }
  } else if (action && sender && action.type === "optout" && action.participantId === sender.id) {
    await optOutParticipant(ctx, sender.id, { at: event.timestamp, source: "button", wamid: event.wamid });
    outcome = "opted_out";
  }

  await recordInboundMessage(ctx, {
    wamid: event.wamid,
    at: event.timestamp,
    type: event.source === "template_button" ? "button" : "interactive",
    participantId: sender?.id ?? null,
    attendanceId: attendance?.id ?? null,
    instanceId: attendance?.instanceId ?? null,
    body: {
      title: event.title,
      action: action ? actionName(action) : null,
      outcome,
      ...(event.contextWamid ? { contextWamid: event.contextWamid } : {}),
      ...(event.contactName ? { contactName: event.contactName } : {}),
    },
  });
  return outcome;
}

function actionName(action: NonNullable<ReturnType<typeof decodeReplyPayload>>): string {
  return action.type === "rsvp" ? `rsvp.${action.response}` : "optout";
}

async function findOwnAttendance(ctx: InboundContext, attendanceId: string, participantId: string) {
  const [row] = await ctx.tx
    .select({ id: attendances.id, instanceId: attendances.instanceId })
    .from(attendances)
    .where(
      and(
        eq(attendances.id, attendanceId),
        eq(attendances.organizationId, ctx.organizationId),
        eq(attendances.participantId, participantId),
      ),
    );
  return row ?? null;
}
