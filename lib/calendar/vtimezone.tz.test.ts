import ICAL from "ical.js";
import { describe, expect, it } from "vitest";
import { zoneTransitions } from "@/lib/recurrence";
import { vtimezone } from "./vtimezone";

// Runs under TZ=UTC and TZ=America/Sao_Paulo (npm test): the zone data comes from Intl, never from the host's zone.

/** The UTC instant ical.js (a well-kept parser, with no zone data of its own) gives a wall time, using only our VTIMEZONE. */
function parsedInstant(zone: string, vtz: string, local: string): { iso: string; offsetSeconds: number; wall: string } {
  const text = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//test//EN", vtz, "BEGIN:VEVENT", "UID:x",
    "DTSTAMP:20260101T000000Z", `DTSTART;TZID=${zone}:${local}`, "END:VEVENT", "END:VCALENDAR"].join("\r\n");
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const component of calendar.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(component);
  const start = new ICAL.Event(calendar.getFirstSubcomponent("vevent")!).startDate;
  return { iso: start.toJSDate().toISOString(), offsetSeconds: start.utcOffset(), wall: start.toString() };
}

describe("VTIMEZONE from the runtime's zone data", () => {
  const from = new Date("2027-01-01T00:00:00Z");
  const to = new Date("2028-01-01T00:00:00Z");

  it("finds Berlin's two changes of 2027 to the second", () => {
    expect(zoneTransitions("Europe/Berlin", from, to)).toEqual([
      { at: new Date("2027-03-28T01:00:00Z"), fromMinutes: 60, toMinutes: 120 },
      { at: new Date("2027-10-31T01:00:00Z"), fromMinutes: 120, toMinutes: 60 },
    ]);
  });

  it("describes them so that a parser puts 07:30 before and after the March change at +01:00 and +02:00", () => {
    const vtz = vtimezone("Europe/Berlin", from, to);
    expect(vtz).toContain("BEGIN:DAYLIGHT\r\nDTSTART:20270328T020000\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200");
    expect(vtz).toContain("BEGIN:STANDARD\r\nDTSTART:20271031T030000\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100");
    expect(parsedInstant("Europe/Berlin", vtz, "20270322T073000")).toEqual({ iso: "2027-03-22T06:30:00.000Z", offsetSeconds: 3600, wall: "2027-03-22T07:30:00" });
    expect(parsedInstant("Europe/Berlin", vtz, "20270329T073000")).toEqual({ iso: "2027-03-29T05:30:00.000Z", offsetSeconds: 7200, wall: "2027-03-29T07:30:00" });
  });

  it("gives São Paulo no summer time (abolished in 2019; packaged 2018 zone files still have it)", () => {
    const vtz = vtimezone("America/Sao_Paulo", new Date("2026-10-01T00:00:00Z"), new Date("2027-03-01T00:00:00Z"));
    expect(vtz).not.toContain("DAYLIGHT");
    expect(vtz.match(/TZOFFSETTO:[^\r]*/g)).toEqual(["TZOFFSETTO:-0300"]);
    // Mid-January was summer time until 2019: 07:30 would have been 09:30 UTC.
    expect(parsedInstant("America/Sao_Paulo", vtz, "20270118T073000").iso).toBe("2027-01-18T10:30:00.000Z");
  });

  it("writes half- and quarter-hour offsets, and a southern summer as DAYLIGHT", () => {
    const lordHowe = vtimezone("Australia/Lord_Howe", new Date("2026-10-01T00:00:00Z"), new Date("2027-06-01T00:00:00Z"));
    expect(lordHowe).toContain("BEGIN:DAYLIGHT\r\nDTSTART:20261004T020000\r\nTZOFFSETFROM:+1030\r\nTZOFFSETTO:+1100");
    expect(lordHowe).toContain("BEGIN:STANDARD\r\nDTSTART:20270404T020000\r\nTZOFFSETFROM:+1100\r\nTZOFFSETTO:+1030");
    expect(vtimezone("Asia/Kathmandu", from, to)).toContain("TZOFFSETTO:+0545");
    expect(vtimezone("America/St_Johns", from, to)).toContain("TZOFFSETFROM:-0330\r\nTZOFFSETTO:-0230");
  });
});
