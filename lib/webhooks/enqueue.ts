import { sql, type SQL } from "drizzle-orm";
import type { Executor } from "@/lib/database";
import type { AttendanceEventType, WebhookEventType } from "./event-types";

// Emission: deliveries are rows (an outbox) written by the statement or transaction that makes the change, one per
// enabled endpoint of the organization subscribed to the event. A change that rolls back leaves none; one that commits
// cannot lose its event. The delivery job sends them (deliver.ts); a kick after commit only makes it start sooner.

/** An instant as the payloads write it: ISO 8601 in UTC, milliseconds, `Z`. */
export const isoSql = (column: SQL) => sql`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/**
 * `insert into webhook_deliveries … select` for one event type: `from` names rows, `organizationId` and `data` are
 * expressions over them. Every payload is `{ type, timestamp, data }`.
 */
function deliveriesSql(type: string, parts: { organizationId: SQL; data: SQL; from: SQL }): SQL {
  return sql`
    insert into webhook_deliveries (organization_id, endpoint_id, event_type, payload)
    select e.organization_id, e.id, ${type}::text,
           jsonb_build_object('type', ${type}::text, 'timestamp', ${isoSql(sql`now()`)}, 'data', ${parts.data})
    ${parts.from}
    join webhook_endpoints e on e.organization_id = ${parts.organizationId} and e.disabled_at is null and ${type}::text = any(e.event_types)`;
}

/**
 * Deliveries of an attendance event for the attendances `source` selects as (attendance_id, organization_id). A
 * statement that moves the journey itself (the positions batches) passes the journey it sets, since its own snapshot
 * still shows the old one.
 */
export function attendanceDeliveriesSql(type: AttendanceEventType, source: SQL, override: { journey?: string } = {}): SQL {
  const journey = override.journey ? sql`${override.journey}::text` : sql`a.journey::text`;
  return deliveriesSql(type, {
    organizationId: sql`a.organization_id`,
    data: sql`jsonb_build_object(
      'organizationId', a.organization_id, 'eventId', ev.id, 'eventTitle', ev.title, 'timeZone', ev.time_zone,
      'occurrenceId', i.id, 'startsAt', ${isoSql(sql`i.starts_at`)}, 'endsAt', ${isoSql(sql`i.ends_at`)},
      'participantId', p.id, 'participantName', p.name, 'attendanceId', a.id,
      'rsvp', a.rsvp, 'journey', ${journey}, 'checkedInAt', ${isoSql(sql`a.checked_in_at`)}, 'checkInMethod', a.check_in_method,
      'etaAt', ${isoSql(sql`a.eta_at`)}, 'lateMinutes', a.late_minutes)`,
    from: sql`
      from (${source}) s(attendance_id, organization_id)
      join attendances a on a.id = s.attendance_id and a.organization_id = s.organization_id
      join participants p on p.id = a.participant_id and p.organization_id = a.organization_id
      join event_instances i on i.id = a.instance_id and i.organization_id = a.organization_id
      join events ev on ev.id = i.event_id and ev.organization_id = a.organization_id`,
  });
}

/** Deliveries of an occurrence event for the occurrences `source` selects as (instance_id, organization_id). */
export function occurrenceDeliveriesSql(type: "occurrence.started" | "occurrence.closed", source: SQL, where: SQL = sql`true`): SQL {
  return deliveriesSql(type, {
    organizationId: sql`i.organization_id`,
    data: sql`jsonb_build_object(
      'organizationId', i.organization_id, 'eventId', ev.id, 'eventTitle', ev.title, 'timeZone', ev.time_zone,
      'occurrenceId', i.id, 'startsAt', ${isoSql(sql`i.starts_at`)}, 'endsAt', ${isoSql(sql`i.ends_at`)},
      'status', i.status, 'closedAt', ${isoSql(sql`i.closed_at`)},
      'confirmed', (select count(*) from attendances x where x.instance_id = i.id and x.organization_id = i.organization_id and x.rsvp = 'confirmed'),
      'arrived', (select count(*) from attendances x where x.instance_id = i.id and x.organization_id = i.organization_id and x.journey = 'arrived'),
      'noShows', (select count(*) from attendances x where x.instance_id = i.id and x.organization_id = i.organization_id and x.journey = 'no_show'))`,
    from: sql`
      from (${source}) s(instance_id, organization_id)
      join event_instances i on i.id = s.instance_id and i.organization_id = s.organization_id
      join events ev on ev.id = i.event_id and ev.organization_id = i.organization_id`,
  }).append(sql` where ${where}`);
}

/** Deliveries of `message.failed` for the messages `source` selects as (message_id, organization_id). */
export function messageFailedDeliveriesSql(source: SQL): SQL {
  return deliveriesSql("message.failed", {
    organizationId: sql`m.organization_id`,
    data: sql`jsonb_build_object(
      'organizationId', m.organization_id, 'messageId', m.id, 'kind', m.kind, 'status', m.status,
      'errorCode', m.error_code, 'error', m.error_message, 'participantId', m.participant_id, 'participantName', p.name,
      'occurrenceId', m.instance_id, 'attendanceId', m.attendance_id, 'createdAt', ${isoSql(sql`m.created_at`)})`,
    from: sql`
      from (${source}) s(message_id, organization_id)
      join messages m on m.id = s.message_id and m.organization_id = s.organization_id
      left join participants p on p.id = m.participant_id and p.organization_id = m.organization_id`,
  });
}

/** Deliveries of `participant.opted_out` for one participant. */
export function optedOutDeliveriesSql(organizationId: string, participantId: string): SQL {
  return deliveriesSql("participant.opted_out", {
    organizationId: sql`p.organization_id`,
    data: sql`jsonb_build_object(
      'organizationId', p.organization_id, 'participantId', p.id, 'participantName', p.name,
      'optedOutAt', ${isoSql(sql`p.opted_out_at`)})`,
    from: sql`from participants p`,
  }).append(sql` where p.id = ${participantId}::uuid and p.organization_id = ${organizationId}::uuid`);
}

let enqueuedSinceKick = false;
const listeners = new Set<() => void>();

/** Runs a statement from above in the caller's transaction; the next kick then starts the delivery job. */
export async function enqueueDeliveries(db: Executor, statement: SQL): Promise<void> {
  await db.execute(statement);
  enqueuedSinceKick = true;
}

/** An attendance event for these attendances, in the caller's transaction. */
export async function enqueueAttendanceEvent(db: Executor, organizationId: string, type: AttendanceEventType, attendanceIds: readonly string[]): Promise<void> {
  if (attendanceIds.length === 0) return;
  const ids = `{${attendanceIds.join(",")}}`;
  await enqueueDeliveries(db, attendanceDeliveriesSql(type, sql`select unnest(${ids}::uuid[]), ${organizationId}::uuid`));
}

/** `message.failed` for these messages (outbound ones that have just failed for good), in the caller's transaction. */
export async function enqueueMessageFailed(db: Executor, organizationId: string, messageIds: readonly string[]): Promise<void> {
  if (messageIds.length === 0) return;
  const ids = `{${messageIds.join(",")}}`;
  await enqueueDeliveries(db, messageFailedDeliveriesSql(sql`select unnest(${ids}::uuid[]), ${organizationId}::uuid`));
}

/**
 * Any event with its data given: one delivery per enabled endpoint of the organization subscribed to the type, in
 * the caller's transaction.
 */
export async function enqueueWebhookEvent(
  db: Executor,
  event: { organizationId: string; type: WebhookEventType; data: Record<string, unknown> },
): Promise<void> {
  const data = JSON.stringify({ organizationId: event.organizationId, ...event.data });
  await enqueueDeliveries(
    db,
    deliveriesSql(event.type, { organizationId: sql`${event.organizationId}::uuid`, data: sql`${data}::jsonb`, from: sql`from (select 1) s(one)` }),
  );
}

/** The runner's way to hear of new deliveries (the local runner runs the job, Inngest gets an event). */
export function onWebhooksEnqueued(listener: () => void): void {
  listeners.add(listener);
}

/**
 * Called once a change that may have enqueued deliveries has committed: starts the delivery job now instead of at its
 * next tick. Only a hint: the job's schedule picks up whatever is pending anyway.
 */
export function kickWebhookDelivery(force = false): void {
  if (!enqueuedSinceKick && !force) return;
  enqueuedSinceKick = false;
  for (const listener of listeners) {
    try {
      listener();
    } catch {
      // A kick that cannot be delivered changes nothing: the schedule picks the deliveries up.
    }
  }
}

/** For statements that enqueue inside a larger one (the positions batches), which then kick when they wrote any. */
export function markEnqueued(): void {
  enqueuedSinceKick = true;
}
