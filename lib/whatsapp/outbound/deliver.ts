import { and, eq, inArray, isNotNull, isNull, lt, lte, ne, or, sql } from "drizzle-orm";
import type { PgUpdateSetSource } from "drizzle-orm/pg-core";
import { getDb, schema, type Executor } from "@/db";
import type { MessageStatusChange, messageKind } from "@/db/schema/whatsapp";
import type { SendFailure } from "@/lib/whatsapp/classify";

const { messages, participants } = schema;

// One outbound message row per slot: a scheduled action's message to one participant (actionSlotKey), or a one-off
// such as a location follow-up. Its unique idempotency key is what makes a retried or repeated run send nothing twice. The row is written "queued" before sending; only the run holding it sends. A queued row
// with an error code is waiting for a retry (not before its retryAt); one without is being sent right now (unless
// that run died: see LEASE).

/** A queued row untouched for this long belongs to a run that died mid-send; another run may take it over. */
const LEASE_SECONDS = 60;
/** Sends tried for one message before a failure that only concerns its recipient is taken as final. */
export const MAX_SEND_ATTEMPTS = 5;
/** The first wait after a retriable failure that names none of its own; it doubles with each attempt. */
const BASE_RETRY_MS = 30_000;

export type MessageSlot = {
  organizationId: string;
  participantId: string;
  attendanceId: string;
  instanceId: string;
  /** The scheduled action that sends it; null for a one-off message. */
  scheduledActionId: string | null;
  kind: (typeof messageKind.enumValues)[number];
  /** Unique per message ever meant to go out: actionSlotKey() for a scheduled action's. */
  key: string;
};

export type Reservation =
  | { state: "mine"; messageId: string }
  | { state: "done" }
  | { state: "busy" }
  /** Left for a retry that is not due yet. */
  | { state: "waiting"; retryAt: Date }
  | { state: "gone" }
  | { state: "opted_out" };

/** The key of a scheduled action's message to one participant. */
export const actionSlotKey = (scheduledActionId: string, participantId: string) => `${scheduledActionId}:${participantId}`;

const OPTED_OUT_IN_WORDS = "Not sent: the person opted out of messages before it went out.";

/**
 * Takes the right to send this slot's message: a new row, or a queued one left for a retry that is due at `now`.
 * "gone" when the participant or their attendance was deleted since the run listed them (nothing to send, nothing to
 * record); "opted_out" when they opted out meanwhile (a row left queued for a retry is failed with that reason).
 */
export async function reserveMessage(slot: MessageSlot, planned: Sent, now = new Date()): Promise<Reservation> {
  const db = getDb();
  const key = slot.key;
  const optedOut = sql`exists (
    select 1 from participants
    where id = ${slot.participantId} and organization_id = ${slot.organizationId} and opted_out_at is not null
  )`;
  // Written only while the attendance (and so the participant) still exists in this organization and the person
  // still takes messages: a STOP that arrives while a run goes through a long list holds for the rest of it.
  const [inserted] = await db.execute<{ id: string }>(sql`
    insert into messages (organization_id, participant_id, attendance_id, instance_id, scheduled_action_id,
                          direction, kind, type, idempotency_key, status, body)
    select ${slot.organizationId}::uuid, ${slot.participantId}::uuid, ${slot.attendanceId}::uuid, ${slot.instanceId}::uuid,
           ${slot.scheduledActionId}::uuid, 'outbound'::message_direction, ${slot.kind}::message_kind, ${planned.type}::text,
           ${key}::text, 'queued'::message_status, ${JSON.stringify(planned.body)}::jsonb
    where exists (
      select 1 from attendances
      where id = ${slot.attendanceId} and organization_id = ${slot.organizationId} and participant_id = ${slot.participantId}
    ) and not ${optedOut}
    on conflict do nothing
    returning id
  `);
  if (inserted) return { state: "mine", messageId: inserted.id };

  const [retaken] = await db
    .update(messages)
    .set({ errorCode: null, retryAt: null, updatedAt: sql`now()` })
    .where(
      and(
        eq(messages.idempotencyKey, key),
        eq(messages.organizationId, slot.organizationId),
        eq(messages.status, "queued"),
        or(
          and(isNotNull(messages.errorCode), or(isNull(messages.retryAt), lte(messages.retryAt, now))),
          lt(messages.updatedAt, sql`now() - make_interval(secs => ${LEASE_SECONDS})`),
        ),
        sql`not ${optedOut}`,
      ),
    )
    .returning({ id: messages.id });
  if (retaken) return { state: "mine", messageId: retaken.id };

  const [existing] = await db
    .select({
      id: messages.id,
      status: messages.status,
      errorCode: messages.errorCode,
      retryAt: messages.retryAt,
      optedOut: sql<boolean>`${optedOut}`,
    })
    .from(messages)
    .where(and(eq(messages.idempotencyKey, key), eq(messages.organizationId, slot.organizationId)));
  if (!existing) {
    // No row at all: the person opted out, or the insert's guard found no attendance (deleted meanwhile).
    const [person] = await db.execute<{ opted_out: boolean }>(sql`select ${optedOut} as opted_out`);
    return person?.opted_out ? { state: "opted_out" } : { state: "gone" };
  }
  if (existing.status !== "queued") return { state: "done" };
  if (existing.optedOut) {
    await failQueuedForOptOut(db, slot.organizationId, slot.participantId, new Date());
    return { state: "opted_out" };
  }
  if (existing.errorCode !== null && existing.retryAt) return { state: "waiting", retryAt: existing.retryAt };
  return { state: "busy" };
}

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
  return failed.length;
}

type Sent = { type: string; body: Record<string, unknown> };

/**
 * Graph accepted the message. The recipient's WhatsApp id it reported (`waId`) is kept on the participant: replies
 * come from that id, which is not always their number (see lib/whatsapp/inbound/inbound-message.ts).
 */
export async function recordSent(
  organizationId: string,
  messageId: string,
  sent: Sent & { wamid: string; at: Date; waId?: string },
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
  failed: Partial<Sent> & { code: string; inWords: string; at: Date },
): Promise<void> {
  await update(organizationId, messageId, {
    ...(failed.type ? { type: failed.type } : {}),
    ...(failed.body ? { body: failed.body } : {}),
    ...failedColumns(failed),
  });
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

/** "waiting": this recipient alone, not before retryAt; "failed": given up; "sender": nothing can go out right now. */
export type Deferral = { state: "waiting"; retryAt: Date } | { state: "failed" } | { state: "sender" };

/**
 * A failure a retry may fix: the row stays queued with the reason (the retry and the organizer see why) and one more
 * attempt. When only this recipient is concerned it is not sent again before retryDelayMs() has passed, and after
 * MAX_SEND_ATTEMPTS it fails for good with the same reason. A sender-wide failure sets no time: the whole action is
 * retried (see run-action.ts).
 */
export async function recordRetryLater(
  organizationId: string,
  messageId: string,
  failure: SendFailure & Partial<Sent>,
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
export function retryDelayMs(failure: Pick<SendFailure, "retryAfterMs">, attempts: number): number {
  return (failure.retryAfterMs ?? BASE_RETRY_MS) * 2 ** Math.max(0, attempts - 1);
}

async function update(organizationId: string, messageId: string, values: PgUpdateSetSource<typeof messages>): Promise<void> {
  await getDb()
    .update(messages)
    .set({ ...values, updatedAt: sql`now()` })
    .where(and(eq(messages.id, messageId), eq(messages.organizationId, organizationId)));
}
