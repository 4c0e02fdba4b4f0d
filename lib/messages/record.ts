import { and, eq, inArray, ne, sql } from "drizzle-orm";
import type { PgUpdateSetSource } from "drizzle-orm/pg-core";
import { getDb, schema, type Executor } from "@/lib/database";
import type { MessageStatusChange } from "@/db/schema/whatsapp";
import { enqueueMessageFailed, kickWebhookDelivery } from "@/lib/webhooks";

const { messages, participants } = schema;

// What became of an outbound message reserved with reserveMessage() (reserve.ts): sent, failed for good, or left
// queued for a retry. Whatever channel sent it, the row is the record the organizer reads.

/** Sends tried for one message before a failure that only concerns its recipient is taken as final. */
export const MAX_SEND_ATTEMPTS = 5;
/** The first wait after a retriable failure that names none of its own; it doubles with each attempt. */
const BASE_RETRY_MS = 30_000;

const OPTED_OUT_IN_WORDS = "Not sent: the person opted out of messages before it went out.";

/** A message as the messages table keeps it: its type and the body as sent. */
export type StoredMessage = { type: string; body: Record<string, unknown> };

/**
 * A person who opted out gets nothing more: their outbound messages still queued (waiting for a retry) are failed,
 * with the reason in words for the organizer. The opt-out confirmation itself is left alone. Returns how many.
 */
export async function failQueuedForOptOut(db: Executor, organizationId: string, participantId: string, at: Date): Promise<number> {
  const failed = await db
    .update(messages)
    .set({ ...failedColumns({ code: "opted_out", inWords: OPTED_OUT_IN_WORDS, at }), updatedAt: sql`now()` })
    .where(
      and(
        eq(messages.organizationId, organizationId),
        eq(messages.participantId, participantId),
        eq(messages.direction, "outbound"),
        eq(messages.status, "queued"),
        ne(messages.kind, "opt_out_ack"),
      ),
    )
    .returning({ id: messages.id });
  await enqueueMessageFailed(db, organizationId, failed.map((m) => m.id));
  return failed.length;
}

/**
 * Graph accepted the message. The recipient's WhatsApp id it reported (`waId`) is kept on the participant: replies
 * come from that id, which is not always their number (see lib/whatsapp/inbound/inbound-message.ts).
 */
export async function recordSent(
  organizationId: string,
  messageId: string,
  sent: StoredMessage & { wamid: string; at: Date; waId?: string },
): Promise<void> {
  const change: MessageStatusChange = { status: "sent", at: sent.at.toISOString() };
  await update(organizationId, messageId, {
    type: sent.type,
    body: sent.body,
    wamid: sent.wamid,
    status: "sent",
    errorCode: null,
    errorMessage: null,
    retryAt: null,
    statusHistory: sql`${messages.statusHistory} || ${JSON.stringify([change])}::jsonb`,
  });
  if (!sent.waId) return;
  const recipient = getDb()
    .select({ id: messages.participantId })
    .from(messages)
    .where(and(eq(messages.id, messageId), eq(messages.organizationId, organizationId)));
  await getDb()
    .update(participants)
    .set({ whatsappId: sent.waId })
    .where(and(eq(participants.organizationId, organizationId), inArray(participants.id, recipient)));
}

/** Not sent and never will be: the reason in words, for the organizer. */
export async function recordFailed(
  organizationId: string,
  messageId: string,
  failed: Partial<StoredMessage> & { code: string; inWords: string; at: Date },
): Promise<void> {
  await getDb().transaction(async (tx) => {
    const values = { ...(failed.type ? { type: failed.type } : {}), ...(failed.body ? { body: failed.body } : {}), ...failedColumns(failed) };
    await update(organizationId, messageId, values, tx);
    await enqueueMessageFailed(tx, organizationId, [messageId]);
  });
  kickWebhookDelivery();
}

/** A message's columns once it failed for good: the status, the reason, and a "failed" entry in its history. */
function failedColumns(failed: { code: string; inWords: string; at: Date }) {
  const change: MessageStatusChange = { status: "failed", at: failed.at.toISOString(), error: failed.inWords };
  return {
    status: "failed" as const,
    errorCode: failed.code,
    errorMessage: failed.inWords,
    statusHistory: sql`${messages.statusHistory} || ${JSON.stringify([change])}::jsonb`,
  };
}

/** A failure a retry may fix, as the sender classified it. */
export type RetriableFailure = {
  code: string;
  inWords: string;
  /** "recipient": only this person's message waits; "sender": nothing can be sent right now. */
  retryScope?: "recipient" | "sender";
  /** The least time to wait before sending the same message again. */
  retryAfterMs?: number;
};

/** "waiting": this recipient alone, not before retryAt; "failed": given up; "sender": nothing can go out right now. */
export type Deferral = { state: "waiting"; retryAt: Date } | { state: "failed" } | { state: "sender" };

/**
 * A failure a retry may fix: the row stays queued with the reason (the retry and the organizer see why) and one more
 * attempt. When only this recipient is concerned it is not sent again before retryDelayMs() has passed, and after
 * MAX_SEND_ATTEMPTS it fails for good with the same reason. A sender-wide failure sets no time: the whole action is
 * retried (see lib/schedule/run.ts).
 */
export async function recordRetryLater(
  organizationId: string,
  messageId: string,
  failure: RetriableFailure & Partial<StoredMessage>,
  at: Date,
): Promise<Deferral> {
  const [row] = await getDb()
    .update(messages)
    .set({
      ...(failure.type ? { type: failure.type } : {}),
      ...(failure.body ? { body: failure.body } : {}),
      errorCode: failure.code,
      errorMessage: failure.inWords,
      attempts: sql`${messages.attempts} + 1`,
      updatedAt: sql`now()`,
    })
    .where(and(eq(messages.id, messageId), eq(messages.organizationId, organizationId)))
    .returning({ attempts: messages.attempts });
  const attempts = row?.attempts ?? 1;
  if (failure.retryScope !== "recipient") return { state: "sender" };
  if (attempts >= MAX_SEND_ATTEMPTS) {
    await recordFailed(organizationId, messageId, { code: failure.code, inWords: failure.inWords, at });
    return { state: "failed" };
  }
  const retryAt = new Date(at.getTime() + retryDelayMs(failure, attempts));
  await update(organizationId, messageId, { retryAt });
  return { state: "waiting", retryAt };
}

/** The wait before attempt `attempts + 1`: the failure's own minimum (or 30 s), doubled for each attempt made. */
export function retryDelayMs(failure: Pick<RetriableFailure, "retryAfterMs">, attempts: number): number {
  return (failure.retryAfterMs ?? BASE_RETRY_MS) * 2 ** Math.max(0, attempts - 1);
}

async function update(organizationId: string, messageId: string, values: PgUpdateSetSource<typeof messages>, db: Executor = getDb()): Promise<void> {
  await db
    .update(messages)
    .set({ ...values, updatedAt: sql`now()` })
    .where(and(eq(messages.id, messageId), eq(messages.organizationId, organizationId)));
}
