import { describe, expect, it } from "vitest";
import { CIRCUITY, haversineM, TYPICAL_SPEED_MPS } from "./estimate";
import { computeEta, lateness, STALE_AFTER_MS } from "./eta";
import type { TrackFix } from "./speed";
import { buildTrack, offset, T0 } from "@/test/eta-tracks";

const start = { lat: 52.52, lng: 13.405 };
const KMH_30 = 30 / 3.6;
const SECOND = 1000;
const MINUTE = 60 * SECOND;

/** Five minutes driving north at 30 km/h with ordinary GPS noise; the venue lies `aheadM` further north on the same road. */
function drivingNorth(aheadM: number, seed = 1) {
  const trip = buildTrack([{ speedMps: KMH_30, durationS: 300 }], { start, intervalS: 5, accuracyM: 10, noiseM: 7, seed });
  return { ...trip, venue: offset(trip.end, aheadM, 0) };
}

const secondsBetween = (from: number, to: Date) => (to.getTime() - from) / SECOND;

describe("computeEta", () => {
  it("predicts a steady 30 km/h drive within 10 % of the real arrival", () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const { fixes, venue, endMs } = drivingNorth(5000, seed);
      const eta = computeEta({ venue, travelMode: "driving", track: fixes, now: new Date(endMs + 2 * SECOND), circuity: 1 })!;
      const actualS = 5000 / KMH_30;
      expect(eta.method).toBe("track");
      expect(Math.abs(secondsBetween(endMs, eta.etaAt) - actualS) / actualS, `seed ${seed}`).toBeLessThan(0.1);
    }
  });

  it("multiplies the straight line by the circuity factor (1.3 unless told otherwise)", () => {
    const { fixes, venue, endMs } = drivingNorth(5000);
    const now = new Date(endMs);
    const straight = computeEta({ venue, travelMode: "driving", track: fixes, now, circuity: 1 })!;
    const usual = computeEta({ venue, travelMode: "driving", track: fixes, now })!;
    const winding = computeEta({ venue, travelMode: "driving", track: fixes, now, circuity: 2 })!;
    expect(usual.remainingM / straight.remainingM).toBeCloseTo(CIRCUITY, 6);
    expect(winding.remainingM / straight.remainingM).toBeCloseTo(2, 6);
    expect(secondsBetween(endMs, winding.etaAt) / secondsBetween(endMs, straight.etaAt)).toBeCloseTo(2, 2);
  });

  it("keeps a driver waiting at a traffic light on a finite ETA close to the moving one", () => {
    const moving = drivingNorth(3000);
    const waiting = buildTrack([{ speedMps: KMH_30, durationS: 240 }, { speedMps: 0, durationS: 60 }], {
      start,
      intervalS: 5,
      accuracyM: 10,
      noiseM: 7,
    });
    const venue = offset(waiting.end, 3000, 0);
    const now = new Date(waiting.endMs);
    const atLight = computeEta({ venue, travelMode: "driving", track: waiting.fixes, now, circuity: 1 })!;
    const whileMoving = computeEta({ venue: moving.venue, travelMode: "driving", track: moving.fixes, now: new Date(moving.endMs), circuity: 1 })!;
    const atLightS = secondsBetween(waiting.endMs, atLight.etaAt);
    expect(Number.isFinite(atLightS)).toBe(true);
    expect(atLight.method).toBe("track");
    expect(Math.abs(atLightS - secondsBetween(moving.endMs, whileMoving.etaAt)) / atLightS).toBeLessThan(0.1);
  });

  it("assumes the typical speed for someone who has not moved in the whole window, never a standstill", () => {
    const { fixes, endMs } = buildTrack([{ speedMps: 0, durationS: 300 }], { start, intervalS: 5, accuracyM: 10, noiseM: 7 });
    const venue = offset(start, 2000, 0);
    const eta = computeEta({ venue, travelMode: "driving", track: fixes, now: new Date(endMs) })!;
    expect(eta.method).toBe("default");
    expect(eta.speedMps).toBe(TYPICAL_SPEED_MPS.driving);
    expect(secondsBetween(endMs, eta.etaAt)).toBeCloseTo((haversineM(fixes.at(-1)!, venue) * CIRCUITY) / TYPICAL_SPEED_MPS.driving, 0);
  });

  it("reports the remaining distance from the newest fix by time, whatever the order of the track", () => {
    const { fixes, venue, endMs } = drivingNorth(4000);
    const reversed = [...fixes].reverse();
    const eta = computeEta({ venue, travelMode: "driving", track: reversed, now: new Date(endMs) })!;
    expect(eta.lastFixAt).toEqual(new Date(fixes.at(-1)!.recordedAtMs));
    expect(eta.remainingM).toBeCloseTo(haversineM(fixes.at(-1)!, venue) * CIRCUITY, 6);
    expect(eta).toEqual(computeEta({ venue, travelMode: "driving", track: fixes, now: new Date(endMs) }));
  });

  it("returns null for an empty track or one without a valid fix", () => {
    const now = new Date(T0);
    expect(computeEta({ venue: start, travelMode: "walking", track: [], now })).toBeNull();
    const broken: TrackFix = { lat: NaN, lng: 13.4, accuracyM: 10, recordedAtMs: T0 };
    expect(computeEta({ venue: start, travelMode: "walking", track: [broken], now })).toBeNull();
  });

  it("never predicts an arrival in the past, e.g. for someone already at the venue", () => {
    const here: TrackFix = { ...start, accuracyM: 5, recordedAtMs: T0 - 30 * SECOND };
    const eta = computeEta({ venue: start, travelMode: "walking", track: [here], now: new Date(T0) })!;
    expect(eta.remainingM).toBe(0);
    expect(eta.etaAt).toEqual(new Date(T0));
  });
});

