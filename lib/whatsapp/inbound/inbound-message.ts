import { and, asc, eq, inArray, or, sql } from "drizzle-orm";
import { schema } from "@/lib/database";
import { brazilianMobileTwin } from "@/lib/whatsapp/brazil-mobile";
import type { InboundContext } from "./context";

const { messages, participants } = schema;

export type Sender = { id: string; optedOutAt: Date | null };

/**
 * Notes that the participant who wrote from this WhatsApp id (`from`, E.164) wrote to the organization at `at`
 * (which opens WhatsApp's 24-hour window for free-form messages) and returns them, or null when it is none of its
 * participants. `greatest` keeps the newest time when deliveries arrive out of order.
 *
 * A WhatsApp id is not always the phone number: the sender is the participant whose stored id (the `wa_id` Graph
 * reported when we messaged them) it is, else the one with that number, else (a Brazilian mobile) the one with it
 * with or without the ninth digit; always within the organization. The id is kept for next time.
 */
export async function touchSender(ctx: InboundContext, from: string, at: Date): Promise<Sender | null> {
  const waId = from.replace(/^\+/, "");
  const twin = brazilianMobileTwin(from);
  const rank = sql`(case when ${participants.whatsappId} = ${waId} then 0 else 2 end) + (case when ${participants.phone} = ${from} then 0 else 1 end)`;
  const [match] = await ctx.tx
    .select({ id: participants.id })
    .from(participants)
    .where(
      and(
        eq(participants.organizationId, ctx.organizationId),
        or(eq(participants.whatsappId, waId), inArray(participants.phone, twin ? [from, twin] : [from])),
      ),
    )
    .orderBy(rank, asc(participants.createdAt), asc(participants.id))
    .limit(1);
  if (!match) return null;
  const [row] = await ctx.tx
    .update(participants)
    .set({
      lastInboundAt: sql`greatest(${participants.lastInboundAt}, ${at.toISOString()}::timestamptz)`,
      whatsappId: sql`coalesce(${participants.whatsappId}, ${waId})`,
    })
    .where(and(eq(participants.id, match.id), eq(participants.organizationId, ctx.organizationId)))
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
