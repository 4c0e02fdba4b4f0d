import { describe, expect, it } from "vitest";
import type { QueuedPoint } from "./point-queue";
import { PointSender, type SenderStatus } from "./point-sender";

const T0 = Date.parse("2026-11-24T08:00:00.000Z");
const point = (s: number): QueuedPoint => ({ lat: 52.5, lng: 13.4, accuracy: 10, recordedAt: new Date(T0 + s * 1000).toISOString() });
const ok = { accepted: 1, journey: "on_the_way", arrivedAt: null, distanceM: 900, etaAt: null };

type Answer = { status: number; body?: unknown; headers?: Record<string, string> } | "network";

/** A sender against a scripted server, an in-memory localStorage and a hand-driven clock. */
function harness(answers: Answer[], storage = new Map<string, string>()) {
  const sent: QueuedPoint[][] = [];
  const clock = { now: T0, online: true };
  const statuses: SenderStatus[] = [];
  const sender = new PointSender({
    url: "/api/track/t/points",
    storageKey: "q",
    storage: {
      getItem: (k) => storage.get(k) ?? null,
      setItem: (k, v) => void storage.set(k, v),
      removeItem: (k) => void storage.delete(k),
    },
    now: () => clock.now,
    isOnline: () => clock.online,
    onChange: (s) => statuses.push(s),
    distanceM: (a, b) => Math.abs(a.lat - b.lat) * 111_320,
    fetch: async (_url, init) => {
      sent.push((JSON.parse(String(init?.body)) as { points: QueuedPoint[] }).points);
      const answer = answers.shift() ?? { status: 200, body: ok };
      if (answer === "network") throw new TypeError("Failed to fetch");
      return new Response(JSON.stringify(answer.body ?? {}), { status: answer.status, headers: answer.headers });
    },
  });
  const stored = () => JSON.parse(storage.get("q") ?? "[]") as QueuedPoint[];
  return { sender, sent, clock, statuses, storage, stored };
}

