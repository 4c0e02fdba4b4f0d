import { describe, expect, it } from "vitest";
import { connectTestDatabase, rejection } from "@/test/database";

connectTestDatabase();
const { getDb, schema } = await import("@/lib/database");
const { given } = await import("@/test/given");
const { northOfVenue } = await import("@/test/tracking");
const { listTrail } = await import("./trail");

const MINUTE = 60_000;
const DAY = 1440 * MINUTE;

describe("an attendance's trail", () => {
  it("gives the stored points oldest first in pages, and nothing older than the organization's retention", async () => {
    const t = await given.org().occurrence({ startsInMinutes: -30 }).people(2);
    const [mine, theirs] = t.people.map((p) => p.attendance);
    const start = t.instance.startsAt.getTime();
    // The same recorded times for another attendance of the occurrence: its points stay out of this trail.
    const times = [-20, -10, -5, 0, 1].map((m) => new Date(start + m * MINUTE));
    const rows = (attendanceId: string) =>
      times.map((at, i) => ({ organizationId: t.org.id, attendanceId, recordedAt: at, ...northOfVenue(1000 - i * 100), accuracyM: 12 }));
    await getDb().insert(schema.locations).values([...rows(mine!.id), ...rows(theirs!.id)]);
    // Recorded 2 hours before the start: outside the tracking window, never taken.
    await getDb().insert(schema.locations).values({ ...rows(mine!.id)[0]!, recordedAt: new Date(start - 120 * MINUTE) });

    const seen: string[] = [];
    let after: string | undefined;
    let pages = 0;
    do {
      const page = await listTrail(t.owner.ctx, mine!.id, { limit: 2, cursor: after });
      expect(page.participantId).toBe(t.people[0]!.participant.id);
      seen.push(...page.data.map((p) => p.recordedAt.toISOString()));
      after = page.nextCursor ?? undefined;
      pages += 1;
    } while (after);
    expect(seen).toEqual(times.map((d) => d.toISOString()));
    expect(pages).toBe(3);
    const [first] = (await listTrail(t.owner.ctx, mine!.id)).data;
    expect(first).toMatchObject({ lat: northOfVenue(1000).lat, accuracyM: 12, source: "browser" });

    const later = new Date(start + (t.org.locationRetentionDays + 1) * DAY);
    expect((await listTrail(t.owner.ctx, mine!.id, {}, later)).data).toEqual([]);
  });

  it("another organization's attendance is NOT_FOUND, and a viewer may read", async () => {
    const t = await given.org().occurrence({ open: true }).people(1);
    const b = await given.org();
    const id = t.people[0]!.attendance.id;
    expect((await rejection(listTrail(b.owner.ctx, id))).code).toBe("NOT_FOUND");
    expect((await rejection(listTrail(t.owner.ctx, "not-an-id"))).code).toBe("NOT_FOUND");
    const viewer = await t.add("viewer");
    expect((await listTrail(viewer.ctx, id)).data).toEqual([]);
  });
});
