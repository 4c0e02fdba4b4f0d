import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { connectTestDatabase, createTestOrg, rejection, type TestOrg } from "@/test/database";

connectTestDatabase();
const { getDb, schema } = await import("@/lib/database");
const { createEvent } = await import("@/lib/occurrences/event-lifecycle");
const { getOccurrence } = await import("./occurrences");
const { materializeEvent } = await import("./materialize");
const { issueTrackingLink } = await import("@/lib/tracking/links");
const { checkInManually } = await import("@/lib/attendance");
const { addRoster, eventInput, instancesOf } = await import("@/test/events");

const MINUTE = 60_000;
const { attendances } = schema;

async function attendanceOf(instanceId: string, participantId: string) {
  const [row] = await getDb()
    .select()
    .from(attendances)
    .where(and(eq(attendances.instanceId, instanceId), eq(attendances.participantId, participantId)));
  return row!;
}

describe("getOccurrence for the live attendance table", () => {
  let org: TestOrg;
  let other: TestOrg;
  let instanceId: string;
  let ada: { id: string };
  let ben: { id: string };
  const fixAt = new Date(Date.now() - 2 * MINUTE);

  beforeAll(async () => {
    org = await createTestOrg("Live table");
    other = await createTestOrg("Live table other");
    const event = await createEvent(org.owner.ctx, eventInput({ title: "Pick-up" }));
    const [adaP, benP] = await addRoster(org.org.id, event.id, ["Ada", "Ben"]);
    await getDb().transaction((tx) => materializeEvent(tx, org.owner.ctx, event, new Date()));
    instanceId = (await instancesOf(event.id))[0]!.id;
    ada = await attendanceOf(instanceId, adaP!.id);
    ben = await attendanceOf(instanceId, benP!.id);

    // Ada: a link, re-issued, then checked in by hand. Ben: on the way with a fix 2 minutes old, no link.
    const staff = await org.add("staff");
    await issueTrackingLink(staff.ctx, ada.id);
    await issueTrackingLink(staff.ctx, ada.id);
    await checkInManually(staff.ctx, ada.id);
    await getDb()
      .update(attendances)
      .set({ journey: "on_the_way", lastFixAt: fixAt, lastLat: 52.53, lastLng: 13.4, lastAccuracyM: 12, distanceM: 1240 })
      .where(eq(attendances.id, ben.id));
  });

  it("returns the check-in, the last fix, the newest working link of each attendance and the tracking window", async () => {
    const viewer = await org.add("viewer");
    const occurrence = await getOccurrence(viewer.ctx, instanceId);

    const window = occurrence.trackingWindow;
    expect(window.validFrom.getTime()).toBe(occurrence.startsAt.getTime() - 60 * MINUTE);
    expect(window.validUntil.getTime()).toBe(occurrence.endsAt.getTime() + 30 * MINUTE);

    const byId = new Map(occurrence.attendances.map((a) => [a.id, a]));
    const adaRow = byId.get(ada.id)!;
    expect(adaRow).toMatchObject({ name: "Ada", journey: "arrived", checkInMethod: "manual" });
    expect(adaRow.checkedInAt).toBeInstanceOf(Date);
    expect(adaRow.link).toMatchObject({ validFrom: window.validFrom, validUntil: window.validUntil, firstOpenedAt: null, stoppedAt: null });

    const benRow = byId.get(ben.id)!;
    expect(benRow).toMatchObject({ journey: "on_the_way", lastLat: 52.53, lastLng: 13.4, lastAccuracyM: 12, distanceM: 1240, link: null });
    expect(benRow.lastFixAt).toEqual(fixAt);
    expect(occurrence.counts.journey).toMatchObject({ arrived: 1, on_the_way: 1 });
  });

  it("another organization cannot read it", async () => {
    expect((await rejection(getOccurrence(other.owner.ctx, instanceId))).code).toBe("NOT_FOUND");
  });

  it("a viewer cannot issue links or check people in", async () => {
    const viewer = await org.add("viewer");
    expect((await rejection(issueTrackingLink(viewer.ctx, ben.id))).code).toBe("FORBIDDEN");
    expect((await rejection(checkInManually(viewer.ctx, ben.id))).code).toBe("FORBIDDEN");
    const [benAfter] = await getDb().select().from(attendances).where(eq(attendances.id, ben.id));
    expect(benAfter!.journey).toBe("on_the_way");
  });
});
