import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { connectTestDatabase, createTestOrg } from "@/test/database";

// The tracking window has a TypeScript form (links, pages) and a SQL form (queries that pick open occurrences): they
// must agree, or a link would take points the ETA refresh or a shared WhatsApp location never sees.
connectTestDatabase();
const { getDb, schema } = await import("@/lib/database");
const { aliasedWindowColumns, trackingWindow, trackingWindowSql, WINDOW_TABLE_COLUMNS } = await import("./window");

const { eventInstances, events } = schema;
const startsAt = new Date("2026-11-24T07:30:00Z");
const endsAt = new Date("2026-11-24T08:30:00Z");

async function occurrenceWith(org: { id: string }, offsets: { trackingOffsetMinutes: number | null; closureOffsetMinutes: number | null }) {
  const [event] = await getDb()
    .insert(events)
    .values({
      organizationId: org.id,
      kind: "demand",
      title: "Window",
      venueName: "Gate",
      venueLat: 52.52,
      venueLng: 13.405,
      timeZone: "Europe/Berlin",
      dtstartLocal: "2026-11-24 08:30:00",
      ...offsets,
    })
    .returning();
  const [instance] = await getDb()
    .insert(eventInstances)
    .values({ organizationId: org.id, eventId: event!.id, ruleStartsAt: startsAt, startsAt, endsAt })
    .returning();
  return instance!;
}

describe("the tracking window in SQL", () => {
  it("has the bounds trackingWindow() computes, with and without offsets, through drizzle's columns and aliases", async () => {
    const { org } = await createTestOrg("Window");
    const cases = [
      { trackingOffsetMinutes: 45, closureOffsetMinutes: 20 },
      { trackingOffsetMinutes: null, closureOffsetMinutes: null },
    ];
    for (const offsets of cases) {
      const instance = await occurrenceWith(org, offsets);
      const expected = trackingWindow(instance, offsets);
      const byTable = trackingWindowSql(WINDOW_TABLE_COLUMNS);
      const [row] = await getDb()
        .select({ opensAt: sql<string>`${byTable.opensAt}`, closesAt: sql<string>`${byTable.closesAt}` })
        .from(eventInstances)
        .innerJoin(events, eq(events.id, eventInstances.eventId))
        .where(and(eq(eventInstances.id, instance.id), eq(eventInstances.organizationId, org.id)));
      expect({ validFrom: new Date(row!.opensAt), validUntil: new Date(row!.closesAt) }).toEqual(expected);

      const aliased = trackingWindowSql(aliasedWindowColumns("i", "e"));
      const inside = (at: Date) => getDb().execute<{ open: boolean }>(sql`
        select ${aliased.contains(sql`${at.toISOString()}::timestamptz`)} as open
        from event_instances i join events e on e.id = i.event_id and e.organization_id = i.organization_id
        where i.id = ${instance.id} and i.organization_id = ${org.id}
      `);
      const second = 1000;
      expect((await inside(expected.validFrom))[0]!.open).toBe(true);
      expect((await inside(new Date(expected.validFrom.getTime() - second)))[0]!.open).toBe(false);
      expect((await inside(expected.validUntil))[0]!.open).toBe(true);
      expect((await inside(new Date(expected.validUntil.getTime() + second)))[0]!.open).toBe(false);
    }
  });
});
