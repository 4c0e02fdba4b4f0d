import { logger } from "@/lib/logger";
import type { PointInput } from "@/lib/tracking";
import { DEFAULT_MAX_DURATION_MS, positionAt, seededRandom, withGpsNoise, type Journey } from "./paths";

// The simulator's loop: plays journeys back in real time by posting one fix per participant every few seconds to the
// app's own ingest API, exactly as a participant's phone would. It knows nothing about the database.

export const DEFAULT_INTERVAL_MS = 3000;
/** Ticks a participant keeps reporting from the end of the road before the simulator gives up on a check-in. */
const ARRIVAL_TICKS = 10;
/** Failed posts in a row (network, 5xx, refused batch) after which a participant is dropped. */
const MAX_FAILURES = 20;
const MAX_REISSUES = 2;
const REQUEST_TIMEOUT_MS = 5000;

export type SimTraveller = { attendanceId: string; token: string; journey: Journey };

export type SimulationOptions = {
  /** The app's origin, e.g. http://localhost:3000: points go to `<origin>/api/track/<token>/points`. */
  origin: string;
  travellers: SimTraveller[];
  intervalMs?: number;
  maxDurationMs?: number;
  /** Demo milliseconds per real millisecond (tests play a journey back faster). */
  timeScale?: number;
  seed?: number;
  /** A fresh token when someone else re-issued the link (the old one answers 410 "revoked"). */
  reissueToken?: (attendanceId: string) => Promise<string>;
};

export type TravellerOutcome = "arrived" | "refused" | "failing" | "never_checked_in" | "timed_out" | "stopped";
export type SimulationSummary = { posted: number; failed: number; outcomes: Record<string, TravellerOutcome> };
export type Simulation = { done: Promise<SimulationSummary>; stop(): void };

type Active = SimTraveller & { outcome: TravellerOutcome | null; failures: number; reissues: number; endTicks: number };

/** Starts the loop at once; it ends by itself when everyone arrived or left, or after maxDurationMs. */
export function runSimulation(options: SimulationOptions): Simulation {
  const intervalMs = options.intervalMs ?? DEFAULT_INTERVAL_MS;
  const maxDurationMs = options.maxDurationMs ?? DEFAULT_MAX_DURATION_MS;
  const timeScale = options.timeScale ?? 1;
  const random = seededRandom(options.seed ?? Date.now());
  const origin = options.origin.replace(/\/+$/, "");
  const startedAt = Date.now();
  const travellers: Active[] = options.travellers.map((t) => ({ ...t, outcome: null, failures: 0, reissues: 0, endTicks: 0 }));
  const summary: SimulationSummary = { posted: 0, failed: 0, outcomes: {} };
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let finish: (s: SimulationSummary) => void = () => {};
  const done = new Promise<SimulationSummary>((resolve) => (finish = resolve));

  const end = (unfinished: TravellerOutcome) => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    for (const t of travellers) summary.outcomes[t.attendanceId] = t.outcome ?? unfinished;
    finish(summary);
  };

  const shared: PostContext = { origin, random, summary, reissueToken: options.reissueToken };

  const tick = async () => {
    timer = undefined;
    const elapsedRealMs = Date.now() - startedAt;
    const active = travellers.filter((t) => t.outcome === null);
    if (stopped) return end("stopped");
    if (active.length === 0) return end("timed_out");
    if (elapsedRealMs >= maxDurationMs) return end("timed_out");
    await Promise.all(
      active.map((t) =>
        postNextPoint(t, elapsedRealMs * timeScale, shared).catch((error: unknown) => {
          // One participant's trouble (e.g. a failed re-issue) never stops the others.
          summary.failed += 1;
          if (++t.failures >= MAX_FAILURES) t.outcome = "failing";
          logger.warn({ err: error, attendanceId: t.attendanceId }, "demo simulator: posting a point failed");
        }),
      ),
    );
    if (stopped) return end("stopped");
    timer = setTimeout(() => void tick(), intervalMs);
    timer.unref?.();
  };

  void tick();
  return {
    done,
    stop: () => {
      stopped = true;
      // Between ticks it ends here; during a tick, the tick ends it once its posts are answered.
      if (timer) end("stopped");
    },
  };
}

