import { describe, expect, it } from "vitest";
import { countLive, initials, sortLiveParticipants, toLiveParticipant, type AttendanceFacts, type OccurrenceFacts } from "./derive";

const MINUTE = 60_000;
const now = new Date("2030-05-06T07:00:00Z");
const occurrence: OccurrenceFacts = {
  venue: { lat: 52.52, lng: 13.405 },
  travelMode: "driving",
  startsAt: new Date(now.getTime() + 20 * MINUTE),
  lateGraceMinutes: 5,
  circuity: 1.3,
  staleAfterMs: 3 * MINUTE,
};
/** `km` north of the venue. */
const north = (km: number) => ({ lat: 52.52 + (km * 1000) / 111_320, lng: 13.405 });

function facts(over: Partial<AttendanceFacts> = {}): AttendanceFacts {
  return {
    attendanceId: "a1",
    name: "Anna Becker",
    rsvp: "confirmed",
    journey: "on_the_way",
    checkedInAt: null,
    checkInMethod: null,
    lastFix: { ...north(3), accuracyM: 10, at: new Date(now.getTime() - 10_000), speedMps: null },
    stored: { etaAt: null, method: null, confidence: null, distanceM: null, speedMps: null, refreshedAt: null },
    ...over,
  };
}

describe("toLiveParticipant", () => {
  it("uses the refresh's ETA while it is based on the newest fix", () => {
    const etaAt = new Date(now.getTime() + 9 * MINUTE);
    const view = toLiveParticipant(
      facts({ stored: { etaAt, method: "osrm", confidence: "high", distanceM: 4200, speedMps: 8, refreshedAt: new Date(now.getTime() - 5_000) } }),
      occurrence,
      now,
    );
    expect(view).toMatchObject({ state: "on_the_way", etaAt: etaAt.toISOString(), etaMethod: "osrm", lateMinutes: null });
    // Distance is the straight line, whatever the road: what the participant's own page says.
    expect(Math.abs(view.distanceM! - 3000)).toBeLessThan(10);
  });

  it("estimates on the spot from a fix newer than the refresh, with the speed the refresh learnt", () => {
    const view = toLiveParticipant(
      facts({
        stored: { etaAt: new Date(now.getTime() + 30 * MINUTE), method: "track", confidence: "high", distanceM: 9000, speedMps: 10, refreshedAt: new Date(now.getTime() - 60_000) },
      }),
      occurrence,
      now,
    );
    // 3 km × 1.3 at 10 m/s = 390 s after the fix (taken 10 s ago).
    expect(Date.parse(view.etaAt!) - now.getTime()).toBeCloseTo(380_000, -3);
    expect(view).toMatchObject({ etaMethod: "track", state: "on_the_way" });
    expect(Math.abs(view.distanceM! - 3000)).toBeLessThan(10);
  });

  it("flags late with minutes past start + grace, and stale when the phone went quiet", () => {
    const far = toLiveParticipant(facts({ lastFix: { ...north(40), accuracyM: 10, at: now, speedMps: null } }), occurrence, now);
    // 40 km × 1.3 at 8.3 m/s ≈ 104 min; start + grace is 25 min away.
    expect(far.state).toBe("late");
    expect(far.lateMinutes).toBeGreaterThan(75);
    const quiet = toLiveParticipant(facts({ lastFix: { ...north(1), accuracyM: 10, at: new Date(now.getTime() - 10 * MINUTE), speedMps: null } }), occurrence, now);
    expect(quiet).toMatchObject({ state: "stale", stale: true, etaConfidence: "low" });
  });

  it("shows arrivals, declines and people without a position without an ETA", () => {
    expect(toLiveParticipant(facts({ journey: "arrived", checkedInAt: now, checkInMethod: "geofence" }), occurrence, now)).toMatchObject({
      state: "arrived",
      etaAt: null,
      lateMinutes: null,
    });
    expect(toLiveParticipant(facts({ journey: "not_started", lastFix: null }), occurrence, now).state).toBe("not_sharing");
    expect(toLiveParticipant(facts({ rsvp: "declined", journey: "not_started", lastFix: null }), occurrence, now).state).toBe("declined");
  });
});

describe("sortLiveParticipants and countLive", () => {
  const view = (id: string, over: Partial<AttendanceFacts>) => toLiveParticipant(facts({ attendanceId: id, name: id, ...over }), occurrence, now);
  const list = [
    view("arrived-early", { journey: "arrived", checkedInAt: new Date(now.getTime() - 9 * MINUTE), lastFix: null }),
    view("far", { lastFix: { ...north(40), accuracyM: 10, at: now, speedMps: null } }),
    view("declined", { rsvp: "declined", journey: "not_started", lastFix: null }),
    view("quiet", { journey: "not_started", lastFix: null }),
    view("near", { lastFix: { ...north(1), accuracyM: 10, at: now, speedMps: null } }),
    view("arrived-late", { journey: "arrived", checkedInAt: new Date(now.getTime() - MINUTE), lastFix: null }),
    view("middle", { lastFix: { ...north(5), accuracyM: 10, at: now, speedMps: null } }),
  ];

  it("orders by ETA, then not sharing, then arrivals (latest first), then declined", () => {
    expect(sortLiveParticipants(list).map((p) => p.name)).toEqual(["near", "middle", "far", "quiet", "arrived-late", "arrived-early", "declined"]);
  });

  it("counts what the top of the live map shows", () => {
    expect(countLive(list)).toEqual({ confirmed: 6, onTheWay: 3, arrived: 2, late: 1, notSharing: 1, declined: 1 });
  });

  it("makes initials from first and last name", () => {
    expect(initials("Fatma Yılmaz")).toBe("FY");
    expect(initials("  cher ")).toBe("C");
    expect(initials("Jean-Luc de la Croix")).toBe("JC");
  });
});
