import { and, asc, eq, gte, inArray, sql } from "drizzle-orm";
import { getDb, schema } from "@/lib/database";
import { trackingWindow, type Journey, type Rsvp } from "@/lib/attendance";
import { toEventView } from "@/lib/events";
import { AppError, parseInput, problem } from "@/lib/errors";
import { instantToLocal, localToInstant } from "@/lib/recurrence";
import { assertCan, type OrgContext } from "@/lib/tenant";
import { listTrackingLinkStatus } from "@/lib/tracking";
import { isUuid } from "@/lib/utils";
import { ListUpcomingOccurrencesInput } from "./schemas";

const { attendances, eventInstances, events, messages, participants, scheduledActions } = schema;

const JOURNEYS = ["not_started", "on_the_way", "arrived", "no_show"] as const satisfies readonly Journey[];

export type RsvpCounts = Record<Rsvp, number> & { total: number };

export const occurrenceFields = {
  id: eventInstances.id,
  eventId: eventInstances.eventId,
  eventTitle: events.title,
  eventKind: events.kind,
  venueName: events.venueName,
  timeZone: events.timeZone,
  ruleStartsAt: eventInstances.ruleStartsAt,
  startsAt: eventInstances.startsAt,
  endsAt: eventInstances.endsAt,
  status: eventInstances.status,
  isDetached: eventInstances.isDetached,
};

type OccurrenceRow = { id: string; startsAt: Date; timeZone: string };

/** Midnight today in the zone, as an instant. */
function startOfToday(timeZone: string): Date {
  return localToInstant(`${instantToLocal(new Date(), timeZone).slice(0, 10)}T00:00`, timeZone);
}

/**
 * Occurrences from `from` (default: start of today in the organization's zone) in start order, with RSVP counts and
 * the number of messages still pending. Archived events are left out unless one event is asked for.
 */
export async function listUpcomingOccurrences(ctx: OrgContext, input: ListUpcomingOccurrencesInput = {}) {
  assertCan(ctx, "events.read");
  const { eventId, status, from, limit } = parseInput(ListUpcomingOccurrencesInput, input);
  const db = getDb();
  const rows = await db
    .select(occurrenceFields)
    .from(eventInstances)
    .innerJoin(events, and(eq(events.id, eventInstances.eventId), eq(events.organizationId, ctx.org.id)))
    .where(
      and(
        eq(eventInstances.organizationId, ctx.org.id),
        gte(eventInstances.startsAt, from ?? startOfToday(ctx.org.timeZone)),
        eventId ? eq(eventInstances.eventId, eventId) : eq(events.status, "active"),
        status ? eq(eventInstances.status, status) : undefined,
      ),
    )
    .orderBy(asc(eventInstances.startsAt), asc(events.title))
    .limit(limit);
  return withCounts(ctx, rows);
}

/** Occurrence rows → the same with RSVP counts, the messages still pending, and the local start. */
export async function withCounts<R extends OccurrenceRow>(ctx: OrgContext, rows: R[]) {
  const db = getDb();
  const ids = rows.map((row) => row.id);
  const [rsvpRows, actionRows] =
    ids.length === 0
      ? [[], []]
      : await Promise.all([
          db
            .select({ instanceId: attendances.instanceId, rsvp: attendances.rsvp, n: sql<number>`count(*)::int` })
            .from(attendances)
            .where(and(eq(attendances.organizationId, ctx.org.id), inArray(attendances.instanceId, ids)))
            .groupBy(attendances.instanceId, attendances.rsvp),
          db
            .select({ instanceId: scheduledActions.instanceId, n: sql<number>`count(*)::int` })
            .from(scheduledActions)
            .where(
              and(
                eq(scheduledActions.organizationId, ctx.org.id),
                inArray(scheduledActions.instanceId, ids),
                eq(scheduledActions.status, "pending"),
              ),
            )
            .groupBy(scheduledActions.instanceId),
        ]);
  return rows.map((row) => {
    const rsvp: RsvpCounts = { total: 0, pending: 0, confirmed: 0, declined: 0 };
    for (const r of rsvpRows.filter((r) => r.instanceId === row.id)) {
      rsvp[r.rsvp] += r.n;
      rsvp.total += r.n;
    }
    const pendingActions = actionRows.find((r) => r.instanceId === row.id)?.n ?? 0;
    return { ...row, startsLocal: instantToLocal(row.startsAt, row.timeZone), rsvp, pendingActions };
  });
}

