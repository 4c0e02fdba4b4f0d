import { and, eq, gte, lt } from "drizzle-orm";
import { getDb, schema } from "@/lib/database";
import { parseInput } from "@/lib/errors";
import { afterCursor, cursorAt, cursorOrder, toPage } from "@/lib/pagination";
import { assertCan, type OrgContext } from "@/lib/tenant";
import { occurrenceFields, withCounts } from "./read-occurrences";
import { ListOccurrencesPageInput } from "./schemas";

const { eventInstances, events } = schema;

/**
 * Occurrences starting in [from, to), optionally of one event or status, in start order a page at a time, with RSVP
 * counts and pending messages (as listUpcomingOccurrences gives them).
 */
export async function listOccurrencesPage(ctx: OrgContext, input: ListOccurrencesPageInput) {
  assertCan(ctx, "events.read");
  const { from, to, eventId, status, limit, cursor } = parseInput(ListOccurrencesPageInput, input);
  const rows = await getDb()
    .select({ ...occurrenceFields, cursorAt: cursorAt(eventInstances.startsAt) })
    .from(eventInstances)
    .innerJoin(events, and(eq(events.id, eventInstances.eventId), eq(events.organizationId, ctx.org.id)))
    .where(
      and(
        eq(eventInstances.organizationId, ctx.org.id),
        gte(eventInstances.startsAt, from),
        lt(eventInstances.startsAt, to),
        eventId ? eq(eventInstances.eventId, eventId) : undefined,
        status ? eq(eventInstances.status, status) : undefined,
        afterCursor(eventInstances.startsAt, eventInstances.id, cursor),
      ),
    )
    .orderBy(...cursorOrder(eventInstances.startsAt, eventInstances.id))
    .limit(limit + 1);
  const page = toPage(rows, limit);
  return { data: await withCounts(ctx, page.data), nextCursor: page.nextCursor };
}
