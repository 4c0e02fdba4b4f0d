import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { connectTestDatabase, rejection } from "@/test/database";

connectTestDatabase();
const { getDb, schema } = await import("@/lib/database");
const { given, VENUE } = await import("@/test/given");
const { northOfVenue } = await import("@/test/tracking");
const { getReplay } = await import("./replay");
const { replayAt } = await import("./state");

const MINUTE = 60_000;
const DAY = 1440 * MINUTE;
const M_PER_DEG = 111_320;

/** A finished occurrence (started two hours ago, 30 minutes long): Ann walks in and arrives, Ben moves later, Cem never shares. */
async function finishedRun() {
  const t = await given.org().occurrence({ startsInMinutes: -120, durationMinutes: 30 }).people([{ name: "Ann" }, { name: "Ben" }, { name: "Cem" }]);
  const start = t.instance.startsAt.getTime();
  const [ann, ben] = [t.byName("Ann").attendance, t.byName("Ben").attendance];
  const at = (minutes: number) => new Date(start + minutes * MINUTE);
  // Ann: 1,000 m north at -20 min, one fix a minute, straight to the venue by -10 (100 m a minute).
  const annFixes = Array.from({ length: 11 }, (_, i) => ({ recordedAt: at(-20 + i), ...northOfVenue(1000 - i * 100) }));
  // Ben: from 600 m north at -5 min, 50 m a minute, never arriving.
  const benFixes = Array.from({ length: 6 }, (_, i) => ({ recordedAt: at(-5 + i), ...northOfVenue(600 - i * 50) }));
  await getDb()
    .insert(schema.locations)
    .values([
      ...annFixes.map((f) => ({ ...f, organizationId: t.org.id, attendanceId: ann.id, accuracyM: 10 })),
      ...benFixes.map((f) => ({ ...f, organizationId: t.org.id, attendanceId: ben.id, accuracyM: 10 })),
    ]);
  await getDb()
    .update(schema.attendances)
    .set({ journey: "arrived", checkedInAt: at(-10), checkInMethod: "geofence" })
    .where(eq(schema.attendances.id, ann.id));
  return { ...t, at, ann, ben };
}

const metresNorth = (p: { lat: number } | null) => (p ? Math.round((p.lat - VENUE.lat) * M_PER_DEG) : null);

