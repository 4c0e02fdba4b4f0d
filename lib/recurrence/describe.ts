import type { createFormatter } from "next-intl";
import { parseInput } from "@/lib/errors";
import type { Translator } from "@/lib/i18n";
import { LocalDateTime, RecurrenceRule, sortWeekdays, WEEKDAYS, type Weekday } from "./schemas";

// A rule in the reader's words: the sentence from the catalog ("recurrence" namespace), weekday names, dates, times
// and lists from Intl in the translator's locale. Client-safe: the event editor's preview runs it in the browser.

type Formatter = ReturnType<typeof createFormatter>;

const WORKWEEK = "MO,TU,WE,TH,FR";
const NTH = { 1: "first", 2: "second", 3: "third", 4: "fourth", [-1]: "last" } as const;

/** A wall-clock date and time read in UTC and printed in UTC: it already is the event's local time. */
const wall = (local: string) => new Date(`${local.slice(0, 10)}T${local.slice(11, 16) || "00:00"}:00Z`);
// 2024-01-01 was a Monday: the weekday at index i of WEEKDAYS falls on January 1 + i.
const weekdayDate = (day: Weekday) => new Date(Date.UTC(2024, 0, 1 + WEEKDAYS.indexOf(day)));

const time = (format: Formatter, local: string) =>
  format.dateTime(wall(local), { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone: "UTC" });
const weekday = (format: Formatter, day: Weekday, width: "short" | "long") =>
  format.dateTime(weekdayDate(day), { weekday: width, timeZone: "UTC" });

function pattern(t: Translator<"recurrence">, format: Formatter, rule: RecurrenceRule): string {
  const { interval } = rule;
  if (rule.frequency === "daily") return t("daily", { interval });
  if (rule.frequency === "weekly") {
    const days = sortWeekdays(rule.weekdays ?? []);
    if (days.join(",") === WORKWEEK) return t("weekdays", { interval });
    if (days.length === 7 && interval === 1) return t("everyDay");
    return t("weekly", { interval, days: format.list(days.map((day) => weekday(format, day, "short")), { type: "conjunction" }) });
  }
  const monthly = rule.monthly;
  if (!monthly) return t("monthly", { interval });
  if (monthly.mode === "day_of_month") return t("monthlyDay", { interval, day: monthly.day });
  return t("monthlyNth", { interval, nth: NTH[monthly.nth], weekday: weekday(format, monthly.weekday, "long"), weekdayCode: monthly.weekday });
}

/**
 * "Every Mon, Wed, and Fri at 07:30", "Every 2 weeks on Tue at 18:00, until Jun 30, 2027", "Monthly on the 2nd
 * Tuesday at 19:00, 10 times" (in English). The time is DTSTART's wall time in the event's zone.
 */
export function describeRule(t: Translator<"recurrence">, format: Formatter, input: RecurrenceRule, dtstartLocal: string): string {
  const rule = parseInput(RecurrenceRule, input);
  const start = parseInput(LocalDateTime, dtstartLocal);
  const text = t("at", { pattern: pattern(t, format, rule), time: time(format, start) });
  if (rule.end.type === "until") {
    const date = format.dateTime(wall(rule.end.date), { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
    return t("until", { rule: text, date });
  }
  if (rule.end.type === "count") return t("count", { rule: text, count: rule.end.count });
  return text;
}

/** "Once on Tue, May 6, 2031 at 09:15": a one-off event's date and time, in its zone. */
export function describeOnce(t: Translator<"recurrence">, format: Formatter, dtstartLocal: string): string {
  const start = wall(parseInput(LocalDateTime, dtstartLocal));
  const date = format.dateTime(start, { weekday: "short", day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
  return t("once", { date, time: time(format, dtstartLocal) });
}

/**
 * How an event repeats, as its pages show it: once, by its rule, or (a stored rule the builder cannot express, e.g.
 * imported data) the raw rule and its start.
 */
export function describeTiming(
  t: Translator<"recurrence">,
  format: Formatter,
  event: { kind: string; rrule: string | null; rule: RecurrenceRule | null; dtstartLocal: string },
): string {
  if (event.kind !== "periodic" || !event.rrule) return describeOnce(t, format, event.dtstartLocal);
  if (event.rule) return describeRule(t, format, event.rule, event.dtstartLocal);
  const start = format.dateTime(wall(event.dtstartLocal), { dateStyle: "medium", timeStyle: "short", hourCycle: "h23", timeZone: "UTC" });
  return t("custom", { rrule: event.rrule, start });
}
