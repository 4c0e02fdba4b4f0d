import { CIRCUITY, haversineM, type LatLng, type TravelMode } from "./estimate";
import { estimateSpeed, type SpeedEstimate, type TrackFix } from "./speed";

/** How an ETA was made, and how far to trust it (shown beside it on the live map). */
export type EtaMethod = "osrm" | "track" | "device" | "default";
export type EtaConfidence = "high" | "medium" | "low";

// Pure and client-safe: settings (circuity, stale threshold) come in as parameters, OSRM's answer as data.

/** A participant without a fix for this long is shown as stale. */
export const STALE_AFTER_MS = 3 * 60_000;
/** A fix this coarse (cell tower, Wi-Fi) places someone only roughly. */
const POOR_ACCURACY_M = 100;
const MINUTE_MS = 60_000;

export type EtaInput = {
  venue: LatLng;
  travelMode: TravelMode;
  track: readonly TrackFix[];
  now: Date;
  /** Road distance ÷ straight line; default CIRCUITY. */
  circuity?: number;
  /** Default STALE_AFTER_MS. */
  staleAfterMs?: number;
  /** OSRM's answer for the newest fix; null when OSRM is off, failed or found no route. */
  route?: { durationS: number; distanceM: number | null } | null;
};

export type Eta = {
  etaAt: Date;
  /** Along the way: OSRM's road distance, or the straight line × circuity. */
  remainingM: number;
  method: EtaMethod;
  confidence: EtaConfidence;
  stale: boolean;
  lastFixAt: Date;
  /** The participant's estimated moving speed (track, device or typical), also when OSRM gave the duration. */
  speedMps: number;
};

/**
 * Predicted arrival from the newest fix: OSRM's duration when given, otherwise the remaining distance at the estimated
 * speed. Travel is counted from when the fix was taken, so a silent participant's estimate ages instead of sliding
 * forward with the clock; it never lies in the past. Null for a track without a valid fix.
 */
export function computeEta(input: EtaInput): Eta | null {
  const newest = newestFix(input.track);
  if (!newest) return null;
  // Named fields, not a spread: tsx/esbuild's spread helper costs microseconds per call, and the live view calls this per participant.
  const { venue, travelMode, now, circuity, staleAfterMs, route } = input;
  return etaFromFix({ venue, travelMode, now, circuity, staleAfterMs, route, newest, speed: estimateSpeed(input.track, travelMode) });
}

export type FixEtaInput = Omit<EtaInput, "track"> & { newest: TrackFix; speed: SpeedEstimate };

/**
 * computeEta from the newest fix and a speed already estimated: the refresh's path, whose speed comes from the motion
 * state the point-recording statements keep (speedFromMotion) instead of a track.
 */
export function etaFromFix(input: FixEtaInput): Eta {
  const { newest, speed } = input;
  const nowMs = input.now.getTime();
  const staleAfterMs = input.staleAfterMs ?? STALE_AFTER_MS;
  const ageMs = Math.max(0, nowMs - newest.recordedAtMs);
  const stale = ageMs > staleAfterMs;

  const route = isUsableRoute(input.route) ? input.route : null;
  const method: EtaMethod = route ? "osrm" : speed.source;
  const remainingM = route?.distanceM ?? haversineM(newest, input.venue) * (input.circuity ?? CIRCUITY);
  const travelS = route ? route.durationS : remainingM / speed.speedMps;

  return {
    etaAt: new Date(Math.max(nowMs, newest.recordedAtMs + Math.round(travelS * 1000))),
    remainingM,
    method,
    confidence: stale ? "low" : confidenceOf(method, ageMs > staleAfterMs / 2 || newest.accuracyM > POOR_ACCURACY_M),
    stale,
    lastFixAt: new Date(newest.recordedAtMs),
    speedMps: speed.speedMps,
  };
}

/**
 * Late means predicted to arrive after start + grace; `lateMinutes` counts from there, rounded up so that a late
 * participant is never shown as "0 min late".
 */
export function lateness(etaAt: Date | null, startsAt: Date, graceMinutes: number): { isLate: boolean; lateMinutes: number | null } {
  if (!etaAt) return { isLate: false, lateMinutes: null };
  const overMs = etaAt.getTime() - (startsAt.getTime() + Math.max(0, graceMinutes) * MINUTE_MS);
  if (!(overMs > 0)) return { isLate: false, lateMinutes: null };
  return { isLate: true, lateMinutes: Math.ceil(overMs / MINUTE_MS) };
}

/** Road routing beats the straight line; a typical speed is a guess. A doubtful fix costs one step. */
function confidenceOf(method: EtaMethod, isDoubtful: boolean): EtaConfidence {
  const level = (method === "osrm" ? 2 : method === "default" ? 0 : 1) - (isDoubtful ? 1 : 0);
  return level >= 2 ? "high" : level === 1 ? "medium" : "low";
}

function newestFix(track: readonly TrackFix[]): TrackFix | null {
  let newest: TrackFix | null = null;
  for (const fix of track) {
    if (!Number.isFinite(fix.recordedAtMs) || !Number.isFinite(fix.lat) || !Number.isFinite(fix.lng)) continue;
    if (!newest || fix.recordedAtMs >= newest.recordedAtMs) newest = fix;
  }
  return newest;
}

function isUsableRoute(route: EtaInput["route"]): route is { durationS: number; distanceM: number | null } {
  return !!route && Number.isFinite(route.durationS) && route.durationS >= 0;
}
