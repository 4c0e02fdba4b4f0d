import { and, eq, sql } from "drizzle-orm";
import { schema } from "@/lib/database";
import { recordRsvpTap } from "@/lib/attendance";
import { decodeReplyPayload, type ReplyEvent } from "@/lib/whatsapp/webhook";
import type { InboundContext } from "./context";
import { recordInboundMessage, type Sender } from "./inbound-message";
import { optOutParticipant } from "./opt-out";
import { sendTapTooLateNotice } from "./reply-text";
import { replyPayloadSecret } from "@/lib/whatsapp/secrets";

const { attendances, eventInstances } = schema;

export type ReplyOutcome =
  | "rsvp_updated"
  | "rsvp_unchanged"
  | "occurrence_closed"
  | "opted_out"
  | "not_ours"
  | "not_theirs";

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
    const row = await recordRsvpTap(ctx.tx, {
      organizationId: ctx.organizationId,
      requestId: ctx.requestId,
      attendanceId: action.attendanceId,
      participantId: sender.id,
      rsvp: action.response === "confirm" ? "confirmed" : "declined",
      at: event.timestamp,
      wamid: event.wamid,
    });
    if (row) {
      attendance = row;
      outcome = "rsvp_updated";
    } else {
      const own = await findOwnAttendance(ctx, action.attendanceId, sender.id, event.timestamp);
      if (own) {
        attendance = { id: own.id, instanceId: own.instanceId };
        outcome = own.occurrenceOpen ? "rsvp_unchanged" : "occurrence_closed";
        // Silence would leave them thinking their answer counted (unless they opted out of all messages).
        if (!own.occurrenceOpen && !sender.optedOutAt) {
          const [participantId, target] = [sender.id, attendance];
          ctx.afterCommit(() => sendTapTooLateNotice(ctx.organizationId, participantId, target, event.wamid));
        }
      }
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

async function findOwnAttendance(ctx: InboundContext, attendanceId: string, participantId: string, tappedAt: Date) {
  const [row] = await ctx.tx
    .select({
      id: attendances.id,
      instanceId: attendances.instanceId,
      occurrenceOpen: sql<boolean>`${eventInstances.status} = 'scheduled' and ${eventInstances.endsAt} > ${tappedAt.toISOString()}::timestamptz`,
    })
    .from(attendances)
    .innerJoin(
      eventInstances,
      and(eq(eventInstances.id, attendances.instanceId), eq(eventInstances.organizationId, ctx.organizationId)),
    )
    .where(
      and(
        eq(attendances.id, attendanceId),
        eq(attendances.organizationId, ctx.organizationId),
        eq(attendances.participantId, participantId),
      ),
    );
  return row ?? null;
}
