import { and, count, desc, eq } from "drizzle-orm";
import { getDb, schema } from "@/db";
import { assertCan, type OrgContext } from "@/lib/tenant/context";

const { events, eventParticipants } = schema;

/** Active events of the organization with the size of each roster, newest first. */
export async function listEventSummaries(ctx: OrgContext) {
  assertCan(ctx, "events.read");
  const rosterSizes = getDb()
    .select({ eventId: eventParticipants.eventId, size: count().as("size") })
    .from(eventParticipants)
    .where(eq(eventParticipants.organizationId, ctx.org.id))
    .groupBy(eventParticipants.eventId)
    .as("roster_sizes");
  const rows = await getDb()
    .select({
      id: events.id,
      title: events.title,
      kind: events.kind,
      venueName: events.venueName,
      timeZone: events.timeZone,
      dtstartLocal: events.dtstartLocal,
      durationMinutes: events.durationMinutes,
      rosterSize: rosterSizes.size,
    })
    .from(events)
    .leftJoin(rosterSizes, eq(rosterSizes.eventId, events.id))
    .where(and(eq(events.organizationId, ctx.org.id), eq(events.status, "active")))
    .orderBy(desc(events.createdAt));
  return rows.map((row) => ({ ...row, rosterSize: row.rosterSize ?? 0 }));
}
