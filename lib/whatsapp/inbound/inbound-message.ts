import { and, eq, sql } from "drizzle-orm";
import { schema } from "@/db";
import type { InboundContext } from "./context";

const { messages, participants } = schema;

export type Sender = { id: string; optedOutAt: Date | null };

/**
 * Notes that the participant with this phone number wrote to the organization at `at` (which opens WhatsApp's
 * 24-hour window for free-form messages) and returns them, or null when the number is not one of its participants.
 * `greatest` keeps the newest time when deliveries arrive out of order.
 */
export async function touchSender(ctx: InboundContext, from: string, at: Date): Promise<Sender | null> {
  const [row] = await ctx.tx
    .update(participants)
    .set({ lastInboundAt: sql`greatest(${participants.lastInboundAt}, ${at.toISOString()}::timestamptz)` })
    .where(and(eq(participants.organizationId, ctx.organizationId), eq(participants.phone, from)))
    .returning({ id: participants.id, optedOutAt: participants.optedOutAt });
  return row ?? null;
}

export type InboundMessage = {
  wamid: string;
  at: Date;
  /** WhatsApp's message type: button, interactive, text, location, or unknown. */
  type: string;
  participantId: string | null;
  attendanceId?: string | null;
  instanceId?: string | null;
  body: Record<string, unknown>;
};

/** Logs a message the participant sent, once per wamid (the unique key absorbs any repeat). */
export async function recordInboundMessage(ctx: InboundContext, message: InboundMessage): Promise<void> {
  await ctx.tx
    .insert(messages)
    .values({
      organizationId: ctx.organizationId,
      participantId: message.participantId,
      attendanceId: message.attendanceId ?? null,
      instanceId: message.instanceId ?? null,
      direction: "inbound",
      kind: "reply",
      type: message.type,
      wamid: message.wamid,
      status: "received",
      statusHistory: [{ status: "received", at: message.at.toISOString() }],
      body: withoutNul(message.body),
    })
    .onConflictDoNothing();
}

/** Postgres refuses U+0000 inside jsonb; a message containing it must not fail (and be redelivered) forever. */
function withoutNul(body: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(body).map(([key, value]) => [key, typeof value === "string" ? value.replaceAll("\u0000", "") : value]),
  );
}
