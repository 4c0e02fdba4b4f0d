import { describe, expect, it } from "vitest";
import { PLAUSIBLE_SPEED_MPS, TYPICAL_SPEED_MPS } from "./estimate";
import { estimateSpeed, type TrackFix } from "./speed";
import { buildTrack, offset, seededRandom, T0 } from "@/test/eta-tracks";

const start = { lat: 52.52, lng: 13.405 };
const KMH_30 = 30 / 3.6;
const SEEDS = Array.from({ length: 20 }, (_, i) => i + 1);

describe("estimateSpeed from the track", () => {
  it("measures a steady 30 km/h drive within 10 %, on every noisy run", () => {
    for (const seed of SEEDS) {
      const { fixes } = buildTrack([{ speedMps: KMH_30, durationS: 300, headingDeg: 40 }], {
        start,
        intervalS: 5,
        accuracyM: 10,
        noiseM: 7,
        seed,
      });
      const speed = estimateSpeed(fixes, "driving");
      expect(speed.source).toBe("track");
      expect(Math.abs(speed.speedMps - KMH_30) / KMH_30, `seed ${seed}`).toBeLessThan(0.1);
    }
  });

  it("measures a walker whose every step is smaller than the GPS noise (fixes every 3 s, 10 m accuracy)", () => {
    for (const seed of SEEDS) {
      const { fixes } = buildTrack([{ speedMps: 1.4, durationS: 300, headingDeg: 200 }], {
        start,
        intervalS: 3,
        accuracyM: 10,
        noiseM: 7,
        seed,
      });
      const speed = estimateSpeed(fixes, "walking");
      expect(speed.source).toBe("track");
      expect(Math.abs(speed.speedMps - 1.4) / 1.4, `seed ${seed}`).toBeLessThan(0.15);
    }
  });

  it("keeps the driving pace through a minute stopped at a traffic light, and while still waiting there", () => {
    for (const seed of SEEDS) {
      const options = { start, intervalS: 5, accuracyM: 10, noiseM: 7, seed };
      const through = buildTrack([{ speedMps: KMH_30, durationS: 120 }, { speedMps: 0, durationS: 60 }, { speedMps: KMH_30, durationS: 60 }], options);
      const waiting = buildTrack([{ speedMps: KMH_30, durationS: 180 }, { speedMps: 0, durationS: 90 }], options);
      for (const { fixes } of [through, waiting]) {
        const speed = estimateSpeed(fixes, "driving");
        expect(speed.source).toBe("track");
        expect(Math.abs(speed.speedMps - KMH_30) / KMH_30, `seed ${seed}`).toBeLessThan(0.1);
      }
    }
  });

  it("does not make a jittery, standing walker look like a car (or even a brisk walker)", () => {
    for (const seed of SEEDS) {
      // The phone flatters itself (noise as large as the reported accuracy) and twice jumps 150–250 m for one fix.
      const { fixes } = buildTrack([{ speedMps: 0, durationS: 300 }], { start, intervalS: 3, accuracyM: 15, noiseM: 15, seed });
      const random = seededRandom(seed);
      for (const i of [30, 70]) {
        const fix = fixes[i]!;
        fixes[i] = { ...fix, ...offset(fix, 150 + 100 * random(), 100 * random()), accuracyM: 40 };
      }
      const speed = estimateSpeed(fixes, "walking");
      expect(speed, `seed ${seed}`).toEqual({ speedMps: TYPICAL_SPEED_MPS.walking, source: "default" });
    }
  });

  it("rarely reads a standing phone that understates its error as moving (fixes every second for five minutes)", () => {
    // Claims 5 m but wobbles like 11 m: the worst common case. Count the runs, out of 100, that come out as "moving".
    const moving = Array.from({ length: 100 }, (_, i) => i + 1).filter((seed) => {
      const { fixes } = buildTrack([{ speedMps: 0, durationS: 300 }], { start, intervalS: 1, accuracyM: 5, noiseM: 7.5, seed });
      return estimateSpeed(fixes, "walking").source === "track";
    });
    expect(moving.length).toBeLessThanOrEqual(10);
  });

  it("keeps a walker's pace after they stop and their fixes wobble", () => {
    for (const seed of SEEDS) {
      const { fixes } = buildTrack([{ speedMps: 1.4, durationS: 180 }, { speedMps: 0, durationS: 120 }], {
        start,
        intervalS: 3,
        accuracyM: 10,
        noiseM: 7,
        seed,
      });
      const speed = estimateSpeed(fixes, "walking");
      expect(speed.speedMps, `seed ${seed}`).toBeGreaterThan(1.4 * 0.85);
      expect(speed.speedMps, `seed ${seed}`).toBeLessThan(1.4 * 1.2);
    }
  });

  it("ignores a single fix that jumps far away and straight back", () => {
    const { fixes } = buildTrack([{ speedMps: 1.4, durationS: 300 }], { start, intervalS: 5, accuracyM: 8, seed: 3 });
    const clean = estimateSpeed(fixes, "walking");
    const withSpike = fixes.map((f, i) => (i === 40 ? { ...f, ...offset(f, 0, 400) } : f));
    expect(estimateSpeed(withSpike, "walking").speedMps).toBeCloseTo(clean.speedMps, 1);
    expect(clean.speedMps).toBeCloseTo(1.4, 1);
  });

  it("does not turn a glitch of two fixes a fraction of a second apart into a huge speed on a short track", () => {
    for (const seed of SEEDS) {
      const { fixes } = buildTrack([{ speedMps: 1.4, durationS: 90 }], { start, intervalS: 3, accuracyM: 8, noiseM: 5, seed });
      const at = fixes[15]!;
      const glitch = [0.3, 0.6].map((s) => ({ ...offset(at, 0, 45), accuracyM: 8, recordedAtMs: at.recordedAtMs + s * 1000 }));
      const speed = estimateSpeed([...fixes.slice(0, 16), ...glitch, ...fixes.slice(16)], "walking");
      expect(speed.speedMps, `seed ${seed}`).toBeLessThan(1.4 * 1.25);
    }
  });

  it("does not turn fixes a fraction of a second apart into huge speeds", () => {
    for (const seed of SEEDS) {
      const { fixes } = buildTrack([{ speedMps: 1.2, durationS: 120 }], { start, intervalS: 0.5, accuracyM: 5, noiseM: 4, seed });
      const speed = estimateSpeed(fixes, "walking");
      expect(speed.speedMps, `seed ${seed}`).toBeLessThan(1.2 * 1.25);
    }
  });

  it("counts only the last five minutes: a new, slower pace wins over an old, faster one", () => {
    const { fixes } = buildTrack([{ speedMps: 15, durationS: 600 }, { speedMps: 5, durationS: 300 }], { start, intervalS: 5, accuracyM: 5 });
    expect(estimateSpeed(fixes, "driving").speedMps).toBeCloseTo(5, 1);
    expect(estimateSpeed(fixes, "driving", { windowMs: 30 * 60_000 }).speedMps).toBeCloseTo(15, 0);
  });

  it("gives the same answer for fixes that arrive out of order", () => {
    const { fixes } = buildTrack([{ speedMps: KMH_30, durationS: 200 }], { start, intervalS: 5, accuracyM: 10, noiseM: 7, seed: 9 });
    const random = seededRandom(4);
    const shuffled = [...fixes].sort(() => random() - 0.5);
    expect(estimateSpeed(shuffled, "driving")).toEqual(estimateSpeed(fixes, "driving"));
  });

  it("clamps track speeds to the travel mode's plausible band", () => {
    const cycling = buildTrack([{ speedMps: 6, durationS: 300 }], { start, intervalS: 5, accuracyM: 5 }).fixes;
    expect(estimateSpeed(cycling, "walking")).toEqual({ speedMps: PLAUSIBLE_SPEED_MPS.walking[1], source: "track" });
    const jam = buildTrack([{ speedMps: 1, durationS: 300 }], { start, intervalS: 5, accuracyM: 5 }).fixes;
    expect(estimateSpeed(jam, "driving")).toEqual({ speedMps: PLAUSIBLE_SPEED_MPS.driving[0], source: "track" });
  });

  it("does not measure speed from coarse (cell-tower) fixes", () => {
    const { fixes } = buildTrack([{ speedMps: 20, durationS: 300 }], { start, intervalS: 10, accuracyM: 500, noiseM: 300, seed: 2 });
    expect(estimateSpeed(fixes, "driving").source).not.toBe("track");
  });
});

