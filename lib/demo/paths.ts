import type { LatLng, TravelMode } from "@/lib/eta";
import { seededRandom, type Random } from "@/lib/utils";
import { DEMO_SPEED_FACTOR } from "./settings";

// Pure and deterministic for a seed: the journeys the embedded-mode simulator plays back. Distances are worked out on
// a flat plane around the venue (metres east / north), which is exact enough within a few kilometres.

export { seededRandom, type Random } from "@/lib/utils";

/** Real-world speed band of each travel mode (m/s); the demo multiplies it by its speed factor. */
export const REAL_SPEED_BAND_MPS: Record<TravelMode, { min: number; max: number }> = {
  walking: { min: 0.8, max: 2.2 },
  driving: { min: 2.5, max: 16 },
};
export const DEFAULT_MAX_DURATION_MS = 30 * 60_000;
/** A noisy fix lies at most this share of its accuracy away from the true position. */
export const NOISE_SHARE = 0.7;
/** The end of every path lies within this share of the arrival radius from the venue. */
export const END_SHARE = 0.25;

const CRUISE_MPS: Record<TravelMode, [number, number]> = { walking: [1.25, 1.6], driving: [7, 11] };
/** Speed of each stretch between stops, relative to the cruise speed. */
const STRETCH_VARIATION: [number, number] = [0.85, 1.15];
const ON_TIME_START_M: Record<TravelMode, [number, number]> = { walking: [1050, 1350], driving: [1050, 3000] };
const LATE_START_M: [number, number] = [3200, 3900];
const ACCURACY_M: Record<TravelMode, [number, number]> = { walking: [5, 15], driving: [5, 12] };
/** The latecomer's phone reads precisely, so slow progress is not mistaken for noise and lateness shows clearly. */
const LATE_ACCURACY_M: [number, number] = [4, 7];
/** Real-time length of a stop (traffic light, crossing), shortened by the speed factor like everything else. */
const STOP_MS: Record<TravelMode, [number, number]> = { walking: [10_000, 30_000], driving: [20_000, 45_000] };
const MAX_DEPARTURE_DELAY_MS = 45_000;
const MINUTE = 60_000;
const M_PER_DEG_LAT = 111_320;

/** A stretch of the timeline: standing still when fromM === toM, otherwise moving at a constant speed. */
export type Phase = { fromMs: number; toMs: number; fromM: number; toM: number };

export type Journey = {
  start: LatLng;
  end: LatLng;
  /** The road from start to end, with the metres along it at each point. */
  path: LatLng[];
  along: number[];
  lengthM: number;
  /** Back to back from 0 to durationMs (ms after the simulation starts). */
  phases: Phase[];
  durationMs: number;
  /** The accuracy this participant's phone reports (m). */
  accuracyM: number;
  /** Planned to arrive after start + grace. */
  isLate: boolean;
};

export type PlanInput = {
  venue: LatLng & { radiusM: number };
  travelMode: TravelMode;
  count: number;
  now: Date;
  startsAt: Date;
  lateGraceMinutes: number;
  speedFactor?: number;
  maxDurationMs?: number;
  seed?: number;
};

/**
 * One journey per participant toward the venue: starts 1–4 km away in evenly spread directions, follows a bent grid
 * of streets, waits at a stop or two, and ends inside the arrival radius. Most set off close enough to arrive within
 * minutes; about one in eight starts far and slow enough (traffic) to arrive after start + grace, when the
 * simulation's time limit allows it.
 */
export function planJourneys(input: PlanInput): Journey[] {
  const random = seededRandom(input.seed ?? 1);
  const factor = input.speedFactor ?? DEMO_SPEED_FACTOR;
  const maxDurationMs = input.maxDurationMs ?? DEFAULT_MAX_DURATION_MS;
  const lateCount = input.count >= 2 ? Math.max(1, Math.round(input.count / 8)) : 0;
  const sector = (2 * Math.PI) / Math.max(1, input.count);
  const firstBearing = random() * 2 * Math.PI;
  const lateAfterMs = input.startsAt.getTime() + input.lateGraceMinutes * MINUTE - input.now.getTime();
  // Late ones aim well past start + grace (an ETA read from a noisy track can come out a few minutes early), inside the
  // time limit, and never arrive sooner than 8 minutes.
  const lateTargetMs = clamp(lateAfterMs + 8 * MINUTE, 8 * MINUTE, maxDurationMs - MINUTE);

  return Array.from({ length: input.count }, (_, i) => {
    const late = i < lateCount;
    const bearing = firstBearing + i * sector + (random() - 0.5) * 0.6 * sector;
    const distanceM = late ? between(random, LATE_START_M) : between(random, ON_TIME_START_M[input.travelMode]);
    const journey = planOne(input, random, {
      late,
      factor,
      bearing,
      distanceM,
      lateTargetMs,
    });
    return { ...journey, isLate: journey.durationMs > lateAfterMs };
  });
}

