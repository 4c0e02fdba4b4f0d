import { and, eq, isNull, sql } from "drizzle-orm";
import { schema } from "@/lib/database";
import { writeWebhookAudit } from "@/lib/audit";
import { failQueuedForOptOut } from "@/lib/messages";
import { storedNote } from "@/lib/schedule";
import { enqueueDeliveries, optedOutDeliveriesSql } from "@/lib/webhooks";
import { sendOptOutAck } from "./reply-text";
import type { InboundContext } from "./context";

const { participants, scheduledActions } = schema;

export type OptOutOutcome = { optedOut: boolean; cancelledActions: number };

/**
 * Opts a participant out of every message of the organization, cancels their pending participant-specific
 * scheduled actions (actions for a whole occurrence skip opted-out participants when they run, even mid-run) and
 * fails their messages waiting for a retry, then — once the
 * transaction committed — tells them it worked. Repeating it changes nothing and keeps the first opt-out time.
 */
export async function optOutParticipant(
  ctx: InboundContext,
  participantId: string,
  via: { at: Date; source: "button" | "text"; wamid: string },
): Promise<OptOutOutcome> {
  const { tx, organizationId: org } = ctx;
  const [changed] = await tx
    .update(participants)
    .set({ optedOutAt: via.at, updatedAt: new Date() })
    .where(and(eq(participants.id, participantId), eq(participants.organizationId, org), isNull(participants.optedOutAt)))
    .returning({ id: participants.id });
  const cancelled = await tx
    .update(scheduledActions)
    .set({ status: "cancelled", completedAt: sql`now()`, ...storedNote({ code: "opted_out" }), updatedAt: new Date() })
    .where(
      and(
        eq(scheduledActions.organizationId, org),
        eq(scheduledActions.participantId, participantId),
        eq(scheduledActions.status, "pending"),
      ),
    )
    .returning({ id: scheduledActions.id });
  if (changed) {
    // Messages left waiting for a retry (WhatsApp was down) are not sent after a STOP either.
    await failQueuedForOptOut(tx, org, participantId, via.at);
    await enqueueDeliveries(tx, optedOutDeliveriesSql(org, participantId));
    ctx.afterCommit(() => sendOptOutAck(org, participantId, via.wamid));
    await writeWebhookAudit(ctx.tx, ctx, {
      action: "participant.opted_out",
      targetType: "participant",
      targetId: participantId,
      data: { via: `whatsapp_${via.source}`, wamid: via.wamid, cancelledActions: cancelled.length },
    });
  }
  return { optedOut: Boolean(changed), cancelledActions: cancelled.length };
}
