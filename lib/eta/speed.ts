import { PLAUSIBLE_SPEED_MPS, TYPICAL_SPEED_MPS, type TravelMode } from "./estimate";

// Pure and client-safe. The refresh runs this for every participant of every open occurrence (10,000 tracks of 30 fixes
// take about 20 ms), so it works in reused typed arrays and flat-earth metres rather than objects and trigonometry.

export type TrackFix = { lat: number; lng: number; accuracyM: number; recordedAtMs: number; speedMps?: number | null };
export type SpeedSource = "track" | "device" | "default";
export type SpeedEstimate = { speedMps: number; source: SpeedSource };

/** How far back from the newest fix the track counts: recent enough to follow a change of pace. */
export const SPEED_WINDOW_MS = 5 * 60_000;
/** Fixes closer together than this say more about GPS noise than about movement; the next one is used instead. */
const MIN_GAP_MS = 2_000;
/** Cell-tower and Wi-Fi fixes are too coarse to measure speed with. */
const MAX_ACCURACY_M = 100;
/**
 * Reported accuracy is about a 68 % radius, so a standing phone's fixes often land outside it; movement counts once two
 * fixes are apart by twice the sum of their accuracies (tuned on simulated jitter: standing still reads as standing).
 */
const NOISE_FLOOR_FACTOR = 2;
/** Even precise fixes wobble by a few metres. */
const MIN_NOISE_FLOOR_M = 5;
/** One segment alone could come from a single wild fix. */
const MIN_SEGMENTS = 2;

const M_PER_DEG = (6_371_008.8 * Math.PI) / 180;

/**
 * The participant's moving speed: the median speed of the last few minutes' segments, each running from one fix to the
 * first later fix farther away than GPS noise explains (positions first smoothed by a 3-point median). Stops (a traffic
 * light) add no segment rather than a zero, one or two fixes that jump away and back are dropped, and a track that ends
 * where it began, within the noise, is standing still. Track speeds are clamped to the travel mode's band. Without enough
 * track: the median speed the phone reported, when plausible for the mode, else the mode's typical speed.
 */
export function estimateSpeed(
  track: readonly TrackFix[],
  travelMode: TravelMode,
  options: { windowMs?: number } = {},
): SpeedEstimate {
  const [minSpeed, maxSpeed] = PLAUSIBLE_SPEED_MPS[travelMode];
  const fixes = inTimeOrder(track);
  const newest = fixes[fixes.length - 1];
  if (!newest) return { speedMps: TYPICAL_SPEED_MPS[travelMode], source: "default" };

  const since = newest.recordedAtMs - (options.windowMs ?? SPEED_WINDOW_MS);
  let from = fixes.length - 1;
  while (from > 0 && fixes[from - 1]!.recordedAtMs >= since) from--;

  const trackSpeed = medianSegmentSpeed(fixes, from);
  if (trackSpeed !== null) return { speedMps: Math.min(maxSpeed, Math.max(minSpeed, trackSpeed)), source: "track" };

  ensureScratch(fixes.length - from);
  let count = 0;
  for (let i = from; i < fixes.length; i++) {
    const reported = fixes[i]!.speedMps;
    if (typeof reported === "number" && reported >= 0 && reported < Infinity) values[count++] = reported;
  }
  const deviceSpeed = count > 0 ? medianOf(values, count) : null;
  if (deviceSpeed !== null && deviceSpeed >= minSpeed && deviceSpeed <= maxSpeed) return { speedMps: deviceSpeed, source: "device" };

  return { speedMps: TYPICAL_SPEED_MPS[travelMode], source: "default" };
}

/** What the point-recording statements keep per traveller (drizzle/0015's motion_advance): medians, m/s, or null. */
export type MotionSpeeds = { trackMps: number | null; deviceMps: number | null };

/**
 * estimateSpeed's rules applied to the motion state's medians instead of a track: the track speed clamped to the travel
 * mode's band, else the device-reported speed when plausible, else the mode's typical speed.
 */
export function speedFromMotion(motion: MotionSpeeds, travelMode: TravelMode): SpeedEstimate {
  const [minSpeed, maxSpeed] = PLAUSIBLE_SPEED_MPS[travelMode];
  const track = motion.trackMps;
  if (track !== null && Number.isFinite(track)) return { speedMps: Math.min(maxSpeed, Math.max(minSpeed, track)), source: "track" };
  const device = motion.deviceMps;
  if (device !== null && device >= minSpeed && device <= maxSpeed) return { speedMps: device, source: "device" };
  return { speedMps: TYPICAL_SPEED_MPS[travelMode], source: "default" };
}

