import { describe, expect, it } from "vitest";
import {
  BACKOFF_MAX_MS,
  BATCH_MAX,
  BATCH_TRIGGER,
  BIG_JUMP_M,
  FLUSH_INTERVAL_MS,
  MAX_REPORT_MS,
  MIN_REPORT_MS,
  QUEUE_MAX,
  backoffMs,
  classifyResponse,
  clockOffsetMs,
  emptyQueue,
  enqueue,
  isBigJump,
  parseRetryAfter,
  parseStored,
  reportIntervalMs,
  retryNow,
  settle,
  shouldRecord,
  takeBatch,
  toPoint,
  type QueuedPoint,
  type QueueState,
} from "./point-queue";

const T0 = Date.parse("2026-11-24T08:00:00.000Z");
const point = (secondsAfterT0: number, lat = 52.5): QueuedPoint => ({
  lat,
  lng: 13.4,
  accuracy: 10,
  recordedAt: new Date(T0 + secondsAfterT0 * 1000).toISOString(),
});
const queueOf = (...seconds: number[]): QueueState => seconds.reduce((q, s) => enqueue(q, point(s)), emptyQueue);
const result = { accepted: 1, journey: "on_the_way" as const, arrivedAt: null, distanceM: 800, etaAt: null };

describe("enqueue", () => {
  it("keeps points sorted by time and drops a second point with the same recordedAt", () => {
    const q = queueOf(3, 1, 2, 1);
    expect(q.points.map((p) => p.recordedAt)).toEqual([1, 2, 3].map((s) => point(s).recordedAt));
  });

  it("keeps at most QUEUE_MAX points, dropping the oldest", () => {
    let q: QueueState = { ...emptyQueue, points: Array.from({ length: QUEUE_MAX }, (_, i) => point(i)) };
    for (let i = QUEUE_MAX; i < QUEUE_MAX + 5; i++) q = enqueue(q, point(i));
    expect(q.points).toHaveLength(QUEUE_MAX);
    expect(q.points[0]!.recordedAt).toBe(point(5).recordedAt);
  });
});

describe("takeBatch", () => {
  it("waits until BATCH_TRIGGER points or FLUSH_INTERVAL_MS have passed", () => {
    const q = queueOf(0, 1);
    expect(takeBatch(q, T0 + 2_000)).toBeNull();
    expect(takeBatch(q, T0 + FLUSH_INTERVAL_MS)).toHaveLength(2);
    const full = queueOf(...Array.from({ length: BATCH_TRIGGER }, (_, i) => i));
    expect(takeBatch(full, T0 + BATCH_TRIGGER * 1000)).toHaveLength(BATCH_TRIGGER);
  });

  it("sends at once when forced, and never more than BATCH_MAX points, oldest first", () => {
    expect(takeBatch(queueOf(0), T0, true)).toHaveLength(1);
    const big = queueOf(...Array.from({ length: BATCH_MAX + 7 }, (_, i) => i));
    const batch = takeBatch(big, T0 + 1_000_000)!;
    expect(batch).toHaveLength(BATCH_MAX);
    expect(batch[0]!.recordedAt).toBe(point(0).recordedAt);
  });

  it("honours the retry delay even when forced, and returns null for an empty queue", () => {
    const q = { ...queueOf(0), retryAt: T0 + 10_000 };
    expect(takeBatch(q, T0 + 9_999, true)).toBeNull();
    expect(takeBatch(q, T0 + 10_000, true)).toHaveLength(1);
    // A retry goes as soon as its delay is over, even when the batch would not be due yet on its own.
    const retry = { ...queueOf(0), retryAt: T0 + 2_000 };
    expect(takeBatch(retry, T0 + 2_000)).toHaveLength(1);
    expect(takeBatch(emptyQueue, T0, true)).toBeNull();
  });
});

describe("classifyResponse", () => {
  const error = (code: string, reason?: string, fields?: Record<string, string[]>) => ({ error: { code, message: "x", reason, fields } });

  it.each([
    [200, result, null, { kind: "accepted", result }],
    [422, error("VALIDATION", undefined, { "points.3.lat": ["bad"], "points.0": ["bad"], "points.3.lng": ["bad"] }), null, { kind: "rejected", indexes: [0, 3] }],
    [422, error("VALIDATION", undefined, { points: ["Send at most 100 points per request."] }), null, { kind: "rejected", indexes: null }],
    [422, null, null, { kind: "rejected", indexes: null }],
    [404, error("NOT_FOUND", "unknown"), null, { kind: "refused", reason: "unknown" }],
    [410, error("GONE", "expired"), null, { kind: "refused", reason: "expired" }],
    [410, error("GONE", "revoked"), null, { kind: "refused", reason: "revoked" }],
    [410, error("GONE", "stopped"), null, { kind: "refused", reason: "stopped" }],
    [410, error("GONE", "cancelled"), null, { kind: "refused", reason: "cancelled" }],
    [410, error("GONE", "something new"), null, { kind: "refused", reason: "expired" }],
    [409, error("CONFLICT", "arrived"), null, { kind: "refused", reason: "arrived" }],
    [409, error("CONFLICT", "not_open"), null, { kind: "refused", reason: "not_open" }],
    [409, error("CONFLICT"), null, { kind: "retry", afterMs: null }],
    [429, error("RATE_LIMITED"), "7", { kind: "retry", afterMs: 7_000 }],
    [429, error("RATE_LIMITED"), null, { kind: "retry", afterMs: null }],
    [500, error("INTERNAL"), null, { kind: "retry", afterMs: null }],
    [503, "<html>bad gateway</html>", null, { kind: "retry", afterMs: null }],
    [0, null, null, { kind: "retry", afterMs: null }],
    [400, error("BAD_REQUEST"), null, { kind: "retry", afterMs: null }],
    [200, { unexpected: true }, null, { kind: "retry", afterMs: null }],
  ] as const)("%i %j → %j", (status, body, retryAfter, expected) => {
    expect(classifyResponse(status, body, retryAfter)).toEqual(expected);
  });
});

