import type { IngestResult, LinkRefusal, PointInput } from "@/lib/tracking/schemas";

// Pure: what the participant page keeps, sends and retries. No timers, no fetch, no storage here, so every rule
// (batching, backoff, what a status code means) is unit-tested in point-queue.test.ts.

export type QueuedPoint = PointInput;

export type QueueState = {
  /** Unsent points, oldest first, unique by recordedAt (the server dedupes by it too). */
  points: QueuedPoint[];
  /** Failed attempts in a row (network, 5xx): drives the backoff. */
  failures: number;
  /** Epoch ms before which nothing is sent (backoff or Retry-After); 0 means now. */
  retryAt: number;
};

/** Send once this many points wait… */
export const BATCH_TRIGGER = 10;
/** …or once the oldest has waited this long. */
export const FLUSH_INTERVAL_MS = 5_000;
/** The interval the server may suggest (`nextReportInMs`) is kept within these bounds, whatever it says. */
export const MIN_REPORT_MS = 2_000;
export const MAX_REPORT_MS = 15_000;
/** A fix this far from the last one the server has goes out at once, whatever the interval. */
export const BIG_JUMP_M = 250;
/** Points per request (the server takes up to 100); small keeps a request short on a bad network. */
export const BATCH_MAX = 50;
/** An hour of one fix a second fits in localStorage many times over; beyond this the oldest go first. */
export const QUEUE_MAX = 10_000;
export const BACKOFF_BASE_MS = 2_000;
export const BACKOFF_MAX_MS = 60_000;

export const emptyQueue: QueueState = { points: [], failures: 0, retryAt: 0 };

const time = (p: QueuedPoint) => Date.parse(p.recordedAt);

/** Adds a fix, keeping the queue sorted by time and free of duplicates. */
export function enqueue(state: QueueState, point: QueuedPoint): QueueState {
  const last = state.points[state.points.length - 1];
  // The usual case, a newer fix, needs no search.
  if (last && time(last) >= time(point)) {
    if (state.points.some((p) => p.recordedAt === point.recordedAt)) return state;
    return capped(state, [...state.points, point].sort((a, b) => time(a) - time(b)));
  }
  return capped(state, [...state.points, point]);
}

function capped(state: QueueState, points: QueuedPoint[]): QueueState {
  return { ...state, points: points.length > QUEUE_MAX ? points.slice(points.length - QUEUE_MAX) : points };
}

/**
 * The points to send now, or null: nothing waits, a retry delay runs, or the batch is not due yet
 * (fewer than BATCH_TRIGGER points and the oldest younger than `intervalMs`). `force` sends whatever waits
 * (first fix, a big jump, page hidden, back online) but still honours the retry delay.
 */
export function takeBatch(state: QueueState, now: number, force = false, intervalMs = FLUSH_INTERVAL_MS): QueuedPoint[] | null {
  if (state.points.length === 0 || now < state.retryAt) return null;
  // After a failed try the batch was due already: it goes again as soon as the delay is over.
  const due = force || state.retryAt > 0 || state.points.length >= BATCH_TRIGGER || now - time(state.points[0]!) >= intervalMs;
  return due ? state.points.slice(0, BATCH_MAX) : null;
}

/**
 * The reporting interval after an accepted batch: the server's `nextReportInMs` (12 s far away, 2.5 s near the
 * venue), kept within MIN_REPORT_MS…MAX_REPORT_MS; FLUSH_INTERVAL_MS when it suggests nothing (an older server).
 */
export function reportIntervalMs(suggested: unknown): number {
  if (typeof suggested !== "number" || !Number.isFinite(suggested)) return FLUSH_INTERVAL_MS;
  return Math.min(MAX_REPORT_MS, Math.max(MIN_REPORT_MS, Math.round(suggested)));
}

/** Whether `next` lies BIG_JUMP_M or more from the last fix the server was sent (none yet: no jump). */
export function isBigJump(lastSent: QueuedPoint | null, next: QueuedPoint, distanceM: (a: QueuedPoint, b: QueuedPoint) => number): boolean {
  return lastSent !== null && distanceM(lastSent, next) >= BIG_JUMP_M;
}