/** Median segment speed (m/s) of the usable fixes from index `from` on, or null when they show no real movement. */
function medianSegmentSpeed(fixes: readonly TrackFix[], from: number): number | null {
  ensureScratch(fixes.length - from);

  // Local metres around the first usable fix: flat-earth is exact enough over the few kilometres of a recent track.
  let n = 0;
  let reference: TrackFix | null = null;
  let cosLat = 1;
  for (let i = from; i < fixes.length; i++) {
    const fix = fixes[i]!;
    if (!(fix.accuracyM > 0 && fix.accuracyM <= MAX_ACCURACY_M) || !Number.isFinite(fix.lat) || !Number.isFinite(fix.lng)) continue;
    if (!reference) {
      reference = fix;
      cosLat = Math.cos((fix.lat * Math.PI) / 180);
    }
    let dLng = fix.lng - reference.lng;
    if (dLng > 180) dLng -= 360;
    else if (dLng < -180) dLng += 360;
    x[n] = dLng * cosLat * M_PER_DEG;
    y[n] = (fix.lat - reference.lat) * M_PER_DEG;
    accuracy[n] = fix.accuracyM;
    at[n] = fix.recordedAtMs;
    n++;
  }
  if (n < MIN_SEGMENTS + 1) return null;

  // Each position becomes the median of itself and its neighbours: a single wild fix vanishes, steady movement stays.
  let previousX = x[0]!;
  let previousY = y[0]!;
  for (let k = 1; k < n - 1; k++) {
    const ownX = x[k]!;
    const ownY = y[k]!;
    x[k] = median3(previousX, ownX, x[k + 1]!);
    y[k] = median3(previousY, ownY, y[k + 1]!);
    previousX = ownX;
    previousY = ownY;
  }

  // Someone who ends up where they started (within the noise) has been standing still, however the fixes wobbled.
  if (apart(0, n - 1) <= noiseFloor(0, n - 1)) return null;

  let count = 0;
  let anchor = 0;
  for (let k = 1; k < n; k++) {
    const gapMs = at[k]! - at[anchor]!;
    if (gapMs < MIN_GAP_MS) continue;
    const d = apart(anchor, k);
    // Still inside the noise: keep the anchor so slow movement adds up over several fixes.
    if (d <= noiseFloor(anchor, k)) continue;
    // One of the next two fixes is back near the anchor, or carries on from it as if this one had not happened:
    // the fix jumped, the person did not.
    if (isJumpAway(anchor, k, k + 1, n) || isJumpAway(anchor, k, k + 2, n)) continue;
    values[count++] = (d * 1000) / gapMs;
    anchor = k;
  }
  return count >= MIN_SEGMENTS ? medianOf(values, count) : null;
}

/** Tracks usually arrive sorted; copy and sort only when they do not. */
function inTimeOrder(track: readonly TrackFix[]): readonly TrackFix[] {
  for (let i = 1; i < track.length; i++) {
    if (!(track[i]!.recordedAtMs >= track[i - 1]!.recordedAtMs)) {
      return track.filter((f) => Number.isFinite(f.recordedAtMs)).sort((a, b) => a.recordedAtMs - b.recordedAtMs);
    }
  }
  return track.length === 1 && !Number.isFinite(track[0]!.recordedAtMs) ? [] : track;
}

// Buffers reused from call to call: the refresh calls this thousands of times in a row, and JavaScript is single-threaded.
let x = new Float64Array(64);
let y = new Float64Array(64);
let accuracy = new Float64Array(64);
let at = new Float64Array(64);
let values = new Float64Array(64);

function ensureScratch(size: number): void {
  if (size <= values.length) return;
  const capacity = Math.max(size, 2 * values.length);
  x = new Float64Array(capacity);
  y = new Float64Array(capacity);
  accuracy = new Float64Array(capacity);
  at = new Float64Array(capacity);
  values = new Float64Array(capacity);
}

/** Metres between the a-th and b-th fix in the buffers. */
function apart(a: number, b: number): number {
  const dx = x[b]! - x[a]!;
  const dy = y[b]! - y[a]!;
  return Math.sqrt(dx * dx + dy * dy);
}

/** Seen from fix c, fix b was a jump away from fix a: c is within the noise of a, or b is a detour noise cannot explain. */
function isJumpAway(a: number, b: number, c: number, n: number): boolean {
  if (c >= n) return false;
  const direct = apart(a, c);
  return direct <= noiseFloor(a, c) || apart(a, b) + apart(b, c) - direct > noiseFloor(b, c);
}

/** Below this distance the a-th and b-th fix cannot tell movement from noise. */
function noiseFloor(a: number, b: number): number {
  return Math.max(MIN_NOISE_FLOOR_M, NOISE_FLOOR_FACTOR * (accuracy[a]! + accuracy[b]!));
}

function median3(a: number, b: number, c: number): number {
  return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
}

/** Median of the first `count` values (sorted in place by insertion: the lists are a few dozen long). */
function medianOf(list: Float64Array, count: number): number {
  for (let i = 1; i < count; i++) {
    const value = list[i]!;
    let j = i - 1;
    while (j >= 0 && list[j]! > value) {
      list[j + 1] = list[j]!;
      j--;
    }
    list[j + 1] = value;
  }
  const mid = count >> 1;
  return count % 2 === 1 ? list[mid]! : (list[mid - 1]! + list[mid]!) / 2;
}
