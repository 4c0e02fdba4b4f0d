import { and, count, desc, eq, gt, min, type SQL } from "drizzle-orm";
import { getDb, schema } from "@/lib/database";
import { parseInput } from "@/lib/errors";
import { afterCursor, cursorAt, cursorOrder, toPage, type Page } from "@/lib/pagination";
import { assertCan, type OrgContext } from "@/lib/tenant";
import { toEventView, type EventView } from "./event-columns";
import { findEventOrThrow } from "./find-event";
import { ListEventsInput, ListEventsPageInput } from "./schemas";

const { eventInstances, eventParticipants, events } = schema;

export type EventDetails = EventView & { rosterSize: number; nextStartsAt: Date | null };

/** One event with its rule as the builder's object, roster size and next start. */
export async function getEvent(ctx: OrgContext, eventId: string): Promise<EventDetails> {
  assertCan(ctx, "events.read");
  const db = getDb();
  const event = await findEventOrThrow(db, ctx, eventId);
  const [[roster], [next]] = await Promise.all([
    db
      .select({ size: count() })
      .from(eventParticipants)
      .where(and(eq(eventParticipants.organizationId, ctx.org.id), eq(eventParticipants.eventId, event.id))),
    db
      .select({ startsAt: min(eventInstances.startsAt) })
      .from(eventInstances)
      .where(
        and(
          eq(eventInstances.organizationId, ctx.org.id),
          eq(eventInstances.eventId, event.id),
          eq(eventInstances.status, "scheduled"),
          gt(eventInstances.startsAt, new Date()),
        ),
      ),
  ]);
  return { ...toEventView(event), rosterSize: roster?.size ?? 0, nextStartsAt: next?.startsAt ?? null };
}

/** The organization's events (all, or only active or archived ones), newest first. */
export async function listEvents(ctx: OrgContext, input: ListEventsInput = {}): Promise<EventDetails[]> {
  assertCan(ctx, "events.read");
  const { status } = parseInput(ListEventsInput, input);
  const rows = await selectEventDetails(ctx)
    .where(and(eq(events.organizationId, ctx.org.id), status ? eq(events.status, status) : undefined))
    .orderBy(desc(events.createdAt));
  return rows.map(toDetails);
}

/** The same, a page at a time in creation order (oldest first), for the API: see lib/pagination. */
export async function listEventsPage(ctx: OrgContext, input: ListEventsPageInput = {}): Promise<Page<EventDetails>> {
  assertCan(ctx, "events.read");
  const { status, limit, cursor } = parseInput(ListEventsPageInput, input);
  const rows = await selectEventDetails(ctx, { cursorAt: cursorAt(events.createdAt) })
    .where(
      and(
        eq(events.organizationId, ctx.org.id),
        status ? eq(events.status, status) : undefined,
        afterCursor(events.createdAt, events.id, cursor),
      ),
    )
    .orderBy(...cursorOrder(events.createdAt, events.id))
    .limit(limit + 1);
  const page = toPage(
    rows.map((row) => ({ ...toDetails(row), cursorAt: row.cursorAt })),
    limit,
  );
  return page;
}

/** Events with their roster size and next start, joined once for both lists. */
function selectEventDetails<E extends Record<string, SQL>>(ctx: OrgContext, extra?: E) {
  const db = getDb();
  const rosterSizes = db
    .select({ eventId: eventParticipants.eventId, size: count().as("size") })
    .from(eventParticipants)
    .where(eq(eventParticipants.organizationId, ctx.org.id))
    .groupBy(eventParticipants.eventId)
    .as("roster_sizes");
  const nextStarts = db
    .select({ eventId: eventInstances.eventId, startsAt: min(eventInstances.startsAt).as("next_starts_at") })
    .from(eventInstances)
    .where(
      and(
        eq(eventInstances.organizationId, ctx.org.id),
        eq(eventInstances.status, "scheduled"),
        gt(eventInstances.startsAt, new Date()),
      ),
    )
    .groupBy(eventInstances.eventId)
    .as("next_starts");
  return db
    .select({ event: events, rosterSize: rosterSizes.size, nextStartsAt: nextStarts.startsAt, ...(extra ?? ({} as E)) })
    .from(events)
    .leftJoin(rosterSizes, eq(rosterSizes.eventId, events.id))
    .leftJoin(nextStarts, eq(nextStarts.eventId, events.id))
    .$dynamic();
}

function toDetails(row: { event: typeof events.$inferSelect; rosterSize: number | null; nextStartsAt: Date | string | null }): EventDetails {
  return {
    ...toEventView(row.event),
    rosterSize: row.rosterSize ?? 0,
    nextStartsAt: row.nextStartsAt ? new Date(row.nextStartsAt) : null,
  };
}
