import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectTestDatabase } from "@/test/database";
import type { Given, LinkedPerson } from "@/test/given";

// The Redis path: real Redis behind the Upstash REST bridge that the harness starts (scripts/test.sh).
if (!process.env.UPSTASH_REDIS_REST_URL) {
  throw new Error("UPSTASH_REDIS_REST_URL must be set: run through `npm test`, which starts the Upstash bridge.");
}
connectTestDatabase();
const { openPostgres } = await import("@/db/client");
const { getRedis } = await import("@/lib/redis/client");
const { POST } = await import("@/app/api/track/[token]/points/route");
const { stopSharing } = await import("./links");
const { getLinkForIngest } = await import("./link-context");
const { recordLinkPositions } = await import("@/lib/attendance");
const { getDb } = await import("@/lib/database");
const { BUFFER_KEY, DEAD_LETTER_KEY, PROCESSING_KEY, encodeBufferEntry, readLatestFixes } = await import("./buffer");
const flush = await import("./flush");
const { given } = await import("@/test/given");
const { point, storedPoints, attendanceRow, fixesAMinuteApartAroundGrace, arrivalAsSeen } = await import("@/test/tracking");

const SECOND = 1000;
const redis = getRedis()!;
let seq = 0;

async function post(token: string, body: unknown) {
  const request = new Request(`http://test/api/track/${token}/points`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  const response = await POST(request, { params: Promise.resolve({ token }) });
  return { status: response.status, body: await response.json() };
}

/** A fresh batch of `n` points far from the venue with times no other batch uses. */
function batch(n: number) {
  const base = Date.now() - 60 * SECOND;
  return { points: Array.from({ length: n }, () => point(2000, new Date(base + (seq += 7)))) };
}

async function bufferHolds() {
  return { buffer: await redis.llen(BUFFER_KEY), processing: await redis.llen(PROCESSING_KEY) };
}

/** Runs the whole flush until the buffer and the processing list are empty. */
async function drain() {
  for (let i = 0; i < 20; i++) {
    const result = await flush.flushLocationBuffer({ maxMs: 10_000 });
    const left = await bufferHolds();
    if (!result.skipped && left.buffer === 0 && left.processing === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error("the buffer did not drain");
}

let setup: Given<LinkedPerson>;
beforeAll(async () => {
  setup = await given.org().occurrence({ open: true }).people(5).links();
  await drain();
});
afterAll(async () => {
  await drain();
});

describe("write-behind buffer", () => {
  it("accepted points wait in Redis, not Postgres, until the flush moves them once", async () => {
    const { link: { token }, attendance } = setup.people[0]!;
    const first = batch(5);
    const res = await post(token, first);
    expect(res.status).toBe(200);
    expect(res.body.accepted).toBe(5);
    expect(await storedPoints(attendance.id)).toBe(0);
    // The first point moves the participant on the way at once; the latest fix is readable for the live map.
    expect((await attendanceRow(setup.org.id, attendance.id)).journey).toBe("on_the_way");
    const latest = await readLatestFixes(setup.org.id, [attendance.id]);
    expect(latest.get(attendance.id)?.ms).toBe(Date.parse(first.points[4]!.recordedAt));

    // The same batch again (a phone that never saw the answer) is accepted and still stored once.
    expect((await post(token, first)).status).toBe(200);
    await drain();
    expect(await storedPoints(attendance.id)).toBe(5);
    const row = await attendanceRow(setup.org.id, attendance.id);
    expect(row.lastFixAt?.toISOString()).toBe(new Date(first.points[4]!.recordedAt).toISOString());

    // The same points through the direct path as well (Redis took them but its answer was lost, so the request fell
    // back): the flush's instants (epoch milliseconds) and the direct path's (ISO text) are the same keys.
    const link = (await getLinkForIngest(token, 0))!;
    const received = new Date().toISOString();
    const rows = first.points.map((p) => ({
      o: link.organizationId,
      a: link.attendanceId,
      t: new Date(p.recordedAt).toISOString(),
      r: received,
      la: p.lat,
      ln: p.lng,
      ac: p.accuracy,
      al: null,
      sp: null,
      hd: null,
    }));
    const [direct] = await recordLinkPositions([{ link, points: rows, latest: { fix: rows[4]!, distanceM: 2000, etaAt: null } }], getDb());
    expect(direct!.ok).toBe(true);
    expect(await storedPoints(attendance.id)).toBe(5);
  });

  it("a flush that dies after any step loses nothing and duplicates nothing", async () => {
    const { link: { token }, attendance } = setup.people[1]!;
    let sent = 0;
    const send = async (n: number) => {
      expect((await post(token, batch(n))).status).toBe(200);
      sent += n;
    };

    // Dies holding the lock: the next flush waits for the lock to expire, then drains.
    await send(4);
    const held = await flush.acquireFlushLock(redis, 300);
    expect(held).not.toBeNull();
    expect((await flush.flushLocationBuffer()).skipped).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 400));
    await drain();
    expect(await storedPoints(attendance.id)).toBe(sent);

    // Dies after claiming: the batch sits in the processing list; new points keep arriving meanwhile.
    await send(3);
    const claimer = (await flush.acquireFlushLock(redis, 300))!;
    const claimed = await flush.claimBatch(claimer);
    expect(claimed).not.toBe("lost");
    expect((await bufferHolds()).processing).toBeGreaterThanOrEqual(1); // one entry per accepted batch
    await send(2);
    await new Promise((resolve) => setTimeout(resolve, 400));
    await drain();
    expect(await storedPoints(attendance.id)).toBe(sent);

    // Dies after storing, before the acknowledgement: the batch is stored again, as a no-op.
    await send(5);
    const storer = (await flush.acquireFlushLock(redis, 300))!;
    const stored = await flush.claimBatch(storer);
    if (stored === "lost") throw new Error("lock lost");
    await flush.storeBatch(stored);
    await new Promise((resolve) => setTimeout(resolve, 400));
    await drain();
    expect(await storedPoints(attendance.id)).toBe(sent);

    // The database fails during the store: the batch stays in Redis and the next flush stores it.
    await send(6);
    const failing = (await flush.acquireFlushLock(redis, 300))!;
    const pending = await flush.claimBatch(failing);
    if (pending === "lost") throw new Error("lock lost");
    const deadDatabase = openPostgres("postgres://postgres@127.0.0.1:9/unreachable", 1);
    await expect(flush.storeBatch(pending, deadDatabase.db)).rejects.toThrow();
    await deadDatabase.close();
    expect((await bufferHolds()).processing).toBeGreaterThanOrEqual(1);
    await flush.releaseFlushLock(failing);
    await drain();
    expect(await storedPoints(attendance.id)).toBe(sent);

    // Dies with two batches in flight (the flush claims the next batch while it stores one): the first stored, the
    // second only claimed. Both are in the processing list; the next flush stores them once.
    await send(3);
    await send(2);
    const twoInFlight = (await flush.acquireFlushLock(redis, 300))!;
    const firstBatch = await flush.claimBatch(twoInFlight, 4);
    if (firstBatch === "lost") throw new Error("lock lost");
    const secondBatch = await flush.claimBatch(twoInFlight, 4, firstBatch.raw);
    if (secondBatch === "lost") throw new Error("lock lost");
    // Whole entries up to 4 points: the 3-point batch, then the 2-point one.
    expect([firstBatch.points.length, secondBatch.points.length, secondBatch.retried]).toEqual([3, 2, false]);
    await flush.storeBatch(firstBatch);
    expect((await bufferHolds()).processing).toBe(2);
    await new Promise((resolve) => setTimeout(resolve, 400));
    await drain();
    expect(await storedPoints(attendance.id)).toBe(sent);

    // A whole flush in small batches, each next one claimed while the previous is stored.
    for (const n of [2, 2, 2, 2, 1]) await send(n);
    const small = await flush.flushLocationBuffer({ batchSize: 3 });
    // Whole entries of at most 3 points together: [2] [2] [2] [2, 1].
    expect(small).toMatchObject({ batches: 4, points: 9, inserted: 9, remaining: 0 });
    expect(await bufferHolds()).toEqual({ buffer: 0, processing: 0 });
    expect(await storedPoints(attendance.id)).toBe(sent);

    // A flusher whose lock expired cannot acknowledge (delete) a batch another flusher now owns.
    await send(2);
    const slow = (await flush.acquireFlushLock(redis, 100))!;
    await flush.claimBatch(slow);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await flush.ackBatch(slow, { raw: 2 })).toBe(false);
    expect((await bufferHolds()).processing).toBeGreaterThanOrEqual(1);
    await drain();
    expect(await storedPoints(attendance.id)).toBe(sent);
  });

  it("reads entries of the earlier one-point format, takes an entry bigger than a batch alone, sets aside what is not points", async () => {
    const { attendance } = setup.people[4]!;
    const o = setup.org.id;
    const base = Math.floor(Date.now() / SECOND) * SECOND; // one clock reading: the assertion below compares the same instants
    const at = (secondsAgo: number) => new Date(base - secondsAgo * SECOND).toISOString();
    const fix = (secondsAgo: number) => ({ o, a: attendance.id, t: at(secondsAgo), r: at(1), la: 52.53, ln: 13.4, ac: 9, al: null, sp: null, hd: null });
    const legacy = JSON.stringify(fix(50));
    const big = encodeBufferEntry({ organizationId: o, attendanceId: attendance.id }, [fix(40), fix(30), fix(20)]);
    const garbage = `[3,"not an organization","${randomUUID()}","yesterday",[]]`;
    await redis.rpush(BUFFER_KEY, legacy, garbage, big);

    await drain();
    expect(await storedPoints(attendance.id)).toBe(4);
    expect(await redis.lrange(DEAD_LETTER_KEY, 0, -1)).toContainEqual(JSON.parse(garbage));

    // A claim takes whole entries up to its size in points, and always at least one: with room for 2 points, the
    // 3-point entry comes alone and whole. (Other test files may buffer points meanwhile: claim until it shows up.)
    await redis.rpush(BUFFER_KEY, big);
    const lock = (await flush.acquireFlushLock(redis, 5_000))!;
    let ours: string[] = [];
    for (let i = 0; i < 50 && ours.length === 0; i++) {
      const claimed = await flush.claimBatch(lock, 2);
      if (claimed === "lost" || claimed.raw === 0) break;
      ours = claimed.points.filter((p) => p.a === attendance.id).map((p) => new Date(p.ms).toISOString());
      if (ours.length > 0) expect(claimed.raw).toBe(1);
      await flush.storeBatch(claimed);
      expect(await flush.ackBatch(lock, claimed)).toBe(true);
    }
    await flush.releaseFlushLock(lock);
    expect(ours).toEqual([at(40), at(30), at(20)]);
    expect(await storedPoints(attendance.id)).toBe(4);
  });

  it("Stop sharing is refused at once by the Redis path, even with the link cached in this process", async () => {
    const { link: { token }, attendance } = setup.people[2]!;
    expect((await post(token, batch(2))).status).toBe(200);
    await stopSharing(token);
    const refused = await post(token, batch(2));
    expect(refused.status).toBe(410);
    expect(refused.body.error.reason).toBe("stopped");
    await drain();
    expect(await storedPoints(attendance.id)).toBe(2);
  });

  it("arrival is detected on the Redis path and later batches get 409 arrived", async () => {
    const { link: { token }, attendance } = setup.people[3]!;
    const now = Date.now();
    const arriving = await post(token, {
      points: [point(800, new Date(now - 20 * SECOND)), point(130, new Date(now - 10 * SECOND), 60), point(120, new Date(now - 5 * SECOND), 60)],
    });
    expect(arriving.body).toMatchObject({ journey: "arrived" });
    expect(await attendanceRow(setup.org.id, attendance.id)).toMatchObject({ journey: "arrived", checkInMethod: "geofence" });
    const after = await post(token, { points: [point(10, new Date(now - SECOND))] });
    expect(after.status).toBe(409);
    expect(after.body.error.reason).toBe("arrived");
    await drain();
    expect(await storedPoints(attendance.id)).toBe(3);
  });

  it("on the Redis path the arrival is the first of two in-radius fixes, the one buffered by an earlier batch", async () => {
    const t = await given.org().occurrence({ startsInMinutes: -6 }).people(1).links();
    const { link: { token }, attendance } = t.people[0]!;
    const { first, second } = fixesAMinuteApartAroundGrace(t.instance.startsAt);
    expect((await post(token, { points: [first] })).body).toMatchObject({ journey: "on_the_way", arrivedAt: null });
    expect((await post(token, { points: [second] })).body).toMatchObject({ journey: "arrived", arrivedAt: first.recordedAt });
    await drain();
    expect(await arrivalAsSeen(t, attendance.id)).toEqual({ checkedInAt: first.recordedAt, activityAt: first.recordedAt, outcome: "on_time" });
  });
});
