import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { formatterFor, translatorFor } from "@/lib/i18n";
import { describeOnce, describeRule as describeIn, describeTiming, ruleToRRule, rruleToRule } from "./rrule-text";
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

// The organizer's language decides the words and formats; English here, the other languages below.
const en = { t: translatorFor("en", "recurrence"), format: formatterFor("en") };
const describeRule = (rule: RecurrenceRule, dtstartLocal: string) => describeIn(en.t, en.format, rule, dtstartLocal);

const weeklyRule = (interval: number, weekdays: RecurrenceRule["weekdays"], end: RecurrenceRule["end"] = never): RecurrenceRule => ({
  frequency: "weekly",
  interval,
  weekdays,
  end,
});

describe("describeRule", () => {
  const weekly = weeklyRule;

  it.each<[RecurrenceRule, string, string]>([
    [weekly(1, ["MO", "WE", "FR"]), "2026-09-07T07:30", "Every Mon, Wed, and Fri at 07:30"],
    [weekly(1, ["FR", "MO"]), "2026-09-07T07:30", "Every Mon and Fri at 07:30"],
    [weekly(2, ["TU"], { type: "until", date: "2027-06-30" }), "2026-09-08T18:00", "Every 2 weeks on Tue at 18:00, until Jun 30, 2027"],
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
    [weekly(1, ["SA"], { type: "until", date: "2027-01-02" }), "2026-09-12T10:00", "Every Sat at 10:00, until Jan 2, 2027"],
  ])("describes %j at %s as %s", (rule, dtstartLocal, text) => {
    expect(describeRule(rule, dtstartLocal)).toBe(text);
  });

  it("rejects an invalid start", () => {
    validationError(() => describeRule({ frequency: "daily", interval: 1, end: never }, "2026-09-07 08:00"));
  });

  it("describes a one-off event, and a stored rule the builder cannot express", () => {
    expect(describeOnce(en.t, en.format, "2031-05-06T09:15")).toBe("Once on Tue, May 6, 2031 at 09:15");
    const event = { kind: "periodic", rrule: "FREQ=YEARLY;BYMONTH=1", rule: null, dtstartLocal: "2027-01-04T08:00" };
    expect(describeTiming(en.t, en.format, event)).toBe("Custom rule FREQ=YEARLY;BYMONTH=1 from Jan 4, 2027, 08:00");
    expect(describeTiming(en.t, en.format, { ...event, kind: "demand", rrule: null })).toBe("Once on Mon, Jan 4, 2027 at 08:00");
  });
});

describe("describeRule in the organizer's language", () => {
  const inLocale = (locale: "de" | "es" | "pt-BR") => (rule: RecurrenceRule, start: string) =>
    describeIn(translatorFor(locale, "recurrence"), formatterFor(locale), rule, start);
  const workweek = weeklyRule(1, ["MO", "TU", "WE", "TH", "FR"]);
  const monWedFri = weeklyRule(1, ["MO", "WE", "FR"], { type: "until", date: "2027-06-30" });
  const secondTuesday: RecurrenceRule = {
    frequency: "monthly",
    interval: 1,
    monthly: { mode: "nth_weekday", nth: 2, weekday: "TU" },
    end: { type: "count", count: 10 },
  };
  const lastSaturday: RecurrenceRule = { frequency: "monthly", interval: 2, monthly: { mode: "nth_weekday", nth: -1, weekday: "SA" }, end: never };

  it("German", () => {
    const de = inLocale("de");
    expect(de(workweek, "2026-09-07T07:30")).toBe("Jeden Werktag um 07:30");
    expect(de(monWedFri, "2026-09-07T07:30")).toBe("Jeden Mo, Mi und Fr um 07:30, bis 30. Juni 2027");
    expect(de(secondTuesday, "2026-09-08T19:00")).toBe("Monatlich am zweiten Dienstag um 19:00, 10-mal");
    expect(de(lastSaturday, "2026-09-26T10:00")).toBe("Alle 2 Monate am letzten Samstag um 10:00");
  });

  it("Spanish", () => {
    const es = inLocale("es");
    expect(es(workweek, "2026-09-07T07:30")).toBe("Todos los días laborables a las 07:30");
    expect(es(monWedFri, "2026-09-07T07:30")).toBe("Cada lun, mié y vie a las 07:30, hasta el 30 jun 2027");
    expect(es(secondTuesday, "2026-09-08T19:00")).toBe("Cada mes, el segundo martes a las 19:00, 10 veces");
  });

  it("Brazilian Portuguese, with the weekday's gender", () => {
    const pt = inLocale("pt-BR");
    expect(pt(workweek, "2026-09-07T07:30")).toBe("Todo dia útil às 07:30");
    expect(pt(secondTuesday, "2026-09-08T19:00")).toBe("Todo mês na segunda terça-feira às 19:00, 10 vezes");
    expect(pt(lastSaturday, "2026-09-26T10:00")).toBe("A cada 2 meses no último sábado às 10:00");
  });
});
