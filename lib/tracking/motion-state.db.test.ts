import { and, eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectTestDatabase } from "@/test/database";
import type { Given, LinkedPerson } from "@/test/given";

// Incremental ETAs: each attendance's motion state (drizzle/0015's motion_advance) moves in the statement that stores
// its points, on the direct path and through the Redis buffer's flush, and follows the newest fix whatever order the
// points arrive in. Real PostgreSQL, real Redis behind the Upstash bridge.
if (!process.env.UPSTASH_REDIS_REST_URL) throw new Error("UPSTASH_REDIS_REST_URL must be set: run through `npm test`.");
connectTestDatabase();
const { openPostgres } = await import("@/db/client");
const { getDb, schema } = await import("@/lib/database");
const { recordLinkPositions, recordPositions } = await import("@/lib/attendance");
const { POST } = await import("@/app/api/track/[token]/points/route");
const { getLinkForIngest } = await import("./link-context");
const { BUFFER_KEY, PROCESSING_KEY } = await import("./buffer");
const { flushLocationBuffer } = await import("./flush");
const { getRedis } = await import("@/lib/redis/client");
const { refreshEtas } = await import("@/lib/live/refresh-etas");
const { given } = await import("@/test/given");
const { northOfVenue, storedPoints } = await import("@/test/tracking");

const SECOND = 1000;
const { attendances, locations } = schema;

/** Straight south to the venue at `mps` (a drive by default): fix k is taken 5·k s after `startMs`, 3 km − 5·k·mps m north. */
function drive(startMs: number, from: number, to: number, mps = 10) {
  return Array.from({ length: to - from }, (_, i) => {
    const k = from + i;
    return { ms: startMs + k * 5 * SECOND, ...northOfVenue(3000 - 5 * mps * k) };
  });
}
/** A fix, with the speed the phone reported when there is one. */
type Fix = ReturnType<typeof drive>[number] & { sp?: number };

async function motion(attendanceId: string) {
  const [row] = await getDb()
    .select({
      lastFixAt: attendances.lastFixAt,
      fixAt: attendances.motionFixAt,
      anchor: attendances.motionAnchor,
      pending: attendances.motionPending,
      segments: attendances.motionSegments,
      reported: attendances.motionReported,
      speed: attendances.motionSpeedMps,
      device: attendances.motionDeviceMps,
      heading: attendances.motionHeadingDeg,
    })
    .from(attendances)
    .where(eq(attendances.id, attendanceId));
  return row!;
}

/** The direct path (no Redis): one request's points for `person`, as lib/tracking/store.ts hands them over. */
async function direct(person: LinkedPerson, fixes: Fix[]) {
  const link = (await getLinkForIngest(person.link.token, 0))!;
  const received = new Date().toISOString();
  const points = fixes.map((f) => ({
    o: link.organizationId, a: link.attendanceId, t: new Date(f.ms).toISOString(), r: received,
    la: f.lat, ln: f.lng, ac: 8, al: null, sp: f.sp ?? null, hd: null,
  }));
  const fix = points.reduce((a, b) => (b.t > a.t ? b : a));
  const [outcome] = await recordLinkPositions([{ link, points, latest: { fix, distanceM: 0, etaAt: null } }], getDb());
  expect(outcome!.ok).toBe(true);
}

/** The flush's input for `attendanceId`. */
const rows = (organizationId: string, attendanceId: string, fixes: Fix[]) =>
  fixes.map((f) => ({ o: organizationId, a: attendanceId, ms: f.ms, r: new Date().toISOString(), la: f.lat, ln: f.lng, ac: 8, al: null, sp: null, hd: null }));

let setup: Given<LinkedPerson>;
const redis = getRedis()!;
beforeAll(async () => {
  setup = await given.org().occurrence({ open: true }).people(6).links();
});
afterAll(async () => {
  await redis.del(BUFFER_KEY, PROCESSING_KEY);
});

