import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { describeRule, ruleToRRule, rruleToRule } from "./rrule-text";
import type { RecurrenceRule } from "./schemas";

const never = { type: "never" } as const;

const cases: [RecurrenceRule, string][] = [
  [{ frequency: "daily", interval: 1, end: never }, "FREQ=DAILY;INTERVAL=1"],
  [{ frequency: "daily", interval: 3, end: { type: "count", count: 10 } }, "FREQ=DAILY;INTERVAL=3;COUNT=10"],
  [{ frequency: "weekly", interval: 1, weekdays: ["MO", "WE", "FR"], end: never }, "FREQ=WEEKLY;INTERVAL=1;BYDAY=MO,WE,FR"],
  [
    { frequency: "weekly", interval: 2, weekdays: ["TU"], end: { type: "until", date: "2027-06-30" } },
    "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU;UNTIL=20270630T235959",
  ],
  [
    { frequency: "monthly", interval: 1, monthly: { mode: "day_of_month", day: 31 }, end: never },
    "FREQ=MONTHLY;INTERVAL=1;BYMONTHDAY=31",
  ],
  [
    { frequency: "monthly", interval: 1, monthly: { mode: "nth_weekday", nth: 2, weekday: "TU" }, end: { type: "count", count: 10 } },
    "FREQ=MONTHLY;INTERVAL=1;BYDAY=2TU;COUNT=10",
  ],
  [
    { frequency: "monthly", interval: 3, monthly: { mode: "nth_weekday", nth: -1, weekday: "FR" }, end: never },
    "FREQ=MONTHLY;INTERVAL=3;BYDAY=-1FR",
  ],
];

function validationError(run: () => unknown): AppError {
  try {
    run();
  } catch (error) {
    if (error instanceof AppError && error.code === "VALIDATION") return error;
    throw error;
  }
  throw new Error("expected a VALIDATION AppError");
}

describe("ruleToRRule / rruleToRule", () => {
  it.each(cases)("round-trips %j", (rule, rrule) => {
    expect(ruleToRRule(rule)).toBe(rrule);
    expect(rruleToRule(rrule)).toEqual(rule);
  });

  it("stores weekdays deduplicated in Monday-first order", () => {
    const rrule = ruleToRRule({ frequency: "weekly", interval: 1, weekdays: ["FR", "MO", "FR"], end: never });
    expect(rrule).toBe("FREQ=WEEKLY;INTERVAL=1;BYDAY=MO,FR");
    expect(rruleToRule("FREQ=WEEKLY;BYDAY=SU,MO").weekdays).toEqual(["MO", "SU"]);
  });

  it("reads equivalent spellings of what the builder can express", () => {
    expect(rruleToRule("RRULE:freq=monthly;byday=tu;bysetpos=2")).toEqual({
      frequency: "monthly",
      interval: 1,
      monthly: { mode: "nth_weekday", nth: 2, weekday: "TU" },
      end: never,
    });
    expect(rruleToRule("FREQ=MONTHLY;BYDAY=+1MO").monthly).toEqual({ mode: "nth_weekday", nth: 1, weekday: "MO" });
    expect(rruleToRule("FREQ=WEEKLY;WKST=MO;BYDAY=TU;UNTIL=20270630T235959Z").end).toEqual({ type: "until", date: "2027-06-30" });
  });

  it.each([
    "FREQ=HOURLY",
    "FREQ=YEARLY;BYMONTH=1",
    "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1",
    "FREQ=MONTHLY;BYDAY=TU;BYSETPOS=2,4",
    "FREQ=MONTHLY;BYDAY=2TU;BYSETPOS=2",
    "FREQ=MONTHLY;BYDAY=5TU",
    "FREQ=MONTHLY;BYMONTHDAY=-1",
    "FREQ=MONTHLY;BYMONTHDAY=1,15",
    "FREQ=MONTHLY;BYMONTHDAY=0",
    "FREQ=MONTHLY",
    "FREQ=WEEKLY",
    "FREQ=WEEKLY;BYDAY=1MO",
    "FREQ=WEEKLY;BYDAY=MO;WKST=SU",
    "FREQ=DAILY;BYDAY=MO,TU",
    "FREQ=DAILY;BYHOUR=9",
    "FREQ=DAILY;UNTIL=20270630T120000",
    "FREQ=DAILY;UNTIL=20270630", // a bare date would end the series at midnight, not after that day
    "FREQ=DAILY;COUNT=3;UNTIL=20270630T235959",
    "FREQ=DAILY;COUNT=0",
    "FREQ=DAILY;INTERVAL=100",
    "FREQ=DAILY;FREQ=WEEKLY",
    "INTERVAL=2",
    "not a rule",
  ])("rejects %s with VALIDATION", (rrule) => {
    expect(validationError(() => rruleToRule(rrule)).message).not.toBe("");
  });

  it("rejects builder rules that are incomplete", () => {
    expect(validationError(() => ruleToRRule({ frequency: "weekly", interval: 1, weekdays: [], end: never })).fields).toHaveProperty("weekdays");
    expect(validationError(() => ruleToRRule({ frequency: "monthly", interval: 1, end: never })).fields).toHaveProperty("monthly");
  });
});

