import { describe, expect, it } from "vitest";
import { formatDistance, formatterFor, translatorFor, type Locale } from "@/lib/i18n";
import { formatSeen, journeyDetail, linkState, type JourneyWords } from "./journey-text";

const now = new Date("2026-11-24T07:20:00Z");
const zone = "Europe/Berlin"; // UTC+1 in November
const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000);
const base = { checkedInAt: null, checkInMethod: null, lastFixAt: null, distanceM: null, etaAt: null, isLate: false, lateMinutes: null };
// Intl puts a no-break space between a number and its unit in some locales: compare on plain spaces.
const plain = (s: string | null | undefined) => s?.replace(/[\u00a0\u202f]/g, " ");
const wordsIn = (locale: Locale): JourneyWords => ({
  t: translatorFor(locale, "occurrences"),
  format: formatterFor(locale),
  distance: (m) => formatDistance(m, locale),
});
const en = wordsIn("en");

describe("journey column", () => {
  it("says when and how someone arrived, in the event's zone", () => {
    const arrived = { ...base, journey: "arrived", checkedInAt: new Date("2026-11-24T07:12:00Z") };
    expect(journeyDetail(en, { ...arrived, checkInMethod: "geofence" }, now, zone)).toBe("08:12 · on the map");
    expect(journeyDetail(en, { ...arrived, checkInMethod: "manual" }, now, zone)).toBe("08:12 · by hand");
  });

  it("says how fresh the last position is and how far it is from the venue", () => {
    const onTheWay = { ...base, journey: "on_the_way", lastFixAt: minutesAgo(2), distanceM: 1234 };
    expect(plain(journeyDetail(en, onTheWay, now, zone))).toBe("seen 2 minutes ago · 1.2 km away");
    expect(plain(journeyDetail(en, { ...onTheWay, etaAt: new Date("2026-11-24T07:31:00Z"), isLate: true, lateMinutes: 1 }, now, zone))).toBe(
      "seen 2 minutes ago · 1.2 km away · expected 08:31 · 1 min late",
    );
    expect(journeyDetail(en, { ...base, journey: "on_the_way" }, now, zone)).toBe("no position yet");
    expect(journeyDetail(en, { ...base, journey: "not_started" }, now, zone)).toBeNull();
  });

  it("rounds times and distances the way people say them", () => {
    expect(formatSeen(en, new Date(now.getTime() - 20_000), now, zone)).toBe("seen just now");
    expect(formatSeen(en, minutesAgo(59), now, zone)).toBe("seen 59 minutes ago");
    expect(formatSeen(en, minutesAgo(90), now, zone)).toBe("seen at 06:50");
    expect(plain(en.distance(346))).toBe("350 m");
    expect(plain(en.distance(9_940))).toBe("9.9 km");
    expect(plain(en.distance(14_400))).toBe("14 km");
  });

  it("speaks the organizer's language, with its own digits and separators", () => {
    const onTheWay = { ...base, journey: "on_the_way", lastFixAt: minutesAgo(2), distanceM: 1234, etaAt: new Date("2026-11-24T07:31:00Z") };
    expect(plain(journeyDetail(wordsIn("de"), onTheWay, now, zone))).toBe("vor 2 Minuten gesehen · 1,2 km entfernt · erwartet um 08:31");
    expect(plain(journeyDetail(wordsIn("pt-BR"), onTheWay, now, zone))).toBe("visto há 2 minutos · a 1,2 km · previsto às 08:31");
    expect(plain(journeyDetail(wordsIn("es"), onTheWay, now, zone))).toBe("visto hace 2 minutos · a 1,2 km · llega a las 08:31");
  });
});

describe("tracking link state", () => {
  const link = { validUntil: new Date("2026-11-24T09:00:00Z"), firstOpenedAt: null, stoppedAt: null };

  it("names each state", () => {
    expect(linkState(en, null, now, zone)).toBeNull();
    expect(linkState(en, link, now, zone)?.text).toBe("Link not opened yet");
    expect(linkState(en, { ...link, firstOpenedAt: new Date("2026-11-24T07:02:00Z") }, now, zone)?.text).toBe("Link opened 08:02");
    expect(linkState(en, { ...link, stoppedAt: minutesAgo(1) }, now, zone)?.text).toBe("Sharing stopped by participant");
    expect(linkState(en, { ...link, validUntil: minutesAgo(1) }, now, zone)?.text).toBe("Link expired");
  });
});
