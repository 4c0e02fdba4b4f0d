import { planJourneys, positionAt, seededRandom, withGpsNoise } from "./paths";

/** One fix every this often, as a phone sharing its position would send. */
const FIX_EVERY_MS = 15_000;

type Arrival = { attendanceId: string; checkedInAt: Date };
type Venue = { lat: number; lng: number; radiusM: number };

/**
 * The fixes an occurrence that is over would have left: for each arrival, a drive toward the venue (the simulator's
 * streets, at real speed) that ends in the arrival area at the check-in time. Deterministic for a seed, so the demo's
 * replay tells the same story every time.
 */
export function pastTrails(
  run: { organizationId: string; startsAt: Date; venue: Venue; lateGraceMinutes: number },
  arrivals: readonly Arrival[],
  seed = 20261207,
) {
  const journeys = planJourneys({
    venue: run.venue,
    travelMode: "driving",
    count: arrivals.length,
    now: new Date(run.startsAt.getTime() - 20 * 60_000),
    startsAt: run.startsAt,
    lateGraceMinutes: run.lateGraceMinutes,
    speedFactor: 1,
    seed,
  });
  const random = seededRandom(seed);
  return arrivals.flatMap(({ attendanceId, checkedInAt }, i) => {
    const journey = journeys[i]!;
    const setOff = checkedInAt.getTime() - journey.durationMs;
    const fixes = Math.floor(journey.durationMs / FIX_EVERY_MS);
    return Array.from({ length: fixes + 1 }, (_, k) => {
      const elapsed = k === fixes ? journey.durationMs : k * FIX_EVERY_MS;
      const at = positionAt(journey, elapsed);
      const read = withGpsNoise(at, journey.accuracyM, random);
      return {
        organizationId: run.organizationId,
        attendanceId,
        recordedAt: new Date(setOff + elapsed),
        receivedAt: new Date(setOff + elapsed + 800),
        lat: read.lat,
        lng: read.lng,
        accuracyM: journey.accuracyM,
        speedMps: at.speedMps,
        headingDeg: at.headingDeg,
      };
    });
  });
}