describe("describeRule", () => {
  const weekly = (interval: number, weekdays: RecurrenceRule["weekdays"], end: RecurrenceRule["end"] = never): RecurrenceRule => ({
    frequency: "weekly",
    interval,
    weekdays,
    end,
  });

  it.each<[RecurrenceRule, string, string]>([
    [weekly(1, ["MO", "WE", "FR"]), "2026-09-07T07:30", "Every Mon, Wed and Fri at 07:30"],
    [weekly(1, ["FR", "MO"]), "2026-09-07T07:30", "Every Mon and Fri at 07:30"],
    [weekly(2, ["TU"], { type: "until", date: "2027-06-30" }), "2026-09-08T18:00", "Every 2 weeks on Tue at 18:00, until 30 Jun 2027"],
    [
      { frequency: "monthly", interval: 1, monthly: { mode: "nth_weekday", nth: 2, weekday: "TU" }, end: { type: "count", count: 10 } },
      "2026-09-08T19:00",
      "Monthly on the 2nd Tuesday at 19:00, 10 times",
    ],
    [{ frequency: "monthly", interval: 1, monthly: { mode: "day_of_month", day: 15 }, end: never }, "2026-09-15T09:00", "Monthly on day 15 at 09:00"],
    [
      { frequency: "monthly", interval: 2, monthly: { mode: "nth_weekday", nth: -1, weekday: "FR" }, end: never },
      "2026-09-25T20:00",
      "Every 2 months on the last Friday at 20:00",
    ],
    [{ frequency: "daily", interval: 3, end: never }, "2026-09-07T08:00", "Every 3 days at 08:00"],
    [{ frequency: "daily", interval: 1, end: never }, "2026-09-07T08:00", "Daily at 08:00"],
    [{ frequency: "daily", interval: 1, end: { type: "count", count: 1 } }, "2026-09-07T08:00", "Daily at 08:00, once"],
    [weekly(1, ["MO", "TU", "WE", "TH", "FR"]), "2026-09-07T07:30", "Every weekday at 07:30"],
    [weekly(2, ["MO", "TU", "WE", "TH", "FR"]), "2026-09-07T07:30", "Every 2 weeks on weekdays at 07:30"],
    [weekly(1, ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]), "2026-09-07T07:30", "Every day at 07:30"],
    [weekly(1, ["SA"], { type: "until", date: "2027-01-02" }), "2026-09-12T10:00", "Every Sat at 10:00, until 2 Jan 2027"],
  ])("describes %j at %s as %s", (rule, dtstartLocal, text) => {
    expect(describeRule(rule, dtstartLocal)).toBe(text);
  });

  it("rejects an invalid start", () => {
    validationError(() => describeRule({ frequency: "daily", interval: 1, end: never }, "2026-09-07 08:00"));
  });
});
