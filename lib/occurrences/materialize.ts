import { and, eq, gt, gte, lte, notExists, sql } from "drizzle-orm";
import { schema, type Executor } from "@/lib/database";
import type { EventRow } from "@/lib/events";
import { AppError, problem } from "@/lib/errors";
import { expandOccurrences, instantToLocal, toLocalDateTime, type Occurrence } from "@/lib/recurrence";
import { rerunDoneActions, scheduleActionsForInstances } from "@/lib/schedule";
import type { OrgContext } from "@/lib/tenant";

const { attendances, eventInstances, eventParticipants, events } = schema;

export const DEFAULT_HORIZON_DAYS = 60;
const MINUTE = 60_000;
const DAY = 86_400_000;
/** Rows per INSERT: three parameters each stays far below PostgreSQL's 65,535 parameter limit. */
const INSERT_CHUNK = 5000;

export type MaterializeResult = { occurrencesCreated: number; attendancesCreated: number; actionsCreated: number };

/**
 * Creates the event's occurrences from now up to the horizon, an attendance per roster participant and the scheduled
 * actions. Idempotent: occurrences are keyed by the start the rule produced, attendances and actions by their unique
 * keys, so a repeat (or a moved or cancelled occurrence) never creates anything twice. The caller holds the event lock.
 */
export async function materializeEvent(
  tx: Executor,
  ctx: OrgContext,
  event: EventRow,
  now: Date,
  horizonDays = DEFAULT_HORIZON_DAYS,
): Promise<MaterializeResult> {
  if (event.organizationId !== ctx.org.id) throw new AppError("NOT_FOUND", problem("events.notFound"));
  const result: MaterializeResult = { occurrencesCreated: 0, attendancesCreated: 0, actionsCreated: 0 };
  // An archived event plans nothing new.
  if (event.status !== "active") return result;

  const horizon = new Date(now.getTime() + horizonDays * DAY);
  const duration = event.durationMinutes * MINUTE;
  const occurrences = await withoutCoveredDates(tx, ctx, event, expandEvent(event, now, { until: horizon }));
  const created =
    occurrences.length === 0
      ? []
      : await tx
          .insert(eventInstances)
          .values(
            occurrences.map(({ startsAt }) => ({
              organizationId: ctx.org.id,
              eventId: event.id,
              ruleStartsAt: startsAt,
              startsAt,
              endsAt: new Date(startsAt.getTime() + duration),
            })),
          )
          .onConflictDoNothing({ target: [eventInstances.eventId, eventInstances.ruleStartsAt] })
          .returning({ id: eventInstances.id, startsAt: eventInstances.startsAt, endsAt: eventInstances.endsAt });
  result.occurrencesCreated = created.length;
  result.attendancesCreated = await addRosterAttendances(tx, ctx, event.id, now);
  result.actionsCreated = await scheduleActionsForInstances(tx, ctx, event, created, now);

  await tx
    .update(events)
    .set({
      materializedUntil: sql`greatest(${events.materializedUntil}, ${horizon.toISOString()}::timestamptz)`,
      // Bookkeeping, not an edit: "last updated" keeps meaning what a person changed.
      updatedAt: sql`${events.updatedAt}`,
    })
    .where(and(eq(events.id, event.id), eq(events.organizationId, ctx.org.id)));
  return result;
}

/**
 * One occurrence per rule date. After a rule edit an occurrence that was kept (answered, moved, cancelled) still stands
 * for the date its old rule gave it, so the new rule's occurrence on that date is not added beside it: a cancelled
 * Friday stays cancelled when the series moves from 07:30 to 08:00.
 */
async function withoutCoveredDates(tx: Executor, ctx: OrgContext, event: EventRow, occurrences: Occurrence[]) {
  if (occurrences.length === 0) return occurrences;
  const existing = await tx
    .select({ ruleStartsAt: eventInstances.ruleStartsAt })
    .from(eventInstances)
    .where(
      and(
        eq(eventInstances.organizationId, ctx.org.id),
        eq(eventInstances.eventId, event.id),
        gte(eventInstances.ruleStartsAt, new Date(occurrences[0]!.startsAt.getTime() - DAY)),
        lte(eventInstances.ruleStartsAt, new Date(occurrences.at(-1)!.startsAt.getTime() + DAY)),
      ),
    );
  const slotsByDate = new Map<string, Set<number>>();
  for (const { ruleStartsAt } of existing) {
    const date = instantToLocal(ruleStartsAt, event.timeZone).slice(0, 10);
    slotsByDate.set(date, (slotsByDate.get(date) ?? new Set()).add(ruleStartsAt.getTime()));
  }
  return occurrences.filter((o) => slotsByDate.get(o.local.slice(0, 10))?.has(o.startsAt.getTime()) ?? true);
}

type Expandable = Pick<EventRow, "kind" | "rrule" | "dtstartLocal" | "timeZone" | "exdates" | "durationMinutes">;

/** The event's occurrences that have not ended by `now` (so one already under way still counts). */
export function expandEvent(event: Expandable, now: Date, options: { until?: Date; limit?: number } = {}) {
  return expandOccurrences({
    rrule: event.kind === "periodic" ? event.rrule : null,
    dtstartLocal: toLocalDateTime(event.dtstartLocal),
    timeZone: event.timeZone,
    exdates: event.exdates,
    from: new Date(now.getTime() - event.durationMinutes * MINUTE),
    ...options,
  });
}

/**
 * Gives every roster participant an attendance on each scheduled occurrence of the event that has not ended yet.
 * Covering all of them, not only new ones, also heals a roster change that raced with materialization; only the
 * missing pairs are read, so the steady state costs one query.
 */
export async function addRosterAttendances(tx: Executor, ctx: OrgContext, eventId: string, now: Date): Promise<number> {
  const missing = await tx
    .select({ instanceId: eventInstances.id, participantId: eventParticipants.participantId })
    .from(eventInstances)
    .innerJoin(
      eventParticipants,
      and(eq(eventParticipants.eventId, eventInstances.eventId), eq(eventParticipants.organizationId, ctx.org.id)),
    )
    .where(
      and(
        eq(eventInstances.organizationId, ctx.org.id),
        eq(eventInstances.eventId, eventId),
        eq(eventInstances.status, "scheduled"),
        gt(eventInstances.endsAt, now),
        notExists(
          tx
            .select({ id: attendances.id })
            .from(attendances)
            .where(
              and(
                eq(attendances.instanceId, eventInstances.id),
                eq(attendances.participantId, eventParticipants.participantId),
              ),
            ),
        ),
      ),
    );
  let created = 0;
  const gained = new Set<string>();
  for (let i = 0; i < missing.length; i += INSERT_CHUNK) {
    const rows = missing.slice(i, i + INSERT_CHUNK).map((pair) => ({ organizationId: ctx.org.id, ...pair }));
    const inserted = await tx.insert(attendances).values(rows).onConflictDoNothing().returning({ instanceId: attendances.instanceId });
    for (const row of inserted) gained.add(row.instanceId);
    created += inserted.length;
  }
  // Messages that already went out to the others go to the healed attendances too.
  await rerunDoneActions(tx, ctx.org.id, [...gained], now);
  return created;
}