/**
 * One occurrence with its event, the attendance list (by name, each with its last fix, check-in and newest working
 * tracking link), counts by RSVP and journey status, and the tracking window.
 */
export async function getOccurrence(ctx: OrgContext, instanceId: string) {
  assertCan(ctx, "events.read");
  if (!isUuid(instanceId)) throw new AppError("NOT_FOUND", problem("occurrences.notFound"));
  const db = getDb();
  const [row] = await db
    .select({ instance: eventInstances, event: events })
    .from(eventInstances)
    .innerJoin(events, and(eq(events.id, eventInstances.eventId), eq(events.organizationId, ctx.org.id)))
    .where(and(eq(eventInstances.id, instanceId), eq(eventInstances.organizationId, ctx.org.id)));
  if (!row) throw new AppError("NOT_FOUND", problem("occurrences.notFound"));
  const attendanceRows = db
    .select({
      id: attendances.id,
      participantId: participants.id,
      name: participants.name,
      phone: participants.phone,
      guardianOf: participants.guardianOf,
      optedOutAt: participants.optedOutAt,
      rsvp: attendances.rsvp,
      rsvpAt: attendances.rsvpAt,
      journey: attendances.journey,
      checkedInAt: attendances.checkedInAt,
      checkInMethod: attendances.checkInMethod,
      etaAt: attendances.etaAt,
      isLate: attendances.isLate,
      lateMinutes: attendances.lateMinutes,
      lastFixAt: attendances.lastFixAt,
      lastLat: attendances.lastLat,
      lastLng: attendances.lastLng,
      lastAccuracyM: attendances.lastAccuracyM,
      distanceM: attendances.distanceM,
      /** When they were last asked in WhatsApp to send their location (a follow-up of the tracking link). */
      locationRequestedAt: sql<Date | null>`(
        select max(m.created_at) from messages m
        where m.organization_id = ${ctx.org.id} and m.instance_id = ${instanceId} and m.attendance_id = ${attendances.id}
          and m.direction = 'outbound' and m.kind = 'location_request' and m.status <> 'failed'
      )`.mapWith(messages.createdAt),
    })
    .from(attendances)
    .innerJoin(participants, and(eq(participants.id, attendances.participantId), eq(participants.organizationId, ctx.org.id)))
    .where(and(eq(attendances.organizationId, ctx.org.id), eq(attendances.instanceId, instanceId)))
    .orderBy(asc(participants.name), asc(participants.phone));
  const [list, links] = await Promise.all([attendanceRows, listTrackingLinkStatus(ctx, instanceId)]);

  const rsvp: RsvpCounts = { total: list.length, pending: 0, confirmed: 0, declined: 0 };
  const journey = Object.fromEntries(JOURNEYS.map((j) => [j, 0])) as Record<Journey, number>;
  for (const attendance of list) {
    rsvp[attendance.rsvp] += 1;
    journey[attendance.journey] += 1;
  }
  const { timeZone } = row.event;
  return {
    ...row.instance,
    startsLocal: instantToLocal(row.instance.startsAt, timeZone),
    endsLocal: instantToLocal(row.instance.endsAt, timeZone),
    event: toEventView(row.event),
    counts: { rsvp, journey },
    trackingWindow: trackingWindow(row.instance, row.event),
    attendances: list.map((attendance) => ({ ...attendance, link: links.get(attendance.id) ?? null })),
  };
}
