import { and, eq, gt, sql } from "drizzle-orm";
import { schema, type Executor } from "@/lib/database";
import type { EventRow } from "@/lib/events";
import type { RescheduleResult } from "@/lib/schedule";
import type { OrgContext } from "@/lib/tenant";
import { materializeEvent, type MaterializeResult } from "./materialize";
import { rescheduleOccurrences } from "./reschedule";
import { deleteUntouchedFutureOccurrences } from "./untouched";

const { eventInstances } = schema;

export type EventChange = { timing: boolean; duration: boolean; schedule: boolean };
export type EventChangeResult = MaterializeResult & { occurrencesDeleted: number; actions: RescheduleResult };

/**
 * Carries an edit of the series over to its occurrences (the caller holds the event lock, `event` is the new row).
 * A new rule, start, zone or set of skipped dates regenerates the future occurrences nothing has happened to and
 * keeps the rest; a new duration moves the ends of all future ones; a new schedule re-times their pending actions.
 */
export async function applyEventChange(
  tx: Executor,
  ctx: OrgContext,
  event: EventRow,
  change: EventChange,
  now: Date,
): Promise<EventChangeResult> {
  const occurrencesDeleted = change.timing ? await deleteUntouchedFutureOccurrences(tx, ctx, event.id, now) : 0;
  const future = and(
    eq(eventInstances.organizationId, ctx.org.id),
    eq(eventInstances.eventId, event.id),
    eq(eventInstances.status, "scheduled"),
    gt(eventInstances.startsAt, now),
  );
  if (change.duration) {
    await tx
      .update(eventInstances)
      .set({ endsAt: sql`${eventInstances.startsAt} + ${event.durationMinutes} * interval '1 minute'` })
      .where(future);
  }
  const materialized = change.timing
    ? await materializeEvent(tx, ctx, event, now)
    : { occurrencesCreated: 0, attendancesCreated: 0, actionsCreated: 0 };
  let actions: RescheduleResult = { retimed: 0, cancelled: 0, created: 0 };
  if (change.schedule || change.duration) {
    const instances = await tx
      .select({ id: eventInstances.id, startsAt: eventInstances.startsAt, endsAt: eventInstances.endsAt })
      .from(eventInstances)
      .where(future);
    actions = await rescheduleOccurrences(tx, ctx, event, instances, now);
  }
  return { ...materialized, occurrencesDeleted, actions };
}