describe("replaying an occurrence", () => {
  it("shows where everyone was and how they stood before anyone moved, midway, and after an arrival", async () => {
    const t = await finishedRun();
    const replay = await getReplay(t.owner.ctx, t.instance.id, { zoom: 16 });
    if (!replay.ok) throw new Error(`expected a replay, got ${replay.reason}`);
    expect(replay.participants.map((p) => p.name)).toEqual(["Ann", "Ben", "Cem"]);
    expect(replay.occurrence.timeZone).toBe("Europe/Berlin");
    const moment = (minutes: number) =>
      Object.fromEntries(replayAt(replay, t.at(minutes).getTime()).map((m) => [m.name, { status: m.status, north: metresNorth(m.position) }]));

    // Before anyone moved: nobody has a position.
    expect(moment(-30)).toEqual({
      Ann: { status: "not_sharing", north: null },
      Ben: { status: "not_sharing", north: null },
      Cem: { status: "not_sharing", north: null },
    });
    // Midway through Ann's walk (halfway between two fixes): 650 m out; Ben has not set off yet.
    expect(moment(-16.5)).toEqual({
      Ann: { status: "on_the_way", north: 650 },
      Ben: { status: "not_sharing", north: null },
      Cem: { status: "not_sharing", north: null },
    });
    // After Ann's arrival: Ann arrived at the venue, Ben two minutes into his walk.
    const after = replayAt(replay, t.at(-3).getTime());
    expect(after.find((m) => m.name === "Ann")).toMatchObject({ status: "arrived", arrivedAt: t.at(-10).toISOString() });
    expect(moment(-3)).toEqual({
      Ann: { status: "arrived", north: 0 },
      Ben: { status: "on_the_way", north: 500 },
      Cem: { status: "not_sharing", north: null },
    });
  });

  it("thins straight stretches for a zoomed-out map and keeps every turn zoomed in", async () => {
    const t = await finishedRun();
    const trailOf = async (zoom: number) => {
      const replay = await getReplay(t.owner.ctx, t.instance.id, { zoom });
      if (!replay.ok) throw new Error("expected a replay");
      return replay.participants.find((p) => p.name === "Ann")!.trail;
    };
    // A straight walk at a steady pace: its two ends say it all, at any zoom.
    expect(await trailOf(10)).toHaveLength(2);
    // A 40 m kink at -15: visible zoomed in (kept), lost zoomed out.
    await getDb()
      .update(schema.locations)
      .set({ lng: VENUE.lng + 40 / (M_PER_DEG * Math.cos((VENUE.lat * Math.PI) / 180)) })
      .where(and(eq(schema.locations.attendanceId, t.ann.id), eq(schema.locations.recordedAt, t.at(-15))));
    // Zoomed in, the kink and the fixes either side of it (32 m off a steady walk to and from it) are kept.
    const close = await trailOf(18);
    expect(close.map(([ms]) => (ms - t.at(0).getTime()) / MINUTE)).toEqual([-20, -16, -15, -14, -10]);
    expect(await trailOf(8)).toHaveLength(2);
  });

  it("gives nothing once the occurrence is older than the retention period, and nothing before tracking opens", async () => {
    const t = await finishedRun();
    const later = new Date(t.at(0).getTime() + (t.org.locationRetentionDays + 1) * DAY);
    const replay = await getReplay(t.owner.ctx, t.instance.id, {}, later);
    expect(replay).toMatchObject({ ok: false, reason: "outside_retention", retentionDays: t.org.locationRetentionDays });
    expect(replay).not.toHaveProperty("participants");

    const soon = await given.in(t).occurrence({ startsInMinutes: 180 }).people(1);
    expect(await getReplay(t.owner.ctx, soon.instance.id)).toMatchObject({ ok: false, reason: "not_started" });
  });

  it("is NOT_FOUND for another organization, refused to a viewer, allowed to staff, and rejects a bad zoom", async () => {
    const t = await finishedRun();
    const other = await given.org();
    expect((await rejection(getReplay(other.owner.ctx, t.instance.id))).code).toBe("NOT_FOUND");
    expect((await rejection(getReplay(t.owner.ctx, "not-an-id"))).code).toBe("NOT_FOUND");
    const viewer = await t.add("viewer");
    expect((await rejection(getReplay(viewer.ctx, t.instance.id))).code).toBe("FORBIDDEN");
    const staff = await t.add("staff");
    expect(await getReplay(staff.ctx, t.instance.id)).toMatchObject({ ok: true });
    expect((await rejection(getReplay(t.owner.ctx, t.instance.id, { zoom: 40 }))).code).toBe("VALIDATION");
    expect((await rejection(getReplay(t.owner.ctx, t.instance.id, { zoom: "near" as unknown as number }))).code).toBe("VALIDATION");
  });

  it("records who replayed which occurrence, once for a replay and its zooms", async () => {
    const t = await finishedRun();
    const staff = await t.add("staff");
    await getReplay(staff.ctx, t.instance.id, { zoom: 12 });
    await getReplay(staff.ctx, t.instance.id, { zoom: 15 });
    await getReplay(t.owner.ctx, t.instance.id);
    const entries = await getDb()
      .select()
      .from(schema.auditLogs)
      .where(and(eq(schema.auditLogs.organizationId, t.org.id), eq(schema.auditLogs.action, "occurrence.replayed")));
    expect(entries.map((e) => e.actorUserId).sort()).toEqual([staff.user.id, t.owner.user.id].sort());
    expect(entries[0]).toMatchObject({ targetType: "occurrence", targetId: t.instance.id, data: { title: t.event.title } });
  });
});
