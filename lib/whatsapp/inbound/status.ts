import { and, eq } from "drizzle-orm";
import { schema } from "@/lib/database";
import type { MessageStatusChange } from "@/db/schema/whatsapp";
import { classifyStatusError, failure } from "@/lib/whatsapp/classify";
import { nextStatus, type StatusEvent } from "@/lib/whatsapp/webhook";
import { enqueueMessageFailed } from "@/lib/webhooks";
import type { InboundContext } from "./context";

const { messages } = schema;

export type StatusOutcome = "advanced" | "kept" | "unknown_message";

/**
 * A delivery report for a message we sent. Every report is appended to the history, but the status only moves
 * forward (nextStatus), since WhatsApp delivers them out of order: "read" then a late "delivered" stays "read".
 * The error of a failure is recorded when the message actually becomes failed, in the same code and sentence as the
 * same failure at send time (classify.ts).
 */
export async function applyStatus(ctx: InboundContext, event: StatusEvent): Promise<StatusOutcome> {
  const { tx, organizationId: org } = ctx;
  const [message] = await tx
    .select({ id: messages.id, status: messages.status, statusHistory: messages.statusHistory })
    .from(messages)
    .where(and(eq(messages.wamid, event.wamid), eq(messages.organizationId, org), eq(messages.direction, "outbound")))
    .for("update");
  if (!message) return "unknown_message";

  const reported = event.errors[0] ? classifyStatusError(event.errors[0]) : undefined;
  const change: MessageStatusChange = {
    status: event.status,
    at: event.timestamp.toISOString(),
    ...(reported ? { error: reported.inWords } : {}),
  };
  const failed = reported ?? failure("not_delivered");
  const next = nextStatus(message.status, event.status);
  await tx
    .update(messages)
    .set({
      statusHistory: [...message.statusHistory, change],
      ...(next ? { status: next } : {}),
      ...(next === "failed"
        ? { errorCode: failed.code, errorMessage: failed.inWords }
        : {}),
      updatedAt: new Date(),
    })
    .where(and(eq(messages.id, message.id), eq(messages.organizationId, org)));
  if (next === "failed") await enqueueMessageFailed(tx, org, [message.id]);
  return next ? "advanced" : "kept";
}
