import { and, eq, isNotNull, isNull, lt, lte, or, sql } from "drizzle-orm";
import { getDb, schema } from "@/lib/database";
import type { messageKind } from "@/db/schema/whatsapp";
import { failQueuedForOptOut, type StoredMessage } from "./record";

const { messages } = schema;

// One outbound message row per slot: a scheduled action's message to one participant (lib/schedule's actionSlotKey),
// or a one-off such as a location follow-up. Its unique idempotency key is what makes a retried or repeated run send
// nothing twice. The row is written "queued" before sending; only the run holding it sends. A queued row with an
// error code is waiting for a retry (not before its retryAt); one without is being sent right now (unless that run
// died: see LEASE).

/** A queued row untouched for this long belongs to a run that died mid-send; another run may take it over. */
const LEASE_SECONDS = 60;

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

/**
 * Takes the right to send this slot's message: a new row, or a queued one left for a retry that is due at `now`.
 * "gone" when the participant or their attendance was deleted since the run listed them (nothing to send, nothing to
 * record); "opted_out" when they opted out meanwhile (a row left queued for a retry is failed with that reason).
 */
export async function reserveMessage(slot: MessageSlot, planned: StoredMessage, now = new Date()): Promise<Reservation> {
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
