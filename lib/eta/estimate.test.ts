import { describe, expect, it } from "vitest";
import { CIRCUITY, estimateEtaAt, haversineM, TYPICAL_SPEED_MPS } from "./estimate";

const now = new Date("2026-11-24T07:00:00Z");
const secondsUntil = (at: Date) => (at.getTime() - now.getTime()) / 1000;

describe("haversineM", () => {
  it("measures one degree of latitude as about 111.2 km", () => {
    expect(haversineM({ lat: 0, lng: 10 }, { lat: 1, lng: 10 })).toBeCloseTo(111_195, -1);
  });

  it("measures Berlin to Paris as about 878 km, the same both ways", () => {
    const berlin = { lat: 52.52, lng: 13.405 };
    const paris = { lat: 48.8566, lng: 2.3522 };
    expect(haversineM(berlin, paris) / 1000).toBeCloseTo(877.5, 0);
    expect(haversineM(paris, berlin)).toBe(haversineM(berlin, paris));
  });

  it("is zero for the same point and short across the antimeridian", () => {
    expect(haversineM({ lat: 52.52, lng: 13.405 }, { lat: 52.52, lng: 13.405 })).toBe(0);
    expect(haversineM({ lat: 0, lng: 179.9 }, { lat: 0, lng: -179.9 })).toBeCloseTo(22_239, -1);
  });
});

describe("estimateEtaAt (participant page and ingest)", () => {
  it("covers the straight line × circuity at a plausible observed speed", () => {
    const etaAt = estimateEtaAt({ distanceM: 1000, travelMode: "walking", speedMps: 1.5, now });
    expect(secondsUntil(etaAt)).toBeCloseTo((1000 * CIRCUITY) / 1.5, 0);
  });

  it("uses the typical speed when the phone reports none, zero at a light, or a speed implausible for the mode", () => {
    const typicalWalk = (1000 * CIRCUITY) / TYPICAL_SPEED_MPS.walking;
    expect(secondsUntil(estimateEtaAt({ distanceM: 1000, travelMode: "walking", speedMps: null, now }))).toBeCloseTo(typicalWalk, 0);
    expect(secondsUntil(estimateEtaAt({ distanceM: 1000, travelMode: "walking", speedMps: 12, now }))).toBeCloseTo(typicalWalk, 0);
    const typicalDrive = (1000 * CIRCUITY) / TYPICAL_SPEED_MPS.driving;
    expect(secondsUntil(estimateEtaAt({ distanceM: 1000, travelMode: "driving", speedMps: 0, now }))).toBeCloseTo(typicalDrive, 0);
  });
});
