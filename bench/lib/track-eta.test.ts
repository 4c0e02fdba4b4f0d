import { describe, expect, it } from "vitest";
import { parseTrack } from "./track-eta";

// The old refresh's track encoding, kept for bench:eta's before/after comparison (moved from lib/live/derive.test.ts).
describe("parseTrack (the old refresh's track encoding)", () => {
  it("reads fixes with and without speed, negative coordinates included", () => {
    const nowMs = Date.parse("2030-05-06T07:00:00Z");
    expect(parseTrack("12000,52520000,-13405123,105,831;2000,-33868800,151209300,50", nowMs)).toEqual([
      { recordedAtMs: nowMs - 12000, lat: 52.52, lng: -13.405123, accuracyM: 10.5, speedMps: 8.31 },
      { recordedAtMs: nowMs - 2000, lat: -33.8688, lng: 151.2093, accuracyM: 5, speedMps: null },
    ]);
  });
});
