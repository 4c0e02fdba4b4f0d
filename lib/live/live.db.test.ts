import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { connectTestDatabase, createTestOrg, rejection } from "@/test/database";
import type { Given, LinkedPerson } from "@/test/given";

// The no-Redis path (positions from Postgres); the Redis merge has its own test in live-redis.db.test.ts.
delete process.env.UPSTASH_REDIS_REST_URL;
delete process.env.UPSTASH_REDIS_REST_TOKEN;
delete process.env.OSRM_URL;
connectTestDatabase();
const { getDb, schema } = await import("@/lib/database");
const { POST } = await import("@/app/api/track/[token]/points/route");
const { getLiveSnapshot, loadLiveSubject } = await import("./snapshot");
const { activeLiveFeeds, liveSnapshotStream } = await import("./stream");
const { refreshEtas } = await import("./refresh-etas");
const { checkInManually, undoCheckIn } = await import("@/lib/attendance");
const { given } = await import("@/test/given");
const { point } = await import("@/test/tracking");
const { liveReader } = await import("@/test/live-stream");

const SECOND = 1000;
const MINUTE = 60 * SECOND;

async function post(token: string, points: unknown[]) {
  const request = new Request(`http://test/api/track/${token}/points`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ points }),
  });
  const response = await POST(request, { params: Promise.resolve({ token }) });
  expect(response.status).toBe(200);
  return response.json();
}

/** A walk toward the venue: one point every 5 s at `speedMps`, ending `endAgoMs` ago at `toM` metres. */
function walk(toM: number, speedMps: number, n: number, endAgoMs = 2 * SECOND) {
  const end = Date.now() - endAgoMs;
  return Array.from({ length: n }, (_, i) => {
    const stepsBeforeEnd = n - 1 - i;
    return point(toM + stepsBeforeEnd * 5 * speedMps, new Date(end - stepsBeforeEnd * 5 * SECOND));
  });
}

async function activityOf(organizationId: string, instanceId: string) {
  const { activityEntries } = schema;
  return getDb()
    .select({ kind: activityEntries.kind, attendanceId: activityEntries.attendanceId, data: activityEntries.data })
    .from(activityEntries)
    .where(and(eq(activityEntries.organizationId, organizationId), eq(activityEntries.instanceId, instanceId)));
}

