import { createFormatter } from "next-intl";
import { describe, expect, it } from "vitest";
import { formatDistance, formatterFor, translatorFor, type Locale } from "@/lib/i18n";
import { formatArrivalIn, formatEventTime, formatMoment, zoneLabel } from "./page-format";
import { describeStatus, journeyFigures, type StatusInput } from "./status";

const t = translatorFor("en", "tracking");
// English with a 24-hour clock and the day before the month (a British phone's), the format these assertions were
// first written in; the page's other formats are checked in page-format.test.ts.
const british = createFormatter({ locale: "en-GB" as Locale });

const base: StatusInput = { phase: "sharing", online: true, visible: true, pending: 0, retrying: false, noFix: false };

describe("describeStatus", () => {
  it.each<[Partial<StatusInput>, string, string]>([
    [{}, "sharing", "Sharing your location"],
    [{ phase: "locating" }, "waiting", "Finding your position…"],
    [{ noFix: true }, "waiting", "Sharing · waiting for a GPS fix"],
    [{ pending: 3, retrying: true }, "waiting", "Sharing · 3 positions waiting"],
    // Points that just wait for their batch are normal sharing, not a problem worth showing.
    [{ pending: 3 }, "sharing", "Sharing your location"],
    [{ online: false }, "offline", "Offline"],
    [{ online: false, pending: 1 }, "offline", "Offline · 1 position waiting"],
    [{ visible: false }, "paused", "Paused"],
    // Offline wins over paused: it is what decides whether positions reach the organizer.
    [{ online: false, visible: false, pending: 2 }, "offline", "Offline · 2 positions waiting"],
  ])("%j → %s %s", (input, tone, title) => {
    expect(describeStatus(t, { ...base, ...input })).toMatchObject({ tone, title });
  });
});

describe("journeyFigures", () => {
  const venue = { lat: 52.5306, lng: 13.3847, radiusM: 150 };
  const now = new Date("2026-11-24T07:00:00.000Z");
  const fix = { lat: 52.5441, lng: 13.3847, accuracy: 10, speed: null };
  const serverSays = { accepted: 1, journey: "on_the_way" as const, arrivedAt: null, distanceM: 1400, etaAt: "2026-11-24T07:05:00.000Z" };

  it("uses the server's figures while nothing waits, the phone's own estimate otherwise", () => {
    expect(journeyFigures({ fix, lastResult: serverSays, pending: 0, venue, travelMode: "driving", now })).toEqual({
      distanceM: 1400,
      etaAt: serverSays.etaAt,
      atVenue: false,
    });
    const local = journeyFigures({ fix, lastResult: serverSays, pending: 2, venue, travelMode: "driving", now })!;
    expect(local.distanceM).toBeCloseTo(1501, -1);
    expect(Date.parse(local.etaAt!)).toBeGreaterThan(now.getTime());
  });

  it("has nothing to show before any fix or answer, and no ETA at the venue", () => {
    expect(journeyFigures({ fix: null, lastResult: null, pending: 0, venue, travelMode: "walking", now })).toBeNull();
    const here = journeyFigures({ fix: { ...fix, lat: 52.5307 }, lastResult: null, pending: 1, venue, travelMode: "walking", now });
    expect(here).toMatchObject({ atVenue: true, etaAt: null });
  });
});

describe("format", () => {
  it("prints the event's time in its own zone, whatever the host's zone", () => {
    expect(formatEventTime(t, british, "2026-11-24T07:00:00.000Z", "2026-11-24T08:00:00.000Z", "Europe/Berlin")).toBe(
      "Tuesday 24 November, 08:00–09:00 (Berlin time)",
    );
    expect(formatEventTime(t, british, "2026-11-24T22:30:00.000Z", "2026-11-25T00:30:00.000Z", "Europe/Berlin")).toBe(
      "Tuesday 24 November, 23:30 – Wednesday 25 November, 01:30 (Berlin time)",
    );
    expect(zoneLabel(t, "America/Argentina/Buenos_Aires")).toBe("Buenos Aires time");
    expect(zoneLabel(t, "UTC")).toBe("UTC");
  });

  it("says today or the day", () => {
    const now = new Date("2026-11-24T07:00:00.000Z");
    expect(formatMoment(t, british, "2026-11-24T09:30:00.000Z", "Europe/Berlin", now)).toBe("10:30 today");
    expect(formatMoment(t, british, "2026-11-25T09:30:00.000Z", "Europe/Berlin", now)).toBe("10:30 on Wednesday 25 November");
  });

  it.each([
    [0, "10 m"],
    [84, "80 m"],
    [994, "990 m"],
    [995, "1.0 km"],
    [1_449, "1.4 km"],
    [12_345, "12 km"],
    [-1, "–"],
  ])("distance %d m → %s", (m, text) => {
    // The page's distances (lib/i18n), in English and metric: a German phone's.
    expect(formatDistance(m, "en")).toBe(text);
  });

  it("arrival in minutes or hours, said as the participant's language says it", () => {
    const now = new Date("2026-11-24T07:00:00.000Z");
    const at = (min: number) => new Date(now.getTime() + min * 60_000).toISOString();
    const english = formatterFor("en");
    expect([at(0.2), at(9), at(60), at(65)].map((iso) => formatArrivalIn(t, english, iso, now))).toEqual([
      "in less than a minute",
      "in 9 minutes",
      "in 1 hour",
      "in 1 hour",
    ]);
  });
});