type Shape = { late: boolean; factor: number; bearing: number; distanceM: number; lateTargetMs: number };

function planOne(input: PlanInput, random: Random, shape: Shape): Omit<Journey, "isLate"> {
  const { venue, travelMode } = input;
  const start: XY = { x: shape.distanceM * Math.sin(shape.bearing), y: shape.distanceM * Math.cos(shape.bearing) };
  const endAngle = random() * 2 * Math.PI;
  const endOffset = END_SHARE * venue.radiusM * Math.sqrt(random());
  const end: XY = { x: endOffset * Math.sin(endAngle), y: endOffset * Math.cos(endAngle) };
  const xy = bendLegs(streetGrid(start, end, random), random);
  const along = [0];
  for (let k = 1; k < xy.length; k++) along.push(along[k - 1]! + dist(xy[k - 1]!, xy[k]!));
  const lengthM = along.at(-1)!;

  const plannedDepartMs = shape.late ? random() * 10_000 : random() * MAX_DEPARTURE_DELAY_MS;
  const stopCount = travelMode === "driving" ? 1 + Math.floor(random() * 2) : Math.floor(random() * 2);
  const stops = Array.from({ length: stopCount }, () => ({
    atM: between(random, [0.2, 0.85]) * lengthM,
    ms: between(random, STOP_MS[travelMode]) / shape.factor,
  })).sort((a, b) => a.atM - b.atM);
  const stoppedMs = stops.reduce((sum, s) => sum + s.ms, 0);

  const band = REAL_SPEED_BAND_MPS[travelMode];
  const lateSpeed = (lengthM / Math.max(1, shape.lateTargetMs - plannedDepartMs - stoppedMs)) * 1000;
  const cruise = shape.late
    ? clamp(lateSpeed, band.min, band.max * shape.factor)
    : between(random, CRUISE_MPS[travelMode]) * shape.factor;
  // A latecomer whose road is too short to be late even crawling through traffic leaves home later instead.
  const departMs = shape.late
    ? Math.max(plannedDepartMs, shape.lateTargetMs - stoppedMs - (lengthM / cruise) * 1000)
    : plannedDepartMs;

  const phases: Phase[] = [{ fromMs: 0, toMs: departMs, fromM: 0, toM: 0 }];
  let atMs = departMs;
  let atM = 0;
  for (const stop of [...stops, { atM: lengthM, ms: 0 }]) {
    const speed = shape.late ? cruise : cruise * between(random, STRETCH_VARIATION);
    const moveMs = ((stop.atM - atM) / speed) * 1000;
    phases.push({ fromMs: atMs, toMs: atMs + moveMs, fromM: atM, toM: stop.atM });
    atMs += moveMs;
    atM = stop.atM;
    if (stop.ms > 0) {
      phases.push({ fromMs: atMs, toMs: atMs + stop.ms, fromM: atM, toM: atM });
      atMs += stop.ms;
    }
  }

  const toLatLng = (p: XY) => fromPlane(p, venue);
  return {
    start: toLatLng(start),
    end: toLatLng(end),
    path: xy.map(toLatLng),
    along,
    lengthM,
    phases,
    durationMs: atMs,
    accuracyM: between(random, shape.late ? LATE_ACCURACY_M : ACCURACY_M[travelMode]),
  };
}

export type SimPosition = LatLng & { speedMps: number; headingDeg: number | null; isAtEnd: boolean };

