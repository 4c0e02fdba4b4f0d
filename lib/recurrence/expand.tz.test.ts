import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { expandOccurrences, MAX_OCCURRENCES, OPEN_ENDED_HORIZON_DAYS, type ExpandInput } from "./expand";
import { ruleToRRule } from "./rrule-text";

// Run under several host zones (TZ=UTC, America/Sao_Paulo, Europe/Berlin): every expectation is an exact instant.
const instants = (input: ExpandInput) => expandOccurrences(input).map((o) => o.startsAt.toISOString());
const locals = (input: ExpandInput) => expandOccurrences(input).map((o) => o.local);
const at = (iso: string) => new Date(iso);

describe("expandOccurrences across DST switches", () => {
  const sundays0730 = ruleToRRule({ frequency: "weekly", interval: 1, weekdays: ["SU"], end: { type: "never" } });

  it("keeps a weekly 07:30 in Europe/Berlin at 07:30 while the offset goes +01 → +02 → +01", () => {
    const base = { rrule: sundays0730, dtstartLocal: "2026-03-15T07:30", timeZone: "Europe/Berlin" };
    const spring = { ...base, until: at("2026-04-06T00:00Z") };
    expect(instants(spring)).toEqual([
      "2026-03-15T06:30:00.000Z",
      "2026-03-22T06:30:00.000Z",
      "2026-03-29T05:30:00.000Z", // the switch day itself
      "2026-04-05T05:30:00.000Z",
    ]);
    expect(new Set(locals(spring).map((l) => l.slice(11)))).toEqual(new Set(["07:30"]));
    const autumn = { ...base, from: at("2026-10-10T00:00Z"), until: at("2026-11-02T00:00Z") };
    expect(instants(autumn)).toEqual([
      "2026-10-11T05:30:00.000Z",
      "2026-10-18T05:30:00.000Z",
      "2026-10-25T06:30:00.000Z",
      "2026-11-01T06:30:00.000Z",
    ]);
    expect(locals(autumn)).toEqual(["2026-10-11T07:30", "2026-10-18T07:30", "2026-10-25T07:30", "2026-11-01T07:30"]);
  });

  it("keeps a weekly Tuesday 18:00 in America/New_York at 18:00 across both switches", () => {
    const base = { rrule: "FREQ=WEEKLY;INTERVAL=1;BYDAY=TU", dtstartLocal: "2026-03-03T18:00", timeZone: "America/New_York" };
    expect(instants({ ...base, limit: 2 })).toEqual(["2026-03-03T23:00:00.000Z", "2026-03-10T22:00:00.000Z"]);
    expect(instants({ ...base, from: at("2026-10-27T00:00Z"), limit: 2 })).toEqual([
      "2026-10-27T22:00:00.000Z",
      "2026-11-03T23:00:00.000Z",
    ]);
  });

  it("moves a daily 02:30 to 03:30 on the spring-forward day only", () => {
    const ny = expandOccurrences({ rrule: "FREQ=DAILY", dtstartLocal: "2026-03-07T02:30", timeZone: "America/New_York", limit: 3 });
    expect(ny.map((o) => [o.local, o.startsAt.toISOString()])).toEqual([
      ["2026-03-07T02:30", "2026-03-07T07:30:00.000Z"],
      ["2026-03-08T03:30", "2026-03-08T07:30:00.000Z"],
      ["2026-03-09T02:30", "2026-03-09T06:30:00.000Z"],
    ]);
    expect(locals({ rrule: "FREQ=DAILY", dtstartLocal: "2026-03-28T02:30", timeZone: "Europe/Berlin", limit: 3 })).toEqual([
      "2026-03-28T02:30",
      "2026-03-29T03:30",
      "2026-03-30T02:30",
    ]);
  });

  it("takes the first of the two 01:30s on the fall-back day", () => {
    const base = { rrule: "FREQ=DAILY", dtstartLocal: "2026-10-31T01:30", timeZone: "America/New_York", limit: 3 };
    expect(instants(base)).toEqual(["2026-10-31T05:30:00.000Z", "2026-11-01T05:30:00.000Z", "2026-11-02T06:30:00.000Z"]);
    expect(locals(base)).toEqual(["2026-10-31T01:30", "2026-11-01T01:30", "2026-11-02T01:30"]);
    const berlin = { rrule: "FREQ=DAILY", dtstartLocal: "2026-10-25T02:30", timeZone: "Europe/Berlin", limit: 1 };
    expect(instants(berlin)).toEqual(["2026-10-25T00:30:00.000Z"]);
  });
});