describe("computeEta staleness", () => {
  // 1,000 m north of the venue, walking: 1,300 m along the way at the typical 1.3 m/s is 1,000 s (16 min 40 s).
  const venue = start;
  const lastFix = (ageMs: number, now: number): TrackFix => ({ ...offset(venue, 1000, 0), accuracyM: 10, recordedAtMs: now - ageMs });
  const travelMs = ((1000 * CIRCUITY) / TYPICAL_SPEED_MPS.walking) * SECOND;

  it("counts travel from the last fix, so a silent participant's ETA does not slide forward with the clock", () => {
    const now = T0 + 10 * MINUTE;
    const eta = computeEta({ venue, travelMode: "walking", track: [lastFix(10 * MINUTE, now)], now: new Date(now) })!;
    expect(eta.stale).toBe(true);
    expect(eta.confidence).toBe("low");
    expect(eta.lastFixAt).toEqual(new Date(T0));
    expect(eta.etaAt.getTime()).toBeCloseTo(T0 + travelMs, -3);
    // Five minutes later, no news: the same prediction, not five minutes later.
    const later = computeEta({ venue, travelMode: "walking", track: [lastFix(15 * MINUTE, now + 5 * MINUTE)], now: new Date(now + 5 * MINUTE) })!;
    expect(later.etaAt).toEqual(eta.etaAt);
  });

  it("once the expected travel time has run out, predicts arrival now rather than in the past", () => {
    const now = T0 + 30 * MINUTE;
    const eta = computeEta({ venue, travelMode: "walking", track: [lastFix(30 * MINUTE, now)], now: new Date(now) })!;
    expect(eta.stale).toBe(true);
    expect(eta.etaAt).toEqual(new Date(now));
  });

  it("is stale after three minutes without a fix by default, or after the threshold it is given", () => {
    const now = T0;
    const at = (ageMs: number, staleAfterMs?: number) =>
      computeEta({ venue, travelMode: "walking", track: [lastFix(ageMs, now)], now: new Date(now), staleAfterMs })!;
    expect(STALE_AFTER_MS).toBe(3 * MINUTE);
    expect(at(3 * MINUTE - SECOND).stale).toBe(false);
    expect(at(3 * MINUTE + SECOND).stale).toBe(true);
    expect(at(90 * SECOND, MINUTE).stale).toBe(true);
    expect(at(10 * MINUTE, 15 * MINUTE).stale).toBe(false);
  });

  it("a fresh fix's ETA also starts from when the fix was taken", () => {
    const now = T0;
    const eta = computeEta({ venue, travelMode: "walking", track: [lastFix(20 * SECOND, now)], now: new Date(now) })!;
    expect(eta.stale).toBe(false);
    expect(eta.etaAt.getTime()).toBeCloseTo(now - 20 * SECOND + travelMs, -3);
  });
});

