// Client-safe and pure: thinning a trail for the zoom level it is drawn at. Douglas–Peucker with the synchronized
// distance (how far a fix lies from where moving steadily between the kept points would put it at the fix's time), on
// a flat plane around the trail: the thinned trail draws the same line and replays the same timing, stops included.

/** One stored fix: [ms since epoch, lat, lng]. */
export type TrailPoint = [at: number, lat: number, lng: number];

const M_PER_DEG_LAT = 111_320;
const EARTH_M = 40_075_016.686;
/** Half a pixel would change nothing on screen; two pixels is where a kink starts to be visible. */
const TOLERANCE_PX = 2;
export const MIN_ZOOM = 0;
export const MAX_ZOOM = 22;

/** Metres one screen pixel covers at `zoom` at a latitude (MapLibre tiles are 512 px). */
export function metresPerPixel(lat: number, zoom: number): number {
  return (EARTH_M * Math.cos((lat * Math.PI) / 180)) / (512 * 2 ** zoom);
}

/** The tolerance (metres) a trail is thinned with when drawn at `zoom`. */
export function toleranceForZoom(lat: number, zoom: number): number {
  return TOLERANCE_PX * metresPerPixel(lat, zoom);
}

/**
 * The trail's points that matter at `toleranceM`: the first and the last always, and every fix further than the
 * tolerance from where the kept points around it would place it at its time. Iterative, so no stack overflow.
 */
export function thinTrail(points: readonly TrailPoint[], toleranceM: number): TrailPoint[] {
  if (points.length <= 2 || toleranceM <= 0) return [...points];
  const lat0 = points[0]![1];
  const kx = M_PER_DEG_LAT * Math.cos((lat0 * Math.PI) / 180);
  const xs = points.map((p) => p[2] * kx);
  const ys = points.map((p) => p[1] * M_PER_DEG_LAT);
  const keep = new Uint8Array(points.length);
  keep[0] = 1;
  keep[points.length - 1] = 1;
  const stack: [number, number][] = [[0, points.length - 1]];
  while (stack.length > 0) {
    const [from, to] = stack.pop()!;
    let farthest = -1;
    let farthestD = toleranceM;
    for (let i = from + 1; i < to; i++) {
      const d = synchronizedDistance(points, xs, ys, i, from, to);
      if (d > farthestD) {
        farthest = i;
        farthestD = d;
      }
    }
    if (farthest < 0) continue;
    keep[farthest] = 1;
    stack.push([from, farthest], [farthest, to]);
  }
  return points.filter((_, i) => keep[i] === 1);
}

/** Distance from fix `i` to the point moving steadily from `from` to `to` reaches at fix i's time. */
function synchronizedDistance(points: readonly TrailPoint[], xs: number[], ys: number[], i: number, from: number, to: number): number {
  const span = points[to]![0] - points[from]![0];
  const share = span <= 0 ? 0 : (points[i]![0] - points[from]![0]) / span;
  const x = xs[from]! + share * (xs[to]! - xs[from]!);
  const y = ys[from]! + share * (ys[to]! - ys[from]!);
  return Math.hypot(xs[i]! - x, ys[i]! - y);
}
