import { describe, expect, it } from "vitest";
import { formatDistance, formatSeen, journeyDetail, linkState } from "./journey-text";

const now = new Date("2026-11-24T07:20:00Z");
const zone = "Europe/Berlin"; // UTC+1 in November
const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000);
const base = { checkedInAt: null, checkInMethod: null, lastFixAt: null, distanceM: null, etaAt: null, isLate: false, lateMinutes: null };

describe("journey column", () => {
  it("says when and how someone arrived, in the event's zone", () => {
    const arrived = { ...base, journey: "arrived", checkedInAt: new Date("2026-11-24T07:12:00Z") };
    expect(journeyDetail({ ...arrived, checkInMethod: "geofence" }, now, zone)).toBe("08:12 · on the map");
    expect(journeyDetail({ ...arrived, checkInMethod: "manual" }, now, zone)).toBe("08:12 · by hand");
  });

  it("says how fresh the last position is and how far it is from the venue", () => {
    const onTheWay = { ...base, journey: "on_the_way", lastFixAt: minutesAgo(2), distanceM: 1234 };
    expect(journeyDetail(onTheWay, now, zone)).toBe("seen 2 min ago · 1.2 km away");
    expect(journeyDetail({ ...onTheWay, etaAt: new Date("2026-11-24T07:31:00Z"), isLate: true, lateMinutes: 1 }, now, zone)).toBe(
      "seen 2 min ago · 1.2 km away · expected 08:31 · 1 min late",
    );
    expect(journeyDetail({ ...base, journey: "on_the_way" }, now, zone)).toBe("no position yet");
    expect(journeyDetail({ ...base, journey: "not_started" }, now, zone)).toBeNull();
  });

  it("rounds times and distances the way people say them", () => {
    expect(formatSeen(new Date(now.getTime() - 20_000), now, zone)).toBe("seen just now");
    expect(formatSeen(minutesAgo(59), now, zone)).toBe("seen 59 min ago");
    expect(formatSeen(minutesAgo(90), now, zone)).toBe("seen at 06:50");
    expect(formatDistance(346)).toBe("350 m");
    expect(formatDistance(9_940)).toBe("9.9 km");
    expect(formatDistance(14_400)).toBe("14 km");
  });
});

describe("tracking link state", () => {
  const link = { validUntil: new Date("2026-11-24T09:00:00Z"), firstOpenedAt: null, stoppedAt: null };

  it("names each state", () => {
    expect(linkState(null, now, zone)).toBeNull();
    expect(linkState(link, now, zone)?.text).toBe("Link not opened yet");
    expect(linkState({ ...link, firstOpenedAt: new Date("2026-11-24T07:02:00Z") }, now, zone)?.text).toBe("Link opened 08:02");
    expect(linkState({ ...link, stoppedAt: minutesAgo(1) }, now, zone)?.text).toBe("Sharing stopped by participant");
    expect(linkState({ ...link, validUntil: minutesAgo(1) }, now, zone)?.text).toBe("Link expired");
  });
});
