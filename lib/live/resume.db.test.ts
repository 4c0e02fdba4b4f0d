import { describe, expect, it } from "vitest";
import { connectTestDatabase } from "@/test/database";

// Positions through the real ingest route into PostgreSQL (no Redis), read back through the real stream.
delete process.env.UPSTASH_REDIS_REST_URL;
delete process.env.UPSTASH_REDIS_REST_TOKEN;
delete process.env.OSRM_URL;
connectTestDatabase();
const { POST } = await import("@/app/api/track/[token]/points/route");
const { loadLiveSubject } = await import("./snapshot");
const { liveSnapshotStream } = await import("./stream");
const { checkInManually } = await import("@/lib/attendance");
const { given } = await import("@/test/given");
const { point } = await import("@/test/tracking");
const { liveReader } = await import("@/test/live-stream");

type Ctx = Parameters<typeof loadLiveSubject>[0];
type LiveSnapshot = Awaited<ReturnType<ReturnType<typeof liveReader>["next"]>>;

async function post(token: string, metres: number) {
  const request = new Request(`http://test/api/track/${token}/points`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ points: [point(metres + 20, new Date(Date.now() - 4_000)), point(metres, new Date(Date.now() - 1_000))] }),
  });
  expect((await POST(request, { params: Promise.resolve({ token }) })).status).toBe(200);
}

async function watch(ctx: Ctx, instanceId: string, lastEventId: string | null = null, state: LiveSnapshot | null = null) {
  const abort = new AbortController();
  const subject = await loadLiveSubject(ctx, instanceId);
  const stream = liveSnapshotStream(ctx, subject, abort.signal, { intervalMs: 150, lastEventId, lingerMs: 0 });
  const reader = liveReader(stream, state);
  return { ...reader, close: async () => (abort.abort(), await reader.cancel().catch(() => {})) };
}

/** Reads until `until` holds for the state (the feed ticks every 150 ms). */
async function readUntil(reader: Awaited<ReturnType<typeof watch>>, until: (s: Awaited<ReturnType<typeof reader.next>>) => boolean) {
  for (;;) {
    const state = await reader.next();
    if (until(state)) return state;
  }
}

const without = <T extends { generatedAt: string }>(s: T) => ({ ...s, generatedAt: "" });

describe("resuming the live stream", () => {
  it("after a dropped connection sends only the deltas missed, and ends in the same state as a fresh snapshot", async () => {
    const setup = await given.org().occurrence({ startsInMinutes: 30 }).people(5).links();
    const staff = await setup.add("staff");
    const [a, b, c, d] = setup.people;
    const owner = await watch(setup.owner.ctx, setup.instance.id);
    await owner.next();
    const teacher = await watch(staff.ctx, setup.instance.id);
    await teacher.next();
    await post(a!.link.token, 900);
    const teacherHad = await readUntil(teacher, (s) => s.counts.onTheWay === 1);
    const resumeFrom = teacher.lastEventId()!;
    expect(resumeFrom).toMatch(/^[a-z0-9]+-\d+$/);
    await teacher.close();

    // While the teacher is away: people move, one arrives by hand, one starts sharing.
    await post(b!.link.token, 2500);
    await readUntil(owner, (s) => s.counts.onTheWay === 2);
    await post(a!.link.token, 600);
    await checkInManually(setup.owner.ctx, c!.attendance.id);
    await post(d!.link.token, 4000);
    const seenByOwner = await readUntil(owner, (s) => s.counts.onTheWay === 3 && s.counts.arrived === 1 && s.participants.some((p) => p.attendanceId === a!.attendance.id && p.distanceM! < 700));
    const missed = owner.frames.filter((f) => f.id && Number(f.id.split("-")[1]) > Number(resumeFrom.split("-")[1]));
    expect(missed.length).toBeGreaterThanOrEqual(2);

    const back = await watch(staff.ctx, setup.instance.id, resumeFrom, teacherHad);
    const resumed = await readUntil(back, () => back.frames.length === missed.length);
    // Only what was missed, in order: no snapshot.
    expect(back.frames.map((f) => [f.event, f.id])).toEqual(missed.map((f) => ["delta", f.id]));
    const fresh = await watch(setup.owner.ctx, setup.instance.id);
    const freshState = await fresh.next();
    expect(fresh.frames[0]!.event).toBe("snapshot");
    // The teacher's state was never a snapshot of its own: the one from before the drop plus the deltas.
    expect(resumed).not.toEqual(teacherHad);
    expect(without(resumed)).toEqual(without(freshState));
    expect(without(resumed)).toEqual(without(seenByOwner));
    await Promise.all([owner.close(), back.close(), fresh.close()]);
  });

  it("sends a whole snapshot when it cannot resume: an id from a stopped feed, or not one of ours", async () => {
    const setup = await given.org().occurrence({ startsInMinutes: 30 }).people(2).links();
    const first = await watch(setup.owner.ctx, setup.instance.id);
    await first.next();
    await post(setup.people[0]!.link.token, 800);
    await readUntil(first, (s) => s.counts.onTheWay === 1);
    const stale = first.lastEventId()!;
    await first.close(); // The only watcher: its feed stops, and the deltas with it.

    await post(setup.people[1]!.link.token, 1200);
    for (const id of [stale, "garbage\nevent: end", "zzzz-99999999"]) {
      const again = await watch(setup.owner.ctx, setup.instance.id, id);
      const state = await again.next();
      expect(again.frames[0]!.event).toBe("snapshot");
      expect(state.counts.onTheWay).toBe(2);
      await again.close();
    }
  });
});