type PostContext = {
  origin: string;
  random: () => number;
  summary: SimulationSummary;
  reissueToken: SimulationOptions["reissueToken"];
};

/** Posts the traveller's position at `elapsedMs` into their journey, and reads what the answer means for them. */
async function postNextPoint(t: Active, elapsedMs: number, shared: PostContext): Promise<void> {
  const position = positionAt(t.journey, elapsedMs);
  if (position.isAtEnd && ++t.endTicks > ARRIVAL_TICKS) {
    t.outcome = "never_checked_in";
    logger.warn({ attendanceId: t.attendanceId }, "demo simulator: reached the venue but was not checked in");
    return;
  }
  const fix = withGpsNoise(position, t.journey.accuracyM, shared.random);
  const point: PointInput = {
    lat: round(fix.lat, 7),
    lng: round(fix.lng, 7),
    accuracy: round(t.journey.accuracyM * (0.8 + 0.4 * shared.random()), 1),
    speed: round(position.speedMps, 2),
    heading: position.headingDeg === null ? null : round(position.headingDeg, 1),
    recordedAt: new Date().toISOString(),
  };
  const answer = await sendPoint(shared.origin, t.token, point);
  shared.summary.posted += 1;
  if (answer.ok) {
    t.failures = 0;
    if (answer.journey === "arrived") t.outcome = "arrived";
    return;
  }
  if (answer.reason === "arrived") {
    t.outcome = "arrived";
    return;
  }
  shared.summary.failed += 1;
  await handleRefusal(t, answer, shared);
}

async function handleRefusal(t: Active, answer: Extract<Answer, { ok: false }>, shared: PostContext): Promise<void> {
  if (answer.reason === "revoked" && shared.reissueToken && t.reissues < MAX_REISSUES) {
    t.reissues += 1;
    t.token = await shared.reissueToken(t.attendanceId);
  } else if (answer.status === 404 || answer.status === 410 || answer.status === 409) {
    t.outcome = "refused";
    logger.info({ attendanceId: t.attendanceId, status: answer.status, reason: answer.reason }, "demo simulator: link refused");
  } else if (answer.status !== 429) {
    // Logged when trouble starts and when the simulator gives up, not for every point in between.
    if (++t.failures === 1) {
      logger.warn({ err: answer.error, attendanceId: t.attendanceId, status: answer.status }, "demo simulator: a post failed");
    }
    if (t.failures >= MAX_FAILURES) {
      t.outcome = "failing";
      logger.warn({ attendanceId: t.attendanceId, status: answer.status }, "demo simulator: giving up after repeated failures");
    }
  }
}

type Answer = { ok: true; journey: string } | { ok: false; status: number; reason: string | null; error?: unknown };

/** One POST as the participant page sends it. A network error or timeout is an answer too (status 0). */
async function sendPoint(origin: string, token: string, point: PointInput): Promise<Answer> {
  let response: Response;
  try {
    response = await fetch(`${origin}/api/track/${encodeURIComponent(token)}/points`, {
      method: "POST",
      headers: { "content-type": "application/json", "user-agent": "event-coming-demo-simulator" },
      body: JSON.stringify({ points: [point] }),
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
  } catch (error) {
    return { ok: false, status: 0, reason: null, error };
  }
  const body = (await response.json().catch(() => null)) as
    | { journey?: string; error?: { reason?: string } }
    | null;
  if (response.ok) return { ok: true, journey: body?.journey ?? "on_the_way" };
  return { ok: false, status: response.status, reason: body?.error?.reason ?? null };
}

const round = (v: number, digits: number) => Math.round(v * 10 ** digits) / 10 ** digits;
