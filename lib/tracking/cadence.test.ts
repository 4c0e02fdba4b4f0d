import { describe, expect, it } from "vitest";
import { CRUISE_REPORT_MS, FAR_REPORT_MS, NEAR_REPORT_MS, nextReportInMs } from "./cadence";

const now = new Date("2026-11-24T08:00:00Z");
const inMinutes = (m: number) => new Date(now.getTime() + m * 60_000);

describe("nextReportInMs", () => {
  it("asks for a report every 10–15 s while the ETA is over 10 minutes", () => {
    expect(FAR_REPORT_MS).toBeGreaterThanOrEqual(10_000);
    expect(FAR_REPORT_MS).toBeLessThanOrEqual(15_000);
    expect(nextReportInMs({ distanceM: 5_000, radiusM: 150, etaAt: inMinutes(25), now })).toBe(FAR_REPORT_MS);
    expect(nextReportInMs({ distanceM: 5_000, radiusM: 150, etaAt: inMinutes(10.5), now })).toBe(FAR_REPORT_MS);
  });

  it("keeps the 5 s pace in between", () => {
    expect(nextReportInMs({ distanceM: 900, radiusM: 150, etaAt: inMinutes(9), now })).toBe(CRUISE_REPORT_MS);
    expect(nextReportInMs({ distanceM: 2_500, radiusM: 150, etaAt: inMinutes(3), now })).toBe(CRUISE_REPORT_MS);
  });

  it("asks for a report every 2–3 s near the arrival radius or when arrival is minutes away, whatever the other says", () => {
    expect(NEAR_REPORT_MS).toBeGreaterThanOrEqual(2_000);
    expect(NEAR_REPORT_MS).toBeLessThanOrEqual(3_000);
    expect(nextReportInMs({ distanceM: 390, radiusM: 150, etaAt: inMinutes(30), now })).toBe(NEAR_REPORT_MS);
    expect(nextReportInMs({ distanceM: 100, radiusM: 150, etaAt: null, now })).toBe(NEAR_REPORT_MS);
    expect(nextReportInMs({ distanceM: 3_000, radiusM: 150, etaAt: inMinutes(1.5), now })).toBe(NEAR_REPORT_MS);
    // A wide radius (a campus) is "near" from twice its size.
    expect(nextReportInMs({ distanceM: 1_900, radiusM: 1_000, etaAt: inMinutes(20), now })).toBe(NEAR_REPORT_MS);
    expect(nextReportInMs({ distanceM: 2_100, radiusM: 1_000, etaAt: inMinutes(20), now })).toBe(FAR_REPORT_MS);
  });

  it("treats an ETA that cannot be estimated as far unless the distance says near", () => {
    expect(nextReportInMs({ distanceM: 8_000, radiusM: 150, etaAt: null, now })).toBe(FAR_REPORT_MS);
  });
});