const settled = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("PointSender", () => {
  it("sends the first fix at once, then batches; storage holds only what is unsent", async () => {
    const h = harness([]);
    h.sender.add(point(0));
    await settled();
    expect(h.sent).toEqual([[point(0)]]);
    expect(h.stored()).toEqual([]);
    h.sender.add(point(1));
    h.sender.add(point(2));
    await settled();
    expect(h.sent).toHaveLength(1);
    expect(h.stored()).toEqual([point(1), point(2)]);
    h.clock.now = T0 + 6_000;
    h.sender.tick();
    await settled();
    expect(h.sent[1]).toEqual([point(1), point(2)]);
    expect(h.sender.current).toMatchObject({ pending: 0, retrying: false, lastResult: ok });
  });

  it("keeps positions across a failed send and a reload, and sends them from the new page", async () => {
    const storage = new Map<string, string>();
    const first = harness(["network"], storage);
    first.sender.add(point(0));
    await settled();
    expect(first.sender.current).toMatchObject({ pending: 1, retrying: true });
    expect(first.stored()).toEqual([point(0)]);

    const reloaded = harness([], storage);
    expect(reloaded.sender.current.pending).toBe(1);
    reloaded.clock.now = T0 + 10_000;
    reloaded.sender.tick();
    await settled();
    expect(reloaded.sent).toEqual([[point(0)]]);
    expect(storage.has("q")).toBe(false);
  });

  it("does not try while offline and sends everything when back online", async () => {
    const h = harness([]);
    h.clock.online = false;
    h.sender.add(point(0));
    h.sender.add(point(1));
    h.clock.now = T0 + 60_000;
    h.sender.tick();
    await settled();
    expect(h.sent).toEqual([]);
    expect(h.sender.current.pending).toBe(2);
    h.clock.online = true;
    h.sender.wake();
    await settled();
    expect(h.sent).toEqual([[point(0), point(1)]]);
  });

  it("backs off after a 5xx and waits Retry-After after a 429", async () => {
    const h = harness([{ status: 503 }, { status: 429, headers: { "retry-after": "10" } }]);
    h.sender.add(point(0));
    await settled();
    h.clock.now = T0 + 1_999;
    h.sender.tick();
    await settled();
    expect(h.sent).toHaveLength(1);
    h.clock.now = T0 + 2_000;
    h.sender.tick();
    await settled();
    expect(h.sent).toHaveLength(2);
    h.clock.now = T0 + 11_999;
    h.sender.tick();
    await settled();
    expect(h.sent).toHaveLength(2);
    h.clock.now = T0 + 12_000;
    h.sender.tick();
    await settled();
    expect(h.sent).toHaveLength(3);
    expect(h.sender.current).toMatchObject({ pending: 0, retrying: false });
  });

  it("drains a long backlog batch after batch", async () => {
    const h = harness([]);
    h.clock.online = false;
    for (let i = 0; i < 120; i++) h.sender.add(point(i));
    h.clock.online = true;
    h.clock.now = T0 + 200_000;
    await h.sender.flush(true);
    expect(h.sent.map((b) => b.length)).toEqual([50, 50, 20]);
    expect(h.sender.current.pending).toBe(0);
  });

  it("stops for good on arrival or a refused link, and forgets the queue", async () => {
    const arrived = harness([{ status: 200, body: { ...ok, journey: "arrived", arrivedAt: new Date(T0).toISOString() } }]);
    arrived.sender.add(point(0));
    await settled();
    expect(arrived.sender.current.ended).toBe("arrived");
    arrived.sender.add(point(1));
    arrived.clock.now = T0 + 60_000;
    arrived.sender.tick();
    await settled();
    expect(arrived.sent).toHaveLength(1);
    expect(arrived.storage.has("q")).toBe(false);

    const revoked = harness([{ status: 410, body: { error: { code: "GONE", reason: "revoked", message: "x" } } }]);
    revoked.sender.add(point(0));
    await settled();
    expect(revoked.sender.current.ended).toBe("revoked");
    expect(revoked.statuses.at(-1)?.ended).toBe("revoked");
  });

  it("drops only the positions a 422 names and sends the rest", async () => {
    const h = harness([{ status: 200, body: ok }, { status: 422, body: { error: { code: "VALIDATION", fields: { "points.1.recordedAt": ["x"] } } } }]);
    h.sender.add(point(0));
    await settled();
    h.sender.add(point(1));
    h.sender.add(point(2));
    h.sender.add(point(3));
    h.clock.now = T0 + 10_000;
    await h.sender.flush(false);
    expect(h.sent.slice(1)).toEqual([[point(1), point(2), point(3)], [point(1), point(3)]]);
    expect(h.sender.current.pending).toBe(0);
  });
});

describe("PointSender's cadence", () => {
  const answer = (nextReportInMs: number) => ({ status: 200, body: { ...ok, nextReportInMs } });
  const tickAt = async (h: ReturnType<typeof harness>, seconds: number) => {
    h.clock.now = T0 + seconds * 1000;
    h.sender.tick();
    await settled();
  };

  it("reports every 12 s while the server says far, and every 2.5 s once it says near", async () => {
    const h = harness([answer(12_000), answer(12_000), answer(2_500)]);
    h.sender.add(point(0));
    await settled();
    expect(h.sender.reportIntervalMs).toBe(12_000);
    h.sender.add(point(4));
    h.sender.add(point(8));
    await tickAt(h, 15);
    expect(h.sent).toHaveLength(1);
    await tickAt(h, 16);
    expect(h.sent[1]).toEqual([point(4), point(8)]);

    h.sender.add(point(20));
    await tickAt(h, 26);
    expect(h.sent).toHaveLength(2);
    await tickAt(h, 32);
    expect(h.sent[2]).toEqual([point(20)]);
    expect(h.sender.reportIntervalMs).toBe(2_500);
    h.sender.add(point(33));
    await tickAt(h, 35);
    expect(h.sent).toHaveLength(3);
    await tickAt(h, 35.5);
    expect(h.sent[3]).toEqual([point(33)]);
  });

  it("sends a big jump at once, however long the interval", async () => {
    const h = harness([answer(12_000)]);
    h.sender.add(point(0));
    await settled();
    const jumped = { ...point(3), lat: 52.5 + 400 / 111_320 };
    h.sender.add(jumped);
    await settled();
    expect(h.sent).toEqual([[point(0)], [jumped]]);
  });
});
