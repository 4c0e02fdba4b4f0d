import { and, asc, eq, gte, lte } from "drizzle-orm";
import { getDb, schema } from "@/lib/database";
import { instantToLocal } from "@/lib/recurrence";
import { assertCan, type OrgContext } from "@/lib/tenant";
import { groupBy } from "@/lib/utils";
import { rangeInstants } from "./attendance-report";
import { outcomeOf, tally, type Tally } from "./outcomes";
import { reportRange } from "./schemas";

const { attendances, eventInstances, events } = schema;

export type EventAttendanceSummary = {
  eventId: string;
  title: string;
  status: "active" | "archived";
  range: { from: string; to: string };
  /** Occurrences that started in the range and were not cancelled. */
  held: number;
  cancelled: number;
  tally: Tally;
};

/**
 * Every event of the organization that had an occurrence start in its default report range (the last 30 days up to
 * today, in the event's own time zone: the same occurrences its report shows by default), with the same outcome
 * totals, by title. The organization's reports page lists these.
 */
export async function listAttendanceSummaries(ctx: OrgContext, now = new Date()): Promise<EventAttendanceSummary[]> {
  assertCan(ctx, "events.read");
  const db = getDb();
  const eventRows = await db
    .select({ id: events.id, title: events.title, status: events.status, timeZone: events.timeZone, lateGraceMinutes: events.lateGraceMinutes })
    .from(events)
    .where(eq(events.organizationId, ctx.org.id))
    .orderBy(asc(events.title));
  if (eventRows.length === 0) return [];
  const ranges = new Map(
    eventRows.map((event) => {
      const range = reportRange({}, instantToLocal(now, event.timeZone).slice(0, 10));
      return [event.id, { ...range, ...rangeInstants(range, event.timeZone) }];
    }),
  );
  const earliest = new Date(Math.min(...[...ranges.values()].map((r) => r.startFrom.getTime())));

  const rows = await db
    .select({
      eventId: eventInstances.eventId,
      instanceId: eventInstances.id,
      startsAt: eventInstances.startsAt,
      endsAt: eventInstances.endsAt,
      closedAt: eventInstances.closedAt,
      status: eventInstances.status,
      rsvp: attendances.rsvp,
      journey: attendances.journey,
      checkedInAt: attendances.checkedInAt,
    })
    .from(eventInstances)
    .leftJoin(attendances, and(eq(attendances.instanceId, eventInstances.id), eq(attendances.organizationId, ctx.org.id)))
    .where(and(eq(eventInstances.organizationId, ctx.org.id), gte(eventInstances.startsAt, earliest), lte(eventInstances.startsAt, now)));

  const rowsOf = groupBy(rows, (row) => row.eventId);
  return eventRows.flatMap((event): EventAttendanceSummary[] => {
    const range = ranges.get(event.id)!;
    const own = (rowsOf.get(event.id) ?? []).filter((r) => r.startsAt >= range.startFrom && r.startsAt < range.startBefore);
    if (own.length === 0) return [];
    const held = own.filter((r) => r.status !== "cancelled");
    const outcomes = held.flatMap((r) =>
      r.rsvp && r.journey ? [outcomeOf({ rsvp: r.rsvp, journey: r.journey, checkedInAt: r.checkedInAt }, r, event.lateGraceMinutes, now)] : [],
    );
    return [
      {
        eventId: event.id,
        title: event.title,
        status: event.status,
        range: { from: range.from, to: range.to },
        held: new Set(held.map((r) => r.instanceId)).size,
        cancelled: new Set(own.filter((r) => r.status === "cancelled").map((r) => r.instanceId)).size,
        tally: tally(outcomes),
      },
    ];
  });
}
