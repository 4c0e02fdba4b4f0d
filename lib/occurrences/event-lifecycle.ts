import { and, eq, gt } from "drizzle-orm";
import { getDb, schema } from "@/lib/database";
import { writeAudit } from "@/lib/audit";
import { fieldError, parseInput, problem } from "@/lib/errors";
import { cancelPendingActions } from "@/lib/schedule";
import { assertCan, type OrgContext } from "@/lib/tenant";
import { EventIdInput, EventInput, findEventOrThrow, insertEvent, toEventColumns, UpdateEventInput, type EventRow } from "@/lib/events";
import { expandEvent, materializeEvent } from "./materialize";
import { saveEventEdit } from "./save-event-edit";

const { eventInstances, events } = schema;

/** Creates the event and, in the same transaction, its occurrences up to the horizon with their actions. */
export async function createEvent(ctx: OrgContext, input: EventInput): Promise<EventRow> {
  assertCan(ctx, "events.write");
  const columns = toEventColumns(parseInput(EventInput, input));
  const now = new Date();
  // Saving a series that can never happen is almost always a typo in the date or the end of the rule.
  if (expandEvent(columns, now, { limit: 1 }).length === 0) {
    throw fieldError("VALIDATION", "dtstartLocal", problem("events.noFutureOccurrence"));
  }
  return getDb().transaction(async (tx) => {
    const event = await insertEvent(tx, ctx, columns);
    const materialized = await materializeEvent(tx, ctx, event, now);
    await writeAudit(tx, ctx, {
      action: "event.created",
      targetType: "event",
      targetId: event.id,
      data: { title: event.title, kind: event.kind, ...materialized },
    });
    return findEventOrThrow(tx, ctx, event.id);
  });
}

/**
 * Saves an edit. Changing the rule, start, zone or skipped dates regenerates the future occurrences nothing has
 * happened to and keeps the rest; a schedule change re-times pending actions (see applyEventChange).
 */
export async function updateEvent(ctx: OrgContext, input: UpdateEventInput): Promise<EventRow> {
  assertCan(ctx, "events.write");
  const { eventId, ...fields } = parseInput(UpdateEventInput, input);
  const columns = toEventColumns(fields);
  const now = new Date();
  return getDb().transaction(async (tx) => {
    const before = await findEventOrThrow(tx, ctx, eventId, { forUpdate: true });
    return saveEventEdit(tx, ctx, before, columns, now);
  });
}

/**
 * Ends the series: nothing new is planned, and its future occurrences are cancelled with their pending messages.
 * Past occurrences stay for the record.
 */
export async function archiveEvent(ctx: OrgContext, input: EventIdInput): Promise<EventRow> {
  assertCan(ctx, "events.write");
  const { eventId } = parseInput(EventIdInput, input);
  const now = new Date();
  return getDb().transaction(async (tx) => {
    const before = await findEventOrThrow(tx, ctx, eventId, { forUpdate: true });
    if (before.status === "archived") return before;
    const [event] = await tx
      .update(events)
      .set({ status: "archived" })
      .where(and(eq(events.id, eventId), eq(events.organizationId, ctx.org.id)))
      .returning();
    const cancelled = await tx
      .update(eventInstances)
      .set({ status: "cancelled" })
      .where(
        and(
          eq(eventInstances.organizationId, ctx.org.id),
          eq(eventInstances.eventId, eventId),
          eq(eventInstances.status, "scheduled"),
          gt(eventInstances.startsAt, now),
        ),
      )
      .returning({ id: eventInstances.id });
    const actionsCancelled = await cancelPendingActions(tx, ctx, cancelled.map((row) => row.id));
    await writeAudit(tx, ctx, {
      action: "event.archived",
      targetType: "event",
      targetId: eventId,
      data: { title: before.title, occurrencesCancelled: cancelled.length, actionsCancelled },
    });
    return event!;
  });
}

/** Deletes the event with its occurrences, roster links, attendances and actions (sent messages keep their log). */
export async function deleteEvent(ctx: OrgContext, input: EventIdInput): Promise<{ id: string }> {
  assertCan(ctx, "events.write");
  const { eventId } = parseInput(EventIdInput, input);
  return getDb().transaction(async (tx) => {
    const event = await findEventOrThrow(tx, ctx, eventId, { forUpdate: true });
    await tx.delete(events).where(and(eq(events.id, eventId), eq(events.organizationId, ctx.org.id)));
    await writeAudit(tx, ctx, {
      action: "event.deleted",
      targetType: "event",
      targetId: eventId,
      data: { title: event.title, kind: event.kind },
    });
    return { id: eventId };
  });
}