describe("the motion state kept with the points", () => {
  it("follows the direct path's points; late and repeated points change nothing; one batch in any order is the same as request by request", async () => {
    const [streamed, batched] = setup.people;
    const start = Date.now() - 120 * SECOND;
    const track = drive(start, 0, 20);
    for (let i = 0; i < track.length; i += 4) await direct(streamed!, track.slice(i, i + 4));

    const state = await motion(streamed!.attendance.id);
    expect(state.fixAt).toEqual(new Date(track.at(-1)!.ms));
    expect(state.lastFixAt).toEqual(state.fixAt);
    expect(state.speed).toBeGreaterThan(9.8);
    expect(state.speed).toBeLessThan(10.2);
    expect(state.heading).toBeCloseTo(180, 0);

    // From a phone's offline queue: a point between two already stored, and the newest one again.
    await direct(streamed!, [{ ms: start + 37_500, ...northOfVenue(2625) }, track.at(-1)!]);
    expect(await storedPoints(streamed!.attendance.id)).toBe(21);
    expect(await motion(streamed!.attendance.id)).toEqual(state);

    // Everything at once, shuffled: the statement takes the points in time order.
    await direct(batched!, [...track].reverse());
    const { lastFixAt: _a, fixAt: _b, ...alone } = await motion(batched!.attendance.id);
    const { lastFixAt: _c, fixAt: _d, ...stepwise } = state;
    expect(alone).toEqual(stepwise);

    // A late point (with a speed the phone reported) sent together with a new one: only the new one counts.
    const next = drive(start, 20, 21)[0]!;
    await direct(streamed!, [{ ms: start + 42_500, ...northOfVenue(2700), sp: 30 }, next]);
    await direct(batched!, [next]);
    expect(await motion(streamed!.attendance.id)).toEqual(await motion(batched!.attendance.id));
    expect((await motion(streamed!.attendance.id)).device).toBeNull();
  });

  it("follows the points the flush moves from the Redis buffer, a late batch included, and only in its own organization", async () => {
    const person = setup.people[2]!;
    const start = Date.now() - 120 * SECOND;
    const track = drive(start, 0, 20);
    const post = (fixes: Fix[]) =>
      POST(
        new Request(`http://test/api/track/${person.link.token}/points`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ points: fixes.map((f) => ({ lat: f.lat, lng: f.lng, accuracy: 8, speed: f.sp, recordedAt: new Date(f.ms).toISOString() })) }),
        }),
        { params: Promise.resolve({ token: person.link.token }) },
      );
    // The newer half first; the older half arrives late, after a flush.
    expect((await post(track.slice(10))).status).toBe(200);
    await flushLocationBuffer({ maxMs: 10_000 });
    const before = await motion(person.attendance.id);
    expect(before.fixAt).toEqual(new Date(track.at(-1)!.ms));
    expect(before.speed).toBeGreaterThan(9.8);
    expect((await post(track.slice(0, 10))).status).toBe(200);
    await flushLocationBuffer({ maxMs: 10_000 });
    expect(await storedPoints(person.attendance.id)).toBe(20);
    expect(await motion(person.attendance.id)).toEqual(before);
    // A late point with a reported speed in the same flush as a new one: the new one moves the state, the late one not.
    const next = drive(start, 20, 21)[0]!;
    expect((await post([{ ms: start + 42_500, ...northOfVenue(2700), sp: 30 }, next])).status).toBe(200);
    await flushLocationBuffer({ maxMs: 10_000 });
    const after = await motion(person.attendance.id);
    expect(after.fixAt).toEqual(new Date(next.ms));
    expect(after.device).toBeNull();
    expect(after.reported).toEqual([]);

    // A point claiming this attendance for another organization is dropped and moves nothing.
    const other = await given.org().occurrence({ open: true }).people(1);
    await recordPositions(rows(other.org.id, person.attendance.id, drive(start, 21, 30)));
    expect(await motion(person.attendance.id)).toEqual(after);
  });

  it("loses nothing when two flushers store one attendance's points at once", async () => {
    const [contended, sequential] = setup.people.slice(3);
    const start = Date.now() - 120 * SECOND;
    const [first, second] = [drive(start, 0, 10), drive(start, 10, 20)];
    await recordPositions(rows(setup.org.id, sequential!.attendance.id, first));
    await recordPositions(rows(setup.org.id, sequential!.attendance.id, second));

    // Flusher A stores the first half and holds its transaction open; flusher B, on another connection, stores the
    // second half and has to wait for A's row lock. When A commits, B must advance the state A left.
    const other = openPostgres(process.env.TEST_DATABASE_URL!, 1);
    let releaseA!: () => void;
    const held = new Promise<void>((resolve) => (releaseA = resolve));
    let aWrote!: () => void;
    const written = new Promise<void>((resolve) => (aWrote = resolve));
    const a = getDb().transaction(async (tx) => {
      await recordPositions(rows(setup.org.id, contended!.attendance.id, first), tx);
      aWrote();
      await held;
    });
    await written;
    const b = other.db.transaction((tx) => recordPositions(rows(setup.org.id, contended!.attendance.id, second), tx));
    await waitForLockWait();
    releaseA();
    await Promise.all([a, b]);
    await other.close();

    const { lastFixAt: _a, ...together } = await motion(contended!.attendance.id);
    const { lastFixAt: _b, ...oneAfterTheOther } = await motion(sequential!.attendance.id);
    expect(together).toEqual(oneAfterTheOther);
    expect(together.fixAt).toEqual(new Date(second.at(-1)!.ms));
    expect(together.segments!.length / 2).toBeGreaterThanOrEqual(3);
  });

  it("is built from the track once for travellers whose points came another way, and the refresh estimates from it", async () => {
    const person = setup.people[5]!;
    // On foot, as test/given.ts's events are walking events.
    const track = drive(Date.now() - 196 * SECOND, 0, 40, 1.5);
    // Points written straight into the table, as before this state existed: the attendance's state is behind.
    await getDb().insert(locations).values(track.map((f) => ({ organizationId: setup.org.id, attendanceId: person.attendance.id, recordedAt: new Date(f.ms), lat: f.lat, lng: f.lng, accuracyM: 8 })));
    const last = track.at(-1)!;
    await getDb()
      .update(attendances)
      .set({ journey: "on_the_way", lastFixAt: new Date(last.ms), lastLat: last.lat, lastLng: last.lng, lastAccuracyM: 8 })
      .where(and(eq(attendances.organizationId, setup.org.id), inArray(attendances.id, [person.attendance.id])));
    expect((await motion(person.attendance.id)).fixAt).toBeNull();

    await refreshEtas();
    const state = await motion(person.attendance.id);
    expect(state.fixAt).toEqual(new Date(last.ms));
    expect(state.speed).toBeGreaterThan(1.45);
    expect(state.speed).toBeLessThan(1.55);
    const [row] = await getDb().select().from(attendances).where(eq(attendances.id, person.attendance.id));
    expect(row!.etaMethod).toBe("track");
    // 2,707.5 m left × 1.3 at 1.5 m/s ≈ 2,346 s after the last fix.
    const seconds = (row!.etaAt!.getTime() - last.ms) / 1000;
    expect(seconds).toBeGreaterThan(2_300);
    expect(seconds).toBeLessThan(2_400);
  });
});

/** Until some backend of the test database waits for a row lock. */
async function waitForLockWait() {
  for (let i = 0; i < 100; i++) {
    const [waiting] = await getDb().execute<{ n: number }>(
      sql`select count(*)::int as n from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'`,
    );
    if (waiting!.n > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error("the second flusher never waited for the first");
}