describe("live snapshot", () => {
  it("shows each participant's position, ETA, lateness and state, sorted by ETA, with counts", async () => {
    // Starts in 10 minutes; late = after start + 5 min grace; walking at ~1.4 m/s.
    const setup = await given.org().occurrence({ startsInMinutes: 10 }).people(4).links();
    const [near, far, quiet, away] = setup.people;
    await post(near!.link.token, walk(400, 1.4, 6));
    await post(far!.link.token, walk(5000, 1.4, 6));
    await getDb()
      .update(schema.attendances)
      .set({ rsvp: "declined" })
      .where(and(eq(schema.attendances.id, away!.attendance.id), eq(schema.attendances.organizationId, setup.org.id)));

    const snapshot = await getLiveSnapshot(setup.owner.ctx, setup.instance.id);
    const byId = new Map(snapshot.participants.map((p) => [p.attendanceId, p]));
    const nearView = byId.get(near!.attendance.id)!;
    const farView = byId.get(far!.attendance.id)!;
    expect(nearView.state).toBe("on_the_way");
    expect(nearView.position).toMatchObject({ accuracyM: 10 });
    expect(nearView.distanceM).toBeGreaterThan(390);
    expect(nearView.distanceM).toBeLessThan(410);
    // 5 km × circuity at walking pace is over an hour: far beyond start + grace.
    expect(farView.state).toBe("late");
    expect(farView.lateMinutes).toBeGreaterThan(30);
    expect(byId.get(quiet!.attendance.id)!.state).toBe("not_sharing");
    expect(byId.get(away!.attendance.id)!.state).toBe("declined");
    expect(snapshot.participants.map((p) => p.attendanceId)).toEqual([
      near!.attendance.id,
      far!.attendance.id,
      quiet!.attendance.id,
      away!.attendance.id,
    ]);
    expect(snapshot.counts).toEqual({ confirmed: 3, onTheWay: 2, arrived: 0, late: 1, notSharing: 1, declined: 1 });
  });

  it("another organization cannot load an occurrence's live view", async () => {
    const setup = await given.org().occurrence({ open: true }).people(1).links();
    const other = await createTestOrg("Live intruder");
    expect(await rejection(getLiveSnapshot(other.owner.ctx, setup.instance.id))).toMatchObject({ code: "NOT_FOUND" });
    expect(await rejection(loadLiveSubject(other.owner.ctx, "not-a-uuid"))).toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("refresh-etas", () => {
  let setup: Given<LinkedPerson>;
  beforeAll(async () => {
    setup = await given.org().occurrence({ startsInMinutes: 10 }).people(3).links();
  });

  it("stores ETA from the track, flags late once in the activity feed, and marks a silent phone stale", async () => {
    const [onTime, late, silent] = setup.people;
    await post(onTime!.link.token, walk(300, 1.4, 30)); // 2.5 minutes of walking: enough track to measure a pace
    await post(late!.link.token, walk(6000, 1.4, 30));
    // Last heard from 10 minutes ago (stale after 3 by default).
    await post(silent!.link.token, walk(1500, 1.4, 4, 10 * MINUTE));

    const first = await refreshEtas();
    expect(first.participants).toBeGreaterThanOrEqual(3);
    const { attendances } = schema;
    const stored = await getDb()
      .select()
      .from(attendances)
      .where(and(eq(attendances.organizationId, setup.org.id), eq(attendances.instanceId, setup.instance.id)));
    const row = (id: string) => stored.find((a) => a.id === id)!;
    expect(row(onTime!.attendance.id)).toMatchObject({ isLate: false, isStale: false, etaMethod: "track" });
    // Track speed ≈ 1.4 m/s: 300 m × 1.3 ≈ 280 s.
    const etaSeconds = (row(onTime!.attendance.id).etaAt!.getTime() - Date.now()) / SECOND;
    expect(etaSeconds).toBeGreaterThan(200);
    expect(etaSeconds).toBeLessThan(360);
    expect(row(late!.attendance.id)).toMatchObject({ isLate: true });
    expect(row(late!.attendance.id).lateMinutes).toBeGreaterThan(60);
    expect(row(silent!.attendance.id)).toMatchObject({ isStale: true, etaConfidence: "low" });

    await refreshEtas();
    const feed = await activityOf(setup.org.id, setup.instance.id);
    expect(feed.filter((e) => e.kind === "late").map((e) => e.attendanceId)).toEqual([late!.attendance.id]);
    expect(feed.filter((e) => e.kind === "stale").map((e) => e.attendanceId)).toEqual([silent!.attendance.id]);

    const snapshot = await getLiveSnapshot(setup.owner.ctx, setup.instance.id);
    expect(snapshot.activity.map((a) => a.kind).sort()).toEqual(["late", "stale"]);
    expect(snapshot.participants.find((p) => p.attendanceId === silent!.attendance.id)).toMatchObject({ state: "stale", stale: true });
  });

  it("records arrivals and manual check-ins in the feed", async () => {
    const [onTime, late] = setup.people;
    await post(onTime!.link.token, [point(20, new Date(Date.now() - 1500), 5)]);
    await checkInManually(setup.owner.ctx, late!.attendance.id);
    await undoCheckIn(setup.owner.ctx, late!.attendance.id);
    const kinds = (await activityOf(setup.org.id, setup.instance.id)).map((e) => `${e.kind}:${e.attendanceId}`);
    expect(kinds).toEqual(
      expect.arrayContaining([`arrived:${onTime!.attendance.id}`, `checked_in:${late!.attendance.id}`, `check_in_undone:${late!.attendance.id}`]),
    );
    const snapshot = await getLiveSnapshot(setup.owner.ctx, setup.instance.id);
    expect(snapshot.participants[0]).toBeDefined();
    expect(snapshot.participants.find((p) => p.attendanceId === onTime!.attendance.id)).toMatchObject({ state: "arrived", checkInMethod: "geofence" });
  });

  it("leaves occurrences outside their tracking window alone", async () => {
    const later = await given.org().occurrence({ open: true }).people(1).links();
    // Move it to tomorrow: its window is closed now.
    const tomorrow = new Date(Date.now() + 24 * 60 * MINUTE);
    await getDb()
      .update(schema.eventInstances)
      .set({ startsAt: tomorrow, endsAt: new Date(tomorrow.getTime() + 60 * MINUTE) })
      .where(eq(schema.eventInstances.id, later.instance.id));
    await getDb()
      .update(schema.attendances)
      .set({ journey: "on_the_way", lastLat: 52.6, lastLng: 13.4, lastFixAt: new Date() })
      .where(eq(schema.attendances.id, later.people[0]!.attendance.id));
    await refreshEtas();
    const [row] = await getDb().select().from(schema.attendances).where(eq(schema.attendances.id, later.people[0]!.attendance.id));
    expect(row!.etaRefreshedAt).toBeNull();
  });
});

describe("live stream (Server-Sent Events)", () => {
  it("sends the snapshot at once, then a new one within two seconds of an accepted point", async () => {
    const setup = await given.org().occurrence({ startsInMinutes: 20 }).people(2).links();
    const subject = await loadLiveSubject(setup.owner.ctx, setup.instance.id);
    const abort = new AbortController();
    const stream = liveReader(liveSnapshotStream(setup.owner.ctx, subject, abort.signal, { intervalMs: 200 }));
    const first = await stream.next();
    expect(first.counts.onTheWay).toBe(0);

    const postedAt = Date.now();
    await post(setup.people[0]!.link.token, walk(900, 1.4, 3));
    const second = await stream.next();
    expect(Date.now() - postedAt).toBeLessThan(2 * SECOND);
    expect(second.counts.onTheWay).toBe(1);
    expect(second.participants[0]!.attendanceId).toBe(setup.people[0]!.attendance.id);
    abort.abort();
    await stream.cancel();
  });

  it("builds one snapshot for everyone watching the same occurrence, and stops when the last one leaves", async () => {
    const setup = await given.org().occurrence({ startsInMinutes: 20 }).people(2).links();
    const feedsBefore = activeLiveFeeds();
    const staff = await setup.add("staff");
    const watch = async (ctx: typeof setup.owner.ctx) => {
      const abort = new AbortController();
      const subject = await loadLiveSubject(ctx, setup.instance.id);
      return { abort, ...liveReader(liveSnapshotStream(ctx, subject, abort.signal, { intervalMs: 200, lingerMs: 0 })) };
    };
    const owner = await watch(setup.owner.ctx);
    const first = await owner.next();
    const teacher = await watch(staff.ctx);
    // The second watcher gets the snapshot already built, not one of their own (it carries the same build time).
    expect((await teacher.next()).generatedAt).toBe(first.generatedAt);
    expect(activeLiveFeeds()).toBe(feedsBefore + 1);

    await post(setup.people[1]!.link.token, walk(900, 1.4, 3));
    const [ownerSees, teacherSees] = await Promise.all([owner.next(), teacher.next()]);
    expect(ownerSees.counts.onTheWay).toBe(1);
    expect(teacherSees).toEqual(ownerSees);

    owner.abort.abort();
    await owner.cancel();
    expect(activeLiveFeeds()).toBe(feedsBefore + 1);
    teacher.abort.abort();
    await teacher.cancel();
    expect(activeLiveFeeds()).toBe(feedsBefore);
  });
});