describe("estimateSpeed fallbacks", () => {
  const fix = (s: number, speedMps: number | null, northM = 0): TrackFix => ({
    ...offset(start, northM, 0),
    accuracyM: 10,
    recordedAtMs: T0 + s * 1000,
    speedMps,
  });

  it("uses the speed the phone reports when the track is too short to measure", () => {
    expect(estimateSpeed([fix(0, 1.6)], "walking")).toEqual({ speedMps: 1.6, source: "device" });
    expect(estimateSpeed([fix(0, 9), fix(5, 0), fix(10, 8), fix(15, 8.5)], "driving")).toEqual({ speedMps: 8.25, source: "device" });
  });

  it("ignores a reported speed that is implausible for the travel mode", () => {
    expect(estimateSpeed([fix(0, 15)], "walking")).toEqual({ speedMps: TYPICAL_SPEED_MPS.walking, source: "default" });
    expect(estimateSpeed([fix(0, 0), fix(5, 0)], "driving")).toEqual({ speedMps: TYPICAL_SPEED_MPS.driving, source: "default" });
  });

  it("falls back to the typical speed without any usable fix or speed", () => {
    expect(estimateSpeed([], "walking")).toEqual({ speedMps: TYPICAL_SPEED_MPS.walking, source: "default" });
    expect(estimateSpeed([fix(0, null)], "driving")).toEqual({ speedMps: TYPICAL_SPEED_MPS.driving, source: "default" });
    expect(estimateSpeed([{ ...fix(0, null), lat: NaN }, fix(5, Number.NaN)], "walking").source).toBe("default");
  });

  it("prefers a measured track over the phone's reported speed", () => {
    const { fixes } = buildTrack([{ speedMps: 10, durationS: 120 }], { start, intervalS: 5, accuracyM: 5 });
    const speed = estimateSpeed(fixes.map((f) => ({ ...f, speedMps: 3 })), "driving");
    expect(speed.source).toBe("track");
    expect(speed.speedMps).toBeCloseTo(10, 1);
  });
});