/** Where the journey is `elapsedMs` after the simulation started (at the start before, at the end after). */
export function positionAt(journey: Journey, elapsedMs: number): SimPosition {
  const t = clamp(elapsedMs, 0, journey.durationMs);
  const phase = journey.phases.find((p) => t <= p.toMs) ?? journey.phases.at(-1)!;
  const span = phase.toMs - phase.fromMs;
  const m = span > 0 ? phase.fromM + ((phase.toM - phase.fromM) * (t - phase.fromMs)) / span : phase.toM;
  const moving = phase.toM > phase.fromM && elapsedMs < journey.durationMs;
  const speedMps = moving ? ((phase.toM - phase.fromM) / span) * 1000 : 0;

  const { path, along } = journey;
  let k = 1;
  while (k < along.length - 1 && along[k]! < m) k++;
  const a = path[k - 1]!;
  const b = path[k]!;
  const segment = along[k]! - along[k - 1]!;
  const f = segment > 0 ? clamp((m - along[k - 1]!) / segment, 0, 1) : 1;
  const position = { lat: a.lat + (b.lat - a.lat) * f, lng: a.lng + (b.lng - a.lng) * f };
  return { ...position, speedMps, headingDeg: moving ? bearingDeg(a, b) : null, isAtEnd: elapsedMs >= journey.durationMs };
}

/** A GPS reading of `position`: off by at most NOISE_SHARE of the accuracy, in a random direction. */
export function withGpsNoise(position: LatLng, accuracyM: number, random: Random): LatLng {
  const offset = NOISE_SHARE * accuracyM * Math.sqrt(random());
  const angle = random() * 2 * Math.PI;
  return fromPlane(
    { x: offset * Math.sin(angle), y: offset * Math.cos(angle) },
    position,
  );
}

type XY = { x: number; y: number };

/** A route along a street grid at a random angle: one or two blocks along each axis, alternating. */
function streetGrid(start: XY, end: XY, random: Random): XY[] {
  const angle = random() * (Math.PI / 2);
  const axes: [XY, XY] = [
    { x: Math.cos(angle), y: Math.sin(angle) },
    { x: -Math.sin(angle), y: Math.cos(angle) },
  ];
  const delta = { x: end.x - start.x, y: end.y - start.y };
  const legs = axes.map((axis) => {
    const total = delta.x * axis.x + delta.y * axis.y;
    const weights = Array.from({ length: 1 + Math.floor(random() * 2) }, () => 0.4 + random());
    const sum = weights.reduce((s, w) => s + w, 0);
    return weights.map((w) => ({ x: axis.x * total * (w / sum), y: axis.y * total * (w / sum) }));
  });
  const [first, second] = legs[0]!.length > legs[1]!.length || (legs[0]!.length === legs[1]!.length && random() < 0.5)
    ? [legs[0]!, legs[1]!]
    : [legs[1]!, legs[0]!];
  const points = [start];
  let at = start;
  for (let i = 0; i < first.length + second.length; i++) {
    const leg = (i % 2 === 0 ? first : second)[Math.floor(i / 2)];
    if (!leg) continue;
    at = { x: at.x + leg.x, y: at.y + leg.y };
    points.push(at);
  }
  points[points.length - 1] = end;
  return points;
}

/** Streets are rarely ruler-straight: each leg gets a gentle bend (at most 3 % of its length, 25 m). */
function bendLegs(corners: XY[], random: Random): XY[] {
  const out = [corners[0]!];
  for (let k = 1; k < corners.length; k++) {
    const a = corners[k - 1]!;
    const b = corners[k]!;
    const length = dist(a, b);
    if (length < 1) continue;
    const amplitude = (random() * 2 - 1) * Math.min(0.03 * length, 25);
    const normal = { x: -(b.y - a.y) / length, y: (b.x - a.x) / length };
    for (const t of [0.25, 0.5, 0.75]) {
      const bend = amplitude * Math.sin(Math.PI * t);
      out.push({ x: a.x + (b.x - a.x) * t + normal.x * bend, y: a.y + (b.y - a.y) * t + normal.y * bend });
    }
    out.push(b);
  }
  return out;
}

function fromPlane(p: XY, origin: LatLng): LatLng {
  const mPerDegLng = M_PER_DEG_LAT * Math.cos((origin.lat * Math.PI) / 180);
  return { lat: origin.lat + p.y / M_PER_DEG_LAT, lng: origin.lng + p.x / mPerDegLng };
}

function bearingDeg(a: LatLng, b: LatLng): number {
  const y = (b.lat - a.lat) * M_PER_DEG_LAT;
  const x = (b.lng - a.lng) * M_PER_DEG_LAT * Math.cos((a.lat * Math.PI) / 180);
  return ((Math.atan2(x, y) * 180) / Math.PI + 360) % 360;
}

const dist = (a: XY, b: XY) => Math.hypot(b.x - a.x, b.y - a.y);
const between = (random: Random, [min, max]: readonly [number, number]) => min + (max - min) * random();
const clamp = (v: number, min: number, max: number) => Math.min(max, Math.max(min, v));