describe("backoff and Retry-After", () => {
  it("doubles from 2 s and stops at 60 s", () => {
    expect([1, 2, 3, 4, 5, 6, 7, 20].map(backoffMs)).toEqual([2_000, 4_000, 8_000, 16_000, 32_000, 60_000, 60_000, 60_000]);
  });

  it("reads seconds or an HTTP date, capped, and ignores garbage", () => {
    expect(parseRetryAfter("3")).toBe(3_000);
    expect(parseRetryAfter("0")).toBe(0);
    expect(parseRetryAfter("3600")).toBe(BACKOFF_MAX_MS);
    expect(parseRetryAfter(new Date(T0 + 5_000).toUTCString(), T0)).toBe(5_000);
    expect(parseRetryAfter("soon")).toBeNull();
    expect(parseRetryAfter(null)).toBeNull();
  });
});

describe("settle", () => {
  it("removes an accepted batch but keeps points that arrived while it was in flight", () => {
    const q = queueOf(0, 1);
    const batch = takeBatch(q, T0, true)!;
    const meanwhile = enqueue({ ...q, failures: 3, retryAt: 5 }, point(2));
    const next = settle(meanwhile, batch, { kind: "accepted", result }, T0);
    expect(next).toEqual({ points: [point(2)], failures: 0, retryAt: 0 });
  });

  it("keeps every point on a network error or 5xx and backs off further each time", () => {
    let q = queueOf(0, 1);
    const batch = q.points;
    q = settle(q, batch, { kind: "retry", afterMs: null }, T0);
    expect(q).toMatchObject({ failures: 1, retryAt: T0 + 2_000 });
    q = settle(q, batch, { kind: "retry", afterMs: null }, T0 + 2_000);
    expect(q).toMatchObject({ failures: 2, retryAt: T0 + 2_000 + 4_000 });
    expect(q.points).toHaveLength(2);
  });

  it("waits exactly Retry-After on a 429 without counting it as a failure", () => {
    const q = settle({ ...queueOf(0), failures: 2 }, [point(0)], { kind: "retry", afterMs: 7_000 }, T0);
    expect(q).toEqual({ points: [point(0)], failures: 2, retryAt: T0 + 7_000 });
  });

  it("drops only the points a 422 names, or the whole batch when it names none", () => {
    const q = queueOf(0, 1, 2, 3);
    const batch = q.points.slice(0, 3);
    expect(settle(q, batch, { kind: "rejected", indexes: [1] }, T0).points.map((p) => p.recordedAt)).toEqual(
      [0, 2, 3].map((s) => point(s).recordedAt),
    );
    expect(settle(q, batch, { kind: "rejected", indexes: null }, T0).points).toEqual([point(3)]);
    // Indexes outside the batch cannot loop forever: the batch is dropped.
    expect(settle(q, batch, { kind: "rejected", indexes: [42] }, T0).points).toEqual([point(3)]);
  });

  it("forgets everything when the link is refused", () => {
    expect(settle(queueOf(0, 1), [point(0)], { kind: "refused", reason: "revoked" }, T0)).toEqual(emptyQueue);
  });

  it("retryNow clears a pending delay", () => {
    expect(retryNow({ ...queueOf(0), retryAt: T0 + 60_000 }).retryAt).toBe(0);
  });
});

describe("a journey with an outage", () => {
  it("loses no point: offline, 503s, a 429, then everything is accepted", () => {
    let q = emptyQueue;
    const sent = new Set<string>();
    let now = T0;
    const answers: { kind: "retry"; afterMs: number | null }[] = [
      { kind: "retry", afterMs: null },
      { kind: "retry", afterMs: null },
      { kind: "retry", afterMs: 3_000 },
    ];
    for (let i = 0; i < 120; i++) {
      now = T0 + i * 1000;
      q = enqueue(q, point(i));
      const batch = takeBatch(q, now);
      if (!batch) continue;
      const answer = answers.shift();
      if (answer) {
        q = settle(q, batch, answer, now);
      } else {
        batch.forEach((p) => sent.add(p.recordedAt));
        q = settle(q, batch, { kind: "accepted", result }, now);
      }
    }
    while (q.points.length > 0) {
      now += 60_000;
      const batch = takeBatch(q, now, true)!;
      batch.forEach((p) => sent.add(p.recordedAt));
      q = settle(q, batch, { kind: "accepted", result }, now);
    }
    expect(sent.size).toBe(120);
  });
});

