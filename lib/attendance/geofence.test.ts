import { describe, expect, it } from "vitest";
import { detectArrival, isInside, isSurelyInside, type Fix } from "./geofence";

const fence = { lat: 52.52, lng: 13.405, radiusM: 150 };
const t0 = Date.parse("2026-11-24T07:00:00Z");
/** A fix `metres` north of the venue, `s` seconds after t0. */
const fix = (metres: number, accuracyM: number, s: number): Fix => ({
  lat: fence.lat + metres / 111_320,
  lng: fence.lng,
  accuracyM,
  recordedAt: new Date(t0 + s * 1000),
});

describe("geofence", () => {
  it("a precise fix well inside the radius checks in at once", () => {
    expect(isSurelyInside(fix(100, 20, 0), fence)).toBe(true);
    expect(detectArrival(null, [fix(400, 10, 0), fix(100, 20, 5)], fence)?.recordedAt).toEqual(new Date(t0 + 5000));
  });

  it("one jittery fix inside (its accuracy circle reaches outside) is not enough", () => {
    const jitter = fix(120, 80, 5);
    expect(isInside(jitter, fence)).toBe(true);
    expect(isSurelyInside(jitter, fence)).toBe(false);
    expect(detectArrival(null, [fix(600, 10, 0), jitter, fix(500, 10, 10)], fence)).toBeNull();
  });

  it("two consecutive fixes inside check in at the first one: the second only confirms the arrival", () => {
    expect(detectArrival(null, [fix(600, 10, 0), fix(140, 60, 640), fix(130, 60, 650)], fence)?.recordedAt).toEqual(new Date(t0 + 640_000));
    // Also when the confirming fix is surely inside on its own.
    expect(detectArrival(null, [fix(140, 60, 640), fix(50, 10, 650)], fence)?.recordedAt).toEqual(new Date(t0 + 640_000));
  });

  it("the last stored fix counts as the first of two when it is older than the batch, and is the arrival", () => {
    expect(detectArrival(fix(140, 60, 0), [fix(130, 60, 5)], fence)?.recordedAt).toEqual(new Date(t0));
    // A late offline batch recorded before the stored fix is judged on its own.
    expect(detectArrival(fix(140, 60, 100), [fix(130, 60, 5)], fence)).toBeNull();
  });

  it("a coarse fix (accuracy far beyond the radius) never counts as inside, even twice", () => {
    const coarse = [fix(50, 2000, 0), fix(20, 2000, 5), fix(10, 2000, 10)];
    expect(coarse.every((f) => !isInside(f, fence))).toBe(true);
    expect(detectArrival(null, coarse, fence)).toBeNull();
  });

  it("fixes are taken in recorded order, not in the order they were sent", () => {
    const outOfOrder = [fix(130, 60, 10), fix(900, 10, 0), fix(140, 60, 5)];
    expect(detectArrival(null, outOfOrder, fence)?.recordedAt).toEqual(new Date(t0 + 5_000));
  });

  it("inside then outside then inside is not two consecutive fixes", () => {
    expect(detectArrival(null, [fix(140, 60, 0), fix(300, 10, 5), fix(140, 60, 10)], fence)).toBeNull();
  });

  it("just outside the radius stays outside however precise", () => {
    expect(detectArrival(null, [fix(160, 3, 0), fix(155, 3, 5)], fence)).toBeNull();
  });
});
