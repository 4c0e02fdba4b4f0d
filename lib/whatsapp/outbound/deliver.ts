import { and, eq, isNotNull, lt, or, sql } from "drizzle-orm";
import type { PgUpdateSetSource } from "drizzle-orm/pg-core";
import { getDb, schema } from "@/db";
import type { MessageStatusChange } from "@/db/schema/whatsapp";
import type { SendFailure } from "@/lib/whatsapp/classify";
import type { OutboundKind } from "./templates";

const { messages } = schema;

// One outbound message row per (action, participant): its unique idempotency key is what makes a retried or repeated
// run send nothing twice. The row is written "queued" before sending; only the run holding it sends. A queued row
// with an error code is waiting for a retry; one without is being sent right now (unless that run died: see LEASE).

/** A queued row untouched for this long belongs to a run that died mid-send; another run may take it over. */
const LEASE_SECONDS = 60;

export type MessageSlot = {
  organizationId: string;
  participantId: string;
  attendanceId: string;
  instanceId: string;
  scheduledActionId: string;
  kind: OutboundKind;
};

export type Reservation = { state: "mine"; messageId: string } | { state: "done" } | { state: "busy" } | { state: "gone" };

export const idempotencyKeyOf = (slot: MessageSlot) => `${slot.scheduledActionId}:${slot.participantId}`;

/**
 * Takes the right to send this slot's message: a new row, or a queued one left for a retry. "gone" when the
 * participant or their attendance was deleted since the run listed them (nothing to send, nothing to record).
 */
export async function reserveMessage(slot: MessageSlot, planned: Sent): Promise<Reservation> {
  const db = getDb();
  const key = idempotencyKeyOf(slot);
  // Written only while the attendance (and so the participant) still exists in this organization.
  const [inserted] = await db.execute<{ id: string }>(sql`
    insert into messages (organization_id, participant_id, attendance_id, instance_id, scheduled_action_id,
                          direction, kind, type, idempotency_key, status, body)
    select ${slot.organizationId}::uuid, ${slot.participantId}::uuid, ${slot.attendanceId}::uuid, ${slot.instanceId}::uuid,
           ${slot.scheduledActionId}::uuid, 'outbound'::message_direction, ${slot.kind}::message_kind, ${planned.type}::text,
           ${key}::text, 'queued'::message_status, ${JSON.stringify(planned.body)}::jsonb
    where exists (
      select 1 from attendances
      where id = ${slot.attendanceId} and organization_id = ${slot.organizationId} and participant_id = ${slot.participantId}
    )
    on conflict do nothing
    returning id
  `);
  if (inserted) return { state: "mine", messageId: inserted.id };

  const [retaken] = await db
    .update(messages)
    .set({ errorCode: null, updatedAt: sql`now()` })
    .where(
      and(
        eq(messages.idempotencyKey, key),
        eq(messages.organizationId, slot.organizationId),
        eq(messages.status, "queued"),
        or(isNotNull(messages.errorCode), lt(messages.updatedAt, sql`now() - make_interval(secs => ${LEASE_SECONDS})`)),
      ),
    )
    .returning({ id: messages.id });
  if (retaken) return { state: "mine", messageId: retaken.id };

  const [existing] = await db
    .select({ status: messages.status })
    .from(messages)
    .where(and(eq(messages.idempotencyKey, key), eq(messages.organizationId, slot.organizationId)));
  // No row at all: the insert's guard found no attendance, so the person was deleted meanwhile.
  if (!existing) return { state: "gone" };
  return existing.status === "queued" ? { state: "busy" } : { state: "done" };
}

type Sent = { type: string; body: Record<string, unknown> };

export async function recordSent(organizationId: string, messageId: string, sent: Sent & { wamid: string; at: Date }): Promise<void> {
  const change: MessageStatusChange = { status: "sent", at: sent.at.toISOString() };
  await update(organizationId, messageId, {
    type: sent.type,
    body: sent.body,
    wamid: sent.wamid,
    status: "sent",
    errorCode: null,
    errorMessage: null,
    statusHistory: sql`${messages.statusHistory} || ${JSON.stringify([change])}::jsonb`,
  });
}

/** Not sent and never will be: the reason in words, for the organizer. */
export async function recordFailed(
  organizationId: string,
  messageId: string,
  failed: Partial<Sent> & { code: string; inWords: string; at: Date },
): Promise<void> {
  const change: MessageStatusChange = { status: "failed", at: failed.at.toISOString(), error: failed.inWords };
  await update(organizationId, messageId, {
    ...(failed.type ? { type: failed.type } : {}),
    ...(failed.body ? { body: failed.body } : {}),
    status: "failed",
    errorCode: failed.code,
    errorMessage: failed.inWords,
    statusHistory: sql`${messages.statusHistory} || ${JSON.stringify([change])}::jsonb`,
  });
}

/** A temporary failure: the row stays queued with the reason, so the retry (and the organizer) see why. */
export async function recordRetryLater(organizationId: string, messageId: string, failure: SendFailure & Partial<Sent>): Promise<void> {
  await update(organizationId, messageId, {
    ...(failure.type ? { type: failure.type } : {}),
    ...(failure.body ? { body: failure.body } : {}),
    errorCode: failure.code,
    errorMessage: failure.inWords,
  });
}

async function update(organizationId: string, messageId: string, values: PgUpdateSetSource<typeof messages>): Promise<void> {
  await getDb()
    .update(messages)
    .set({ ...values, updatedAt: sql`now()` })
    .where(and(eq(messages.id, messageId), eq(messages.organizationId, organizationId)));
}