describe("expandOccurrences rule semantics", () => {
  const berlin = { timeZone: "Europe/Berlin" };

  it("finds the 2nd Tuesday of each month", () => {
    const rrule = ruleToRRule({ frequency: "monthly", interval: 1, monthly: { mode: "nth_weekday", nth: 2, weekday: "TU" }, end: { type: "never" } });
    expect(locals({ ...berlin, rrule, dtstartLocal: "2026-01-13T19:00", limit: 6 })).toEqual([
      "2026-01-13T19:00",
      "2026-02-10T19:00",
      "2026-03-10T19:00",
      "2026-04-14T19:00",
      "2026-05-12T19:00",
      "2026-06-09T19:00",
    ]);
  });

  it("skips months without a 31st for day 31 (RFC 5545/rrule semantics, not 'last day')", () => {
    const rrule = ruleToRRule({ frequency: "monthly", interval: 1, monthly: { mode: "day_of_month", day: 31 }, end: { type: "never" } });
    const days = locals({ ...berlin, rrule, dtstartLocal: "2026-01-31T09:00", until: at("2027-01-01T00:00Z") });
    expect(days.map((l) => l.slice(0, 10))).toEqual([
      "2026-01-31",
      "2026-03-31",
      "2026-05-31",
      "2026-07-31",
      "2026-08-31",
      "2026-10-31",
      "2026-12-31",
    ]);
  });

  it("finds the last Friday of each month", () => {
    const rrule = ruleToRRule({ frequency: "monthly", interval: 1, monthly: { mode: "nth_weekday", nth: -1, weekday: "FR" }, end: { type: "never" } });
    expect(locals({ ...berlin, rrule, dtstartLocal: "2026-01-30T18:00", limit: 6 }).map((l) => l.slice(0, 10))).toEqual([
      "2026-01-30",
      "2026-02-27",
      "2026-03-27",
      "2026-04-24",
      "2026-05-29",
      "2026-06-26",
    ]);
  });

  it("removes exactly the EXDATE occurrence, by its rule wall time or its actual one", () => {
    const base = { ...berlin, rrule: "FREQ=WEEKLY;INTERVAL=1;BYDAY=MO,WE,FR", dtstartLocal: "2026-09-07T07:30", limit: 4 };
    expect(locals({ ...base, exdates: ["2026-09-09T07:30"] })).toEqual([
      "2026-09-07T07:30",
      "2026-09-11T07:30",
      "2026-09-14T07:30",
      "2026-09-16T07:30",
    ]);
    expect(locals({ ...base, exdates: ["2026-09-09T07:31", "2026-09-10T07:30"] })).toHaveLength(4);
    const gapDay = { rrule: "FREQ=DAILY;COUNT=3", dtstartLocal: "2026-03-28T02:30", timeZone: "Europe/Berlin" };
    expect(locals({ ...gapDay, exdates: ["2026-03-29T02:30"] })).toEqual(["2026-03-28T02:30", "2026-03-30T02:30"]);
    expect(locals({ ...gapDay, exdates: ["2026-03-29T03:30"] })).toEqual(["2026-03-28T02:30", "2026-03-30T02:30"]);
  });

  it("includes occurrences on the UNTIL date, even late in the evening", () => {
    const rrule = ruleToRRule({ frequency: "weekly", interval: 1, weekdays: ["TU"], end: { type: "until", date: "2026-06-30" } });
    expect(locals({ ...berlin, rrule, dtstartLocal: "2026-06-02T23:30" })).toEqual([
      "2026-06-02T23:30",
      "2026-06-09T23:30",
      "2026-06-16T23:30",
      "2026-06-23T23:30",
      "2026-06-30T23:30",
    ]);
  });

  it("counts COUNT before EXDATEs are removed", () => {
    const rrule = ruleToRRule({ frequency: "daily", interval: 1, end: { type: "count", count: 5 } });
    const result = locals({ ...berlin, rrule, dtstartLocal: "2026-05-01T08:00", exdates: ["2026-05-03T08:00"] });
    expect(result).toEqual(["2026-05-01T08:00", "2026-05-02T08:00", "2026-05-04T08:00", "2026-05-05T08:00"]);
  });

  it("repeats every 2 weeks", () => {
    const rrule = ruleToRRule({ frequency: "weekly", interval: 2, weekdays: ["TU"], end: { type: "never" } });
    expect(locals({ ...berlin, rrule, dtstartLocal: "2026-06-02T18:00", limit: 4 })).toEqual([
      "2026-06-02T18:00",
      "2026-06-16T18:00",
      "2026-06-30T18:00",
      "2026-07-14T18:00",
    ]);
  });
});

