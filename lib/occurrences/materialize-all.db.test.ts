import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { connectTestDatabase, createTestOrg } from "@/test/database";

connectTestDatabase();
const { getDb, schema } = await import("@/lib/database");
const { createEvent, archiveEvent } = await import("@/lib/occurrences/event-lifecycle");
const { materializeAllEvents, unsafeListEventsToMaterialize } = await import("./materialize-all");
const { addRoster, countRows, eventInput } = await import("@/test/events");

const DAY = 86_400_000;

describe("materializeAllEvents", () => {
  it("materializes every organization's active events up to the horizon; a second run changes nothing", async () => {
    const [a, b] = await Promise.all([createTestOrg("Job A"), createTestOrg("Job B")]);
    const eventA = await createEvent(a.owner.ctx, eventInput());
    const eventB = await createEvent(b.owner.ctx, eventInput({ rule: { frequency: "daily", interval: 1, end: { type: "never" } } }));
    const archived = await createEvent(b.owner.ctx, eventInput({ title: "Old" }));
    await archiveEvent(b.owner.ctx, { eventId: archived.id });
    await addRoster(a.org.id, eventA.id, ["Ada", "Ben"]);
    await addRoster(b.org.id, eventB.id, ["Cem"]);
    // As if created before the horizon moved: the job must pick both up.
    await getDb().update(schema.events).set({ materializedUntil: null }).where(eq(schema.events.id, eventA.id));

    const now = new Date();
    // Other suites share the database, so only this test's organizations are counted.
    const first = await materializeAllEvents(now);
    expect(first.events).toBeGreaterThanOrEqual(2);
    const [countsA, countsB] = await Promise.all([countRows(a.org.id), countRows(b.org.id)]);
    expect(countsA.attendances).toBe(countsA.instances * 2);
    expect(countsB.attendances).toBeGreaterThan(0);

    await materializeAllEvents(now);
    expect(await countRows(a.org.id)).toEqual(countsA);
    expect(await countRows(b.org.id)).toEqual(countsB);

    const [row] = await getDb().select().from(schema.events).where(eq(schema.events.id, eventA.id));
    expect(row!.materializedUntil!.getTime()).toBe(now.getTime() + 60 * DAY);
    const pending = await unsafeListEventsToMaterialize({ horizon: new Date(now.getTime() + 60 * DAY), limit: 1000 });
    expect(pending.map((e) => e.id)).not.toContain(eventA.id);
    expect(pending.map((e) => e.id)).not.toContain(archived.id);
  });
});