export type SendOutcome =
  | { kind: "accepted"; result: IngestResult }
  /** 422: the server will never take these. `indexes` are the batch positions it named; null means all of them. */
  | { kind: "rejected"; indexes: number[] | null }
  /** Network failure, 5xx, 429 or anything unexpected: keep every point and try again later. */
  | { kind: "retry"; afterMs: number | null }
  /** 404 / 409 / 410: the link takes no more points; the page shows why. */
  | { kind: "refused"; reason: LinkRefusal };

const REFUSALS: readonly string[] = ["unknown", "expired", "revoked", "stopped", "cancelled", "arrived", "not_open"];

type ErrorLike = { error?: { reason?: unknown; fields?: unknown } } | null | undefined;

/** What an answer of POST /api/track/<token>/points means for the queue (`status` 0 = the request never got through). */
export function classifyResponse(status: number, body: unknown, retryAfter: string | null): SendOutcome {
  if (status === 200 && isIngestResult(body)) return { kind: "accepted", result: body };
  const error = (body as ErrorLike)?.error;
  if (status === 422) return { kind: "rejected", indexes: rejectedIndexes(error?.fields) };
  if (status === 404) return { kind: "refused", reason: "unknown" };
  if (status === 409 || status === 410) {
    const reason = typeof error?.reason === "string" && REFUSALS.includes(error.reason) ? (error.reason as LinkRefusal) : null;
    // A 410 without a reason we know is still final; a 409 we do not understand is safer retried.
    if (reason) return { kind: "refused", reason };
    if (status === 410) return { kind: "refused", reason: "expired" };
  }
  if (status === 429) return { kind: "retry", afterMs: parseRetryAfter(retryAfter) };
  return { kind: "retry", afterMs: null };
}

function isIngestResult(body: unknown): body is IngestResult {
  const b = body as Partial<IngestResult> | null;
  return !!b && typeof b === "object" && typeof b.accepted === "number" && (b.journey === "on_the_way" || b.journey === "arrived");
}

/** `{ "points.3.lat": [...], "points.7": [...] }` → [3, 7]; null when no field names a point. */
function rejectedIndexes(fields: unknown): number[] | null {
  if (!fields || typeof fields !== "object") return null;
  const indexes = new Set<number>();
  for (const key of Object.keys(fields)) {
    const match = /^points\.(\d+)(\.|$)/.exec(key);
    if (match) indexes.add(Number(match[1]));
  }
  return indexes.size > 0 ? [...indexes].sort((a, b) => a - b) : null;
}

/** Retry-After in seconds (or an HTTP date) → ms, at most BACKOFF_MAX_MS; null when absent or unreadable. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | null {
  if (!value) return null;
  const seconds = Number(value.trim());
  const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(value) - now;
  if (!Number.isFinite(ms)) return null;
  return Math.min(BACKOFF_MAX_MS, Math.max(0, Math.round(ms)));
}

/** 2 s, 4 s, 8 s … capped at 60 s, for the n-th failure in a row. */
export function backoffMs(failures: number): number {
  return Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, failures - 1));
}

/** The queue after `batch` was answered. Points added while it was in flight are kept. */
export function settle(state: QueueState, batch: QueuedPoint[], outcome: SendOutcome, now: number): QueueState {
  const without = (gone: QueuedPoint[]) => {
    const times = new Set(gone.map((p) => p.recordedAt));
    return state.points.filter((p) => !times.has(p.recordedAt));
  };
  switch (outcome.kind) {
    case "accepted":
      return { points: without(batch), failures: 0, retryAt: 0 };
    case "rejected": {
      // Dropping only the named points keeps the good ones of the batch; each round removes at least one point.
      const gone = outcome.indexes ? outcome.indexes.map((i) => batch[i]).filter((p) => p !== undefined) : batch;
      return { points: without(gone.length > 0 ? gone : batch), failures: 0, retryAt: 0 };
    }
    case "retry": {
      const failures = outcome.afterMs === null ? state.failures + 1 : state.failures;
      return { ...state, failures, retryAt: now + (outcome.afterMs ?? backoffMs(failures)) };
    }
    case "refused":
      return emptyQueue;
  }
}