describe("toPoint and shouldRecord", () => {
  it("flattens a GeolocationPosition and cleans what the API would refuse", () => {
    const p = toPoint({
      coords: { latitude: 52.5, longitude: 13.4, accuracy: 0, altitude: null, speed: Number.NaN, heading: -90 },
      timestamp: T0,
    });
    expect(p).toEqual({ lat: 52.5, lng: 13.4, accuracy: 0.1, altitude: null, speed: null, heading: 270, recordedAt: "2026-11-24T08:00:00.000Z" });
  });

  it("keeps a fix after a pause or a real move, and skips jitter in between", () => {
    const far = () => 100;
    const near = () => 3;
    expect(shouldRecord(null, point(0), near)).toBe(true);
    expect(shouldRecord(point(0), point(1), near)).toBe(false);
    expect(shouldRecord(point(0), point(1), far)).toBe(true);
    expect(shouldRecord(point(0), point(5), near)).toBe(true);
    expect(shouldRecord(point(5), point(5), far)).toBe(false);
  });
});

describe("parseStored", () => {
  it("reads back what was stored, sorted and without duplicates", () => {
    const stored = JSON.stringify([point(2), point(1), point(2)]);
    expect(parseStored(stored)).toEqual([point(1), point(2)]);
  });

  it.each([null, "", "not json", "{}", "42", JSON.stringify([{ lat: "x" }, null, { ...point(0), recordedAt: "yesterday" }])])(
    "skips unreadable storage %j",
    (raw) => {
      expect(parseStored(raw)).toEqual([]);
    },
  );
});

describe("phone clocks that run wrong", () => {
  const position = { coords: { latitude: 52.5, longitude: 13.4, accuracy: 8 }, timestamp: Date.parse("2026-11-24T08:05:00Z") };

  it("a phone 5 minutes fast has its points moved back onto the server's clock", () => {
    const offset = clockOffsetMs(Date.parse("2026-11-24T08:00:00Z"), Date.parse("2026-11-24T08:05:00Z"));
    expect(offset).toBe(-5 * 60_000);
    expect(toPoint(position, offset).recordedAt).toBe("2026-11-24T08:00:00.000Z");
  });

  it("a few seconds of difference is page-load latency and changes nothing", () => {
    expect(clockOffsetMs(Date.parse("2026-11-24T08:00:00Z"), Date.parse("2026-11-24T08:00:04Z"))).toBe(0);
    expect(toPoint(position).recordedAt).toBe("2026-11-24T08:05:00.000Z");
  });
});

describe("the reporting cadence", () => {
  it("follows the server's suggestion within 2–15 s, and keeps 5 s when an older server suggests nothing", () => {
    expect(reportIntervalMs(12_000)).toBe(12_000);
    expect(reportIntervalMs(2_500)).toBe(2_500);
    expect(reportIntervalMs(500)).toBe(MIN_REPORT_MS);
    expect(reportIntervalMs(3_600_000)).toBe(MAX_REPORT_MS);
    for (const nothing of [undefined, null, "12000", Number.NaN]) expect(reportIntervalMs(nothing)).toBe(FLUSH_INTERVAL_MS);
  });

  it("holds a batch for the interval it is given", () => {
    const q = queueOf(0, 4, 8);
    expect(takeBatch(q, T0 + 11_000, false, 12_000)).toBeNull();
    expect(takeBatch(q, T0 + 12_000, false, 12_000)).toHaveLength(3);
    expect(takeBatch(queueOf(0), T0 + 2_500, false, 2_500)).toHaveLength(1);
  });

  it("records a fix as often as the interval asks near the venue", () => {
    const still = () => 3;
    expect(shouldRecord(point(0), point(2.5), still)).toBe(false);
    expect(shouldRecord(point(0), point(2.5), still, 2_500)).toBe(true);
  });

  it("calls a move of BIG_JUMP_M or more from the last fix sent a jump", () => {
    const metres = (a: QueuedPoint, b: QueuedPoint) => Math.abs(a.lat - b.lat) * 111_320;
    expect(isBigJump(null, point(1), metres)).toBe(false);
    expect(isBigJump(point(0), point(1, 52.5 + (BIG_JUMP_M - 10) / 111_320), metres)).toBe(false);
    expect(isBigJump(point(0), point(1, 52.5 + (BIG_JUMP_M + 10) / 111_320), metres)).toBe(true);
  });
});