describe("expandOccurrences windows and bounds", () => {
  const daily = { rrule: "FREQ=DAILY", dtstartLocal: "2026-01-01T08:00", timeZone: "UTC" };

  it("filters to [from, until] by instant, inclusive, and stops at limit", () => {
    const window = { ...daily, from: at("2026-01-10T08:00Z"), until: at("2026-01-15T08:00Z") };
    expect(locals(window).map((l) => l.slice(0, 10))).toEqual([
      "2026-01-10",
      "2026-01-11",
      "2026-01-12",
      "2026-01-13",
      "2026-01-14",
      "2026-01-15",
    ]);
    expect(locals({ ...window, limit: 3 })).toEqual(["2026-01-10T08:00", "2026-01-11T08:00", "2026-01-12T08:00"]);
    expect(locals({ ...window, from: at("2026-01-10T08:00:01Z"), limit: 1 })).toEqual(["2026-01-11T08:00"]);
    expect(expandOccurrences({ ...window, limit: 0 })).toEqual([]);
    expect(expandOccurrences({ ...daily, until: at("2025-12-01T00:00Z") })).toEqual([]);
  });

  it("returns exactly DTSTART for a one-off", () => {
    const oneOff = { rrule: null, dtstartLocal: "2026-09-07T07:30", timeZone: "Europe/Berlin" };
    expect(expandOccurrences(oneOff)).toEqual([{ local: "2026-09-07T07:30", startsAt: at("2026-09-07T05:30:00Z") }]);
    expect(expandOccurrences({ ...oneOff, from: at("2026-09-08T00:00Z") })).toEqual([]);
  });

  it("caps an endless rule without until or limit at the horizon, and every call at MAX_OCCURRENCES", () => {
    const open = expandOccurrences(daily);
    expect(open).toHaveLength(OPEN_ENDED_HORIZON_DAYS + 1);
    expect(open.at(-1)?.local).toBe("2028-01-02T08:00");
    expect(expandOccurrences({ ...daily, limit: 5000 })).toHaveLength(MAX_OCCURRENCES);
    expect(expandOccurrences({ ...daily, until: at("2100-01-01T00:00Z") })).toHaveLength(MAX_OCCURRENCES);
  });

  it("expands a years-old rule over a 60-day horizon quickly and exactly", () => {
    const old = { rrule: "FREQ=WEEKLY;INTERVAL=3;BYDAY=MO,TH", dtstartLocal: "2019-02-04T07:30", timeZone: "Europe/Berlin" };
    const window = { from: at("2026-03-01T00:00Z"), until: at("2026-04-30T00:00Z") };
    const fromStart = expandOccurrences({ ...old, until: window.until }).filter((o) => o.startsAt >= window.from);
    expect(expandOccurrences({ ...old, ...window })).toEqual(fromStart);

    const started = performance.now();
    const days = expandOccurrences({ ...daily, dtstartLocal: "2019-02-04T07:30", ...window });
    expect(days).toHaveLength(60);
    expect(performance.now() - started).toBeLessThan(100);
  });

  it("rejects an invalid rule, zone or start with VALIDATION", () => {
    const codeOf = (input: ExpandInput) => {
      try {
        expandOccurrences(input);
      } catch (error) {
        return error instanceof AppError ? error.code : "other";
      }
      return "none";
    };
    expect(codeOf({ ...daily, rrule: "FREQ=SOMETIMES;BYFOO=1" })).toBe("VALIDATION");
    expect(codeOf({ ...daily, rrule: "" })).toBe("VALIDATION");
    expect(codeOf({ ...daily, rrule: "INTERVAL=2" })).toBe("VALIDATION");
    expect(codeOf({ ...daily, timeZone: "Nowhere/Special" })).toBe("VALIDATION");
    expect(codeOf({ ...daily, dtstartLocal: "2026-01-01 08:00" })).toBe("VALIDATION");
    expect(codeOf({ ...daily, exdates: ["yesterday"] })).toBe("VALIDATION");
  });
});