/** Back online: try at once instead of waiting out a backoff that was caused by being offline. */
export function retryNow(state: QueueState): QueueState {
  return state.retryAt === 0 ? state : { ...state, retryAt: 0 };
}

/** A GeolocationPosition (or a plain object shaped like one) as the API wants it. */
/**
 * How far the phone's clock is behind the server's (ms, add it to phone times), from the server time the page was
 * rendered with. Cheap phones often run minutes off, and the server refuses points "from the future"; differences
 * under 30 s are page-load latency, not a wrong clock, and are ignored.
 */
export function clockOffsetMs(serverNowMs: number, phoneNowMs: number): number {
  const offset = serverNowMs - phoneNowMs;
  return Math.abs(offset) < 30_000 ? 0 : offset;
}

export function toPoint(
  position: {
    coords: { latitude: number; longitude: number; accuracy: number; altitude?: number | null; speed?: number | null; heading?: number | null };
    timestamp: number;
  },
  clockOffset = 0,
): QueuedPoint {
  const { coords } = position;
  const finite = (n: number | null | undefined) => (typeof n === "number" && Number.isFinite(n) ? n : null);
  const heading = finite(coords.heading);
  return {
    lat: coords.latitude,
    lng: coords.longitude,
    // Some phones report 0 for a fix they are sure of; the API asks for > 0.
    accuracy: Math.max(coords.accuracy, 0.1),
    altitude: finite(coords.altitude),
    speed: finite(coords.speed),
    heading: heading === null ? null : ((heading % 360) + 360) % 360,
    recordedAt: new Date(position.timestamp + clockOffset).toISOString(),
  };
}

/**
 * Keep a fix when it is the first, at least `minGapMs` after the last kept one, or MIN_MOVE_M away from it. Near the
 * venue the page passes its shorter reporting interval, so each report carries a fresh fix.
 */
export const MIN_GAP_MS = 4_000;
export const MIN_MOVE_M = 15;

export function shouldRecord(
  last: QueuedPoint | null,
  next: QueuedPoint,
  distanceM: (a: QueuedPoint, b: QueuedPoint) => number,
  minGapMs = MIN_GAP_MS,
): boolean {
  if (!last) return true;
  const gap = time(next) - time(last);
  if (gap <= 0) return false;
  return gap >= minGapMs || distanceM(last, next) >= MIN_MOVE_M;
}

/** localStorage → points; anything unreadable (old format, hand-edited, truncated) is skipped, never thrown. */
export function parseStored(raw: string | null): QueuedPoint[] {
  if (!raw) return [];
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return [];
  }
  if (!Array.isArray(data)) return [];
  const num = (v: unknown) => typeof v === "number" && Number.isFinite(v);
  const seen = new Set<string>();
  const points: QueuedPoint[] = [];
  for (const p of data as Record<string, unknown>[]) {
    if (!p || !num(p.lat) || !num(p.lng) || !num(p.accuracy) || typeof p.recordedAt !== "string" || Number.isNaN(Date.parse(p.recordedAt))) {
      continue;
    }
    if (seen.has(p.recordedAt)) continue;
    seen.add(p.recordedAt);
    points.push({
      lat: p.lat as number,
      lng: p.lng as number,
      accuracy: p.accuracy as number,
      ...(num(p.altitude) ? { altitude: p.altitude as number } : {}),
      ...(num(p.speed) ? { speed: p.speed as number } : {}),
      ...(num(p.heading) ? { heading: p.heading as number } : {}),
      recordedAt: p.recordedAt,
    });
  }
  return capped(emptyQueue, points.sort((a, b) => time(a) - time(b))).points;
}
