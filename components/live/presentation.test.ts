import { describe, expect, it } from "vitest";
import { formatDistance, formatterFor, translatorFor, type Locale } from "@/lib/i18n";
import type { LiveActivity, LiveParticipant } from "@/lib/live/types";
import { activityText, arrivalText, byCheckIn, byEta, formatAge, formatIn, matchesFilter, type LiveFilter, type LiveWords } from "./presentation";

const now = Date.parse("2026-11-24T07:20:00Z");
const zone = "Europe/Berlin"; // UTC+1 in November
const at = (minutesFromNow: number) => new Date(now + minutesFromNow * 60_000).toISOString();
const wordsIn = (locale: Locale): LiveWords => ({
  t: translatorFor(locale, "live"),
  format: formatterFor(locale),
  distance: (m) => formatDistance(m, locale),
});
const en = wordsIn("en");

function person(overrides: Partial<LiveParticipant>): LiveParticipant {
  return {
    attendanceId: overrides.name ?? "a",
    name: "Ada Lovelace",
    initials: "AL",
    rsvp: "confirmed",
    journey: "on_the_way",
    state: "on_the_way",
    position: { lat: 52.53, lng: 13.38, accuracyM: 10, at: at(-1) },
    etaAt: at(10),
    etaMethod: "track",
    etaConfidence: "medium",
    distanceM: 1200,
    lateMinutes: null,
    stale: false,
    checkedInAt: null,
    checkInMethod: null,
    ...overrides,
  };
}

describe("live list filters", () => {
  const everyone = {
    travelling: person({ name: "T" }),
    late: person({ name: "L", state: "late", lateMinutes: 4 }),
    lateAndStale: person({ name: "LS", state: "late", lateMinutes: 9, stale: true }),
    stale: person({ name: "S", state: "stale", stale: true }),
    arrived: person({ name: "A", state: "arrived", journey: "arrived", etaAt: null }),
    notSharing: person({ name: "N", state: "not_sharing", position: null, etaAt: null }),
    declined: person({ name: "D", state: "declined", rsvp: "declined", position: null, etaAt: null }),
  };
  const names = (filter: LiveFilter) =>
    Object.values(everyone)
      .filter((p) => matchesFilter(p, filter))
      .map((p) => p.name);

  it("lists everyone coming under All, but not people who declined", () => {
    expect(names("all")).toEqual(["T", "L", "LS", "S", "A", "N"]);
    expect(names("declined")).toEqual(["D"]);
  });

  it("counts a late person without fresh positions as both late and stale", () => {
    expect(names("late")).toEqual(["L", "LS"]);
    expect(names("stale")).toEqual(["LS", "S"]);
  });

  it("shows arrivals and people not sharing on their own", () => {
    expect(names("arrived")).toEqual(["A"]);
    expect(names("not_sharing")).toEqual(["N"]);
  });
});

describe("live times", () => {
  it("says how long until someone is expected", () => {
    expect(formatIn(en, at(9), now)).toBe("in 9 minutes");
    expect(formatIn(en, at(0.3), now)).toBe("in < 1 min");
    expect(formatIn(en, at(65), now)).toBe("in 1 hour");
    expect(formatIn(en, at(120), now)).toBe("in 2 hours");
    expect(formatIn(en, at(-2), now)).toBe("due now");
  });

  it("says how old the last position is", () => {
    expect(formatAge(en, at(-0.5), now)).toBe("just now");
    expect(formatAge(en, at(-4), now)).toBe("4 minutes ago");
    expect(formatAge(en, at(-62), now)).toBe("1 hour ago");
  });

  it("gives the arrival time in the event's zone, and how it was recorded", () => {
    const arrived = person({ state: "arrived", checkedInAt: "2026-11-24T07:02:00Z", checkInMethod: "geofence" });
    expect(arrivalText(en, arrived, zone)).toBe("Arrived 08:02, on the map");
    expect(arrivalText(en, { ...arrived, checkInMethod: "manual" }, zone)).toBe("Arrived 08:02, by hand");
  });

  it("speaks the organizer's language", () => {
    const [de, pt, es] = [wordsIn("de"), wordsIn("pt-BR"), wordsIn("es")];
    expect(formatIn(de, at(9), now)).toBe("in 9 Minuten");
    expect(formatIn(pt, at(9), now)).toBe("em 9 minutos");
    expect(formatIn(es, at(9), now)).toBe("dentro de 9 minutos");
    expect(formatAge(de, at(-4), now)).toBe("vor 4 Minuten");
    const arrived = person({ state: "arrived", checkedInAt: "2026-11-24T07:02:00Z", checkInMethod: "geofence" });
    expect(arrivalText(de, arrived, zone)).toBe("Angekommen um 08:02, auf der Karte");
    expect(arrivalText(pt, arrived, zone)).toBe("Chegou às 08:02, pelo mapa");
    expect(arrivalText(es, arrived, zone)).toBe("Llegó a las 08:02, en el mapa");
  });
});

describe("arrival board order", () => {
  it("puts the soonest first and people without an ETA last", () => {
    const list = [
      person({ name: "Later", etaAt: at(12) }),
      person({ name: "No ETA", etaAt: null }),
      person({ name: "Soon", etaAt: at(3) }),
    ];
    expect(list.sort(byEta).map((p) => p.name)).toEqual(["Soon", "Later", "No ETA"]);
  });

  it("lists the newest arrival first", () => {
    const list = [
      person({ name: "Early", checkedInAt: at(-20) }),
      person({ name: "Just now", checkedInAt: at(-1) }),
    ];
    expect(list.sort(byCheckIn).map((p) => p.name)).toEqual(["Just now", "Early"]);
  });
});

describe("activity feed", () => {
  const entry = (kind: LiveActivity["kind"], data: Record<string, unknown> = {}, participantName: string | null = "Ada"): LiveActivity => ({
    id: "1",
    kind,
    attendanceId: null,
    participantName,
    data,
    at: at(-1),
  });

  it("says what happened in a sentence", () => {
    expect(activityText(en.t, entry("late", { lateMinutes: 7 }))).toBe("Ada is running late (about 7 min)");
    expect(activityText(en.t, entry("arrived", { method: "geofence" }))).toBe("Ada arrived (on the map)");
    expect(activityText(en.t, entry("stale"))).toBe("No recent position from Ada");
    expect(activityText(en.t, entry("checked_in"))).toBe("Ada was checked in by hand");
    expect(activityText(en.t, entry("check_in_undone", {}, null))).toBe("Check-in undone for a participant");
    expect(activityText(en.t, entry("arrived", {}, null))).toBe("A participant arrived");
    expect(activityText(translatorFor("de", "live"), entry("late", { lateMinutes: 7 }))).toBe("Ada ist spät dran (etwa 7 Min.)");
  });
});
