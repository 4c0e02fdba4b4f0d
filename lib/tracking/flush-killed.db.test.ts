import { spawn } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { connectTestDatabase } from "@/test/database";

// Several servers each run the flush job: two flushers at once, and one killed (SIGKILL, in a process of its own)
// in the middle of a flush, must leave every accepted point stored exactly once.
if (!process.env.UPSTASH_REDIS_REST_URL) {
  throw new Error("UPSTASH_REDIS_REST_URL must be set: run through `npm test`, which starts the Upstash bridge.");
}
connectTestDatabase();
const { getRedis } = await import("@/lib/redis/client");
const { BUFFER_KEY, PROCESSING_KEY, encodeBufferEntry } = await import("./buffer");
const { flushLocationBuffer } = await import("./flush");
const { given } = await import("@/test/given");
const { storedPoints } = await import("@/test/tracking");

const redis = getRedis()!;
const ENTRIES = 200;
const POINTS_PER_ENTRY = 3;

/** Entries as accepted batches leave them in the buffer: `ENTRIES` 3-point batches of one attendance, all distinct. */
async function bufferPoints(link: { organizationId: string; attendanceId: string }) {
  const base = Date.now() - 3_600_000;
  const received = new Date().toISOString();
  const entries = Array.from({ length: ENTRIES }, (_, i) =>
    encodeBufferEntry(
      link,
      Array.from({ length: POINTS_PER_ENTRY }, (_, j) => ({
        o: link.organizationId,
        a: link.attendanceId,
        t: new Date(base + (i * POINTS_PER_ENTRY + j) * 1000).toISOString(),
        r: received,
        la: 52.5 + i * 1e-5,
        ln: 13.4,
        ac: 10,
        al: null,
        sp: null,
        hd: null,
      })),
    ),
  );
  for (let i = 0; i < entries.length; i += 200) await redis.rpush(BUFFER_KEY, ...entries.slice(i, i + 200));
}

/** A flusher process taking 3 points per batch (one entry), so a flush lasts long enough to be killed in. */
function startFlusher(onGo = false) {
  const child = spawn(process.execPath, ["--import", "tsx", path.resolve("test/processes/flusher.ts"), "3", ...(onGo ? ["--on-go"] : [])], {
    env: process.env,
    stdio: ["pipe", "pipe", "inherit"],
  });
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  const ready = new Promise<void>((resolve) => child.stdout!.on("data", (chunk: Buffer) => chunk.toString().includes("ready") && resolve()));
  return { child, exited, ready, go: () => child.stdin!.write("go\n") };
}

describe("flush on several servers", () => {
  it("one flusher killed mid-flush and two flushing at once: every point stored once", { timeout: 60_000 }, async () => {
    const f = await given.org().occurrence({ open: true }).people(1);
    const { attendance } = f.people[0]!;
    const total = ENTRIES * POINTS_PER_ENTRY;
    // Loaded first, then the points, then at once the flush: other suites' flushes have no time to take them.
    const doomed = startFlusher(true);
    await doomed.ready;
    await bufferPoints({ organizationId: f.org.id, attendanceId: attendance.id });
    doomed.go();
    // Killed once it has stored some batches and not all: its lock and its claimed batch are left behind.
    await expect.poll(() => storedPoints(attendance.id), { timeout: 30_000, interval: 20 }).toBeGreaterThan(0);
    doomed.child.kill("SIGKILL");
    expect(await doomed.exited).toBeNull(); // killed, not finished
    const atKill = await storedPoints(attendance.id);
    expect(atKill).toBeLessThan(total);

    // Two flushers at once, in two more processes, until both buffers are empty (the dead one's lock expires).
    for (let round = 0; round < 20; round++) {
      const [a, b] = [startFlusher(), startFlusher()];
      expect(await Promise.all([a.exited, b.exited])).toEqual([0, 0]);
      if ((await redis.llen(BUFFER_KEY)) + (await redis.llen(PROCESSING_KEY)) === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    await flushLocationBuffer({ maxMs: 10_000 });
    expect(await storedPoints(attendance.id)).toBe(total);
  });
});
