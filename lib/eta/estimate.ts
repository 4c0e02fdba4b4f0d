// Client-safe and pure: the participant page computes the same distance and ETA offline as the server does.

export type LatLng = { lat: number; lng: number };
export type TravelMode = "walking" | "driving";

const EARTH_RADIUS_M = 6_371_008.8;
const toRad = (deg: number) => (deg * Math.PI) / 180;

/** Great-circle distance in metres. */
export function haversineM(a: LatLng, b: LatLng): number {
  const dLat = toRad(b.lat - a.lat);
  const dLng = toRad(b.lng - a.lng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(toRad(a.lat)) * Math.cos(toRad(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Roads and paths are longer than the straight line; 1.3 is a common urban average. */
export const CIRCUITY = 1.3;
/** Typical door-to-door speeds when the phone reports none we can trust (m/s). */
export const TYPICAL_SPEED_MPS: Record<TravelMode, number> = { walking: 1.3, driving: 8.3 };
/** Speeds outside this band (standing at a light, GPS spikes) are not taken at face value (m/s). */
export const PLAUSIBLE_SPEED_MPS: Record<TravelMode, [number, number]> = { walking: [0.5, 3], driving: [2, 40] };

/**
 * When someone `distanceM` away (straight line) is expected at the venue: the route is taken as CIRCUITY × the
 * straight line, covered at the observed speed when it is plausible for the travel mode, otherwise at a typical one.
 */
export function estimateEtaAt(input: { distanceM: number; travelMode: TravelMode; speedMps?: number | null; now: Date }): Date {
  const [min, max] = PLAUSIBLE_SPEED_MPS[input.travelMode];
  const observed = input.speedMps ?? null;
  const speed = observed !== null && observed >= min && observed <= max ? observed : TYPICAL_SPEED_MPS[input.travelMode];
  const seconds = (input.distanceM * CIRCUITY) / speed;
  return new Date(input.now.getTime() + Math.round(seconds * 1000));
}
