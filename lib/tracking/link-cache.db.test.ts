import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { connectTestDatabase } from "@/test/database";

// The per-process link cache against PostgreSQL: a change announced in a transaction reaches the cache of every
// process listening once it commits. This process hears its own announcements the way another server would (in the
// PostgreSQL mode nothing evicts locally), so what is asserted here is what the other server sees.
connectTestDatabase();
const { getDb, schema } = await import("@/lib/database");
const { announceLinkChange, getLinkForIngest } = await import("./link-context");
const { given } = await import("@/test/given");

const { events } = schema;

async function moveVenue(eventId: string, organizationId: string, lat: number, announce: boolean) {
  await getDb().transaction(async (tx) => {
    await tx.update(events).set({ venueLat: lat }).where(and(eq(events.id, eventId), eq(events.organizationId, organizationId)));
    if (announce) await announceLinkChange(tx, { eventId });
  });
}

describe("tracking link cache across server processes (LISTEN/NOTIFY)", () => {
  it("forgets a link's venue when an edit of its event commits, and keeps it otherwise for its minute", async () => {
    const f = await given.org().occurrence({ open: true }).people(2).links();
    const [first, second] = f.people;
    const lat = f.event.venueLat;
    expect((await getLinkForIngest(first!.link.token))!.venue.lat).toBe(lat);
    // The listener starts with the first cached link; give it a moment to be listening.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect((await getLinkForIngest(first!.link.token))!.venue.lat).toBe(lat);

    await moveVenue(f.event.id, f.org.id, lat + 0.01, false);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await getLinkForIngest(first!.link.token))!.venue.lat).toBe(lat);

    await moveVenue(f.event.id, f.org.id, lat + 0.02, true);
    await expect.poll(async () => (await getLinkForIngest(first!.link.token))!.venue.lat, { timeout: 2_000 }).toBeCloseTo(lat + 0.02, 6);
    expect((await getLinkForIngest(second!.link.token))!.venue.lat).toBeCloseTo(lat + 0.02, 6);
  });

  it("an announcement in a transaction that rolls back evicts nothing", async () => {
    const f = await given.org().occurrence({ open: true }).people(1).links();
    const token = f.people[0]!.link.token;
    await new Promise((resolve) => setTimeout(resolve, 300)); // the link's own issue announcement, heard first
    const lat = (await getLinkForIngest(token))!.venue.lat;
    await getDb()
      .transaction(async (tx) => {
        await announceLinkChange(tx, { eventId: f.event.id });
        throw new Error("rolled back");
      })
      .catch(() => {});
    await moveVenue(f.event.id, f.org.id, lat + 0.05, false);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await getLinkForIngest(token))!.venue.lat).toBe(lat);
  });
});
