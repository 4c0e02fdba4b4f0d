import { describe, expect, it } from "vitest";
import { parseFeed } from "@/test/calendar";
import { renderCalendar } from "./ics";
import type { FeedOccurrence, FeedSource } from "./read-feed";

// Runs under TZ=UTC and TZ=America/Sao_Paulo (npm test): ical-generator reads a plain Date in the host's zone, so the
// times must come out the same whatever the server's zone is.

const feed: FeedSource = {
  feedId: "f",
  organizationId: "o",
  orgName: "Riverside School",
  orgSlug: "riverside",
  orgTimeZone: "Europe/Berlin",
  eventId: "e",
  eventTitle: "Swim practice",
  eventTimeZone: "Europe/Berlin",
};

function occurrence(id: string, startsAt: string, overrides: Partial<FeedOccurrence> = {}): FeedOccurrence {
  const start = new Date(startsAt);
  return {
    id,
    startsAt: start,
    endsAt: new Date(start.getTime() + 3_600_000),
    status: "scheduled",
    createdAt: new Date("2027-01-01T10:00:00Z"),
    updatedAt: new Date("2027-01-01T10:00:00Z"),
    eventId: "e",
    title: "Swim practice",
    description: "",
    venueName: "City pool",
    venueAddress: "",
    venueLat: 52.53,
    venueLng: 13.39,
    arrivalRadiusM: 150,
    timeZone: "Europe/Berlin",
    ...overrides,
  };
}

describe("the iCalendar text", () => {
  const window = { from: new Date("2027-01-01T00:00:00Z"), to: new Date("2028-01-01T00:00:00Z") };

  it("writes each start as the event's wall time with its TZID, whatever the host's zone", () => {
    const text = renderCalendar(
      feed,
      [occurrence("a", "2027-03-22T06:30:00Z"), occurrence("b", "2027-03-29T05:30:00Z")],
      { appUrl: "https://app.example", window },
    );
    expect(text).toContain("DTSTART;TZID=Europe/Berlin:20270322T073000");
    expect(text).toContain("DTSTART;TZID=Europe/Berlin:20270329T073000");
    expect(text).toContain("DTEND;TZID=Europe/Berlin:20270329T083000");
    // Stamps stay in UTC.
    expect(text).toContain("DTSTAMP:20270101T100000Z");
    expect(text).toContain("X-WR-TIMEZONE:Europe/Berlin");
    expect(parseFeed(text).events.map((e) => e.start)).toEqual(["2027-03-22T06:30:00.000Z", "2027-03-29T05:30:00.000Z"]);
  });

  it("counts SEQUENCE up with every change to the occurrence, from 0", () => {
    const changed = occurrence("c", "2027-05-03T05:30:00Z", { updatedAt: new Date("2027-01-01T10:00:00.400Z"), status: "cancelled" });
    const events = parseFeed(renderCalendar(feed, [occurrence("a", "2027-05-03T05:30:00Z"), changed], { appUrl: "https://app.example", window })).events;
    expect(events.map((e) => [e.sequence, e.status])).toEqual([
      [0, "CONFIRMED"],
      [1, "CANCELLED"],
    ]);
  });
});
