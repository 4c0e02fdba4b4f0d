import { seededRandom } from "@/lib/utils";
import type { LatLng } from "@/lib/eta/estimate";
import type { TrackFix } from "@/lib/eta/speed";

// Test-only: synthetic tracks built leg by leg, with reproducible GPS noise.

export const T0 = Date.parse("2026-11-24T07:00:00Z");
const M_PER_DEG_LAT = 111_194.93;

/** The point `northM` metres north and `eastM` metres east of `from`. */
export function offset(from: LatLng, northM: number, eastM: number): LatLng {
  return {
    lat: from.lat + northM / M_PER_DEG_LAT,
    lng: from.lng + eastM / (M_PER_DEG_LAT * Math.cos((from.lat * Math.PI) / 180)),
  };
}

export { seededRandom } from "@/lib/utils";

/** A normally distributed value with standard deviation `sigma` (Box–Muller). */
export function gaussian(random: () => number, sigma: number): number {
  return sigma * Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

export type Leg = {
  /** Metres per second along `headingDeg` (0 = north, 90 = east); 0 for a stop. */
  speedMps: number;
  durationS: number;
  headingDeg?: number;
};

export type TrackOptions = {
  start: LatLng;
  startMs?: number;
  intervalS: number;
  /** Accuracy the phone reports for every fix. */
  accuracyM: number;
  /** Standard deviation of the position error per axis (metres); 0 for perfect fixes. */
  noiseM?: number;
  /** Attach the true speed as the device-reported speed. */
  withDeviceSpeed?: boolean;
  seed?: number;
};

/**
 * A track that follows the legs one after another, one fix every `intervalS` seconds (the first at the start),
 * each fix displaced by Gaussian noise. Returns the fixes and where the person really is at the end.
 */
export function buildTrack(legs: readonly Leg[], options: TrackOptions): { fixes: TrackFix[]; end: LatLng; endMs: number } {
  const random = seededRandom(options.seed ?? 1);
  const noise = options.noiseM ?? 0;
  const startMs = options.startMs ?? T0;
  const totalS = legs.reduce((sum, leg) => sum + leg.durationS, 0);
  const fixes: TrackFix[] = [];
  for (let s = 0; s <= totalS + 1e-9; s += options.intervalS) {
    const { position, speedMps } = positionAt(legs, options.start, s);
    const seen = offset(position, gaussian(random, noise), gaussian(random, noise));
    fixes.push({
      lat: seen.lat,
      lng: seen.lng,
      accuracyM: options.accuracyM,
      recordedAtMs: startMs + Math.round(s * 1000),
      speedMps: options.withDeviceSpeed ? speedMps : null,
    });
  }
  return { fixes, end: positionAt(legs, options.start, totalS).position, endMs: startMs + totalS * 1000 };
}

function positionAt(legs: readonly Leg[], start: LatLng, atS: number): { position: LatLng; speedMps: number } {
  let position = start;
  let elapsed = 0;
  let speedMps = 0;
  for (const leg of legs) {
    const s = Math.min(leg.durationS, atS - elapsed);
    if (s < 0) break;
    const heading = ((leg.headingDeg ?? 0) * Math.PI) / 180;
    const metres = leg.speedMps * s;
    position = offset(position, metres * Math.cos(heading), metres * Math.sin(heading));
    speedMps = leg.speedMps;
    elapsed += leg.durationS;
  }
  return { position, speedMps };
}