describe("computeEta with an OSRM route", () => {
  const { fixes, venue, endMs } = drivingNorth(5000);
  const now = new Date(endMs + 5 * SECOND);
  const newest = fixes.at(-1)!;

  it("takes OSRM's duration and road distance, counted from the newest fix", () => {
    const eta = computeEta({ venue, travelMode: "driving", track: fixes, now, route: { durationS: 900, distanceM: 7200 } })!;
    expect(eta.method).toBe("osrm");
    expect(eta.confidence).toBe("high");
    expect(eta.remainingM).toBe(7200);
    expect(eta.etaAt).toEqual(new Date(newest.recordedAtMs + 900 * SECOND));
    // The participant's own pace is still reported.
    expect(eta.speedMps).toBeGreaterThan(KMH_30 * 0.9);
  });

  it("falls back to straight line × circuity for the distance when OSRM gave none", () => {
    const eta = computeEta({ venue, travelMode: "driving", track: fixes, now, route: { durationS: 900, distanceM: null } })!;
    expect(eta.method).toBe("osrm");
    expect(eta.remainingM).toBeCloseTo(haversineM(newest, venue) * CIRCUITY, 6);
  });

  it("uses the track estimate when there is no route or it is unusable", () => {
    for (const route of [null, undefined, { durationS: Number.NaN, distanceM: 10 }, { durationS: -5, distanceM: null }]) {
      expect(computeEta({ venue, travelMode: "driving", track: fixes, now, route })!.method).toBe("track");
    }
  });
});

describe("computeEta confidence", () => {
  const venue = start;
  const at = (ageMs: number, accuracyM: number, speedMps: number | null = null): TrackFix => ({
    ...offset(venue, 2000, 0),
    accuracyM,
    recordedAtMs: T0 - ageMs,
    speedMps,
  });
  const confidence = (track: TrackFix[], route?: { durationS: number; distanceM: number | null }) =>
    computeEta({ venue, travelMode: "walking", track, now: new Date(T0), route })!.confidence;

  it("is high for a fresh OSRM route, medium for a measured or reported speed, low for a typical-speed guess", () => {
    expect(confidence([at(10 * SECOND, 10)], { durationS: 1500, distanceM: 2400 })).toBe("high");
    expect(confidence([at(10 * SECOND, 10, 1.4)])).toBe("medium");
    expect(confidence([at(10 * SECOND, 10)])).toBe("low");
    const { fixes } = buildTrack([{ speedMps: 1.4, durationS: 300 }], { start: offset(venue, 2500, 0), intervalS: 5, accuracyM: 8, startMs: T0 - 300 * SECOND });
    expect(computeEta({ venue, travelMode: "walking", track: fixes, now: new Date(T0) })).toMatchObject({ method: "track", confidence: "medium" });
  });

  it("drops a step for a coarse fix or one older than half the stale threshold, and is low once stale", () => {
    const route = { durationS: 1500, distanceM: 2400 };
    expect(confidence([at(10 * SECOND, 250)], route)).toBe("medium");
    expect(confidence([at(2 * MINUTE, 10)], route)).toBe("medium");
    expect(confidence([at(2 * MINUTE, 10, 1.4)])).toBe("low");
    expect(confidence([at(5 * MINUTE, 10)], route)).toBe("low");
  });
});

describe("lateness", () => {
  const startsAt = new Date("2026-11-24T09:00:00Z");
  const etaAt = (minutesAfterStart: number) => new Date(startsAt.getTime() + minutesAfterStart * MINUTE);

  it("is not late without a prediction", () => {
    expect(lateness(null, startsAt, 5)).toEqual({ isLate: false, lateMinutes: null });
  });

  it("is not late before the start, within the grace period, or exactly at its end", () => {
    expect(lateness(etaAt(-10), startsAt, 5)).toEqual({ isLate: false, lateMinutes: null });
    expect(lateness(etaAt(4), startsAt, 5)).toEqual({ isLate: false, lateMinutes: null });
    expect(lateness(etaAt(5), startsAt, 5)).toEqual({ isLate: false, lateMinutes: null });
  });

  it("counts minutes late from start + grace, rounded up so a late participant is never 0 min late", () => {
    expect(lateness(new Date(etaAt(5).getTime() + SECOND), startsAt, 5)).toEqual({ isLate: true, lateMinutes: 1 });
    expect(lateness(etaAt(12.5), startsAt, 5)).toEqual({ isLate: true, lateMinutes: 8 });
    expect(lateness(etaAt(3), startsAt, 0)).toEqual({ isLate: true, lateMinutes: 3 });
  });

  it("treats a negative grace as none", () => {
    expect(lateness(etaAt(2), startsAt, -10)).toEqual({ isLate: true, lateMinutes: 2 });
  });
});
