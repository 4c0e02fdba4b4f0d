import { z } from "zod";
import { problemKey } from "@/lib/problems";

/** RFC 5545 weekday codes in ISO order (Monday first); every list we emit follows this order. */
export const WEEKDAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** Weekdays deduplicated and in Monday-first order, the canonical form every stored rule uses. */
export function sortWeekdays(days: readonly Weekday[]): Weekday[] {
  return WEEKDAYS.filter((day) => days.includes(day));
}

const MonthlyPattern = z.discriminatedUnion("mode", [
  z.object({ mode: z.literal("day_of_month"), day: z.number().int().min(1).max(31) }),
  z.object({
    mode: z.literal("nth_weekday"),
    nth: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(-1)]),
    weekday: z.enum(WEEKDAYS),
  }),
]);

const RuleEnd = z.discriminatedUnion("type", [
  z.object({ type: z.literal("never") }),
  // A local calendar date in the event's zone; occurrences on that date are included.
  z.object({ type: z.literal("until"), date: z.iso.date() }),
  z.object({ type: z.literal("count"), count: z.number().int().min(1).max(1000) }),
]);

/** What the recurrence builder can express. Stored as an RRULE body via `ruleToRRule`. */
export const RecurrenceRule = z
  .object({
    frequency: z.enum(["daily", "weekly", "monthly"]),
    interval: z.number().int().min(1).max(99),
    weekdays: z.array(z.enum(WEEKDAYS)).optional(),
    monthly: MonthlyPattern.optional(),
    end: RuleEnd,
  })
  .superRefine((rule, ctx) => {
    // Without these the rule would silently fall back to DTSTART's weekday/day, which the builder never shows.
    if (rule.frequency === "weekly" && (rule.weekdays ?? []).length === 0) {
      ctx.addIssue({ code: "custom", path: ["weekdays"], message: problemKey("recurrence.weekdaysMissing") });
    }
    if (rule.frequency === "monthly" && !rule.monthly) {
      ctx.addIssue({ code: "custom", path: ["monthly"], message: problemKey("recurrence.monthlyMissing") });
    }
  });
export type RecurrenceRule = z.infer<typeof RecurrenceRule>;

/** True for "YYYY-MM-DDTHH:mm" strings naming a real calendar date and clock time (no 2026-02-30, no 24:00). */
export function isRealWallTime(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value)) return false;
  const [y, mo, d, h, mi] = value.split(/[-T:]/).map(Number) as [number, number, number, number, number];
  // Leap years repeat every 400 years; mapping into 2000–2399 sidesteps Date.UTC's 0–99 → 1900s quirk.
  const daysInMonth = new Date(Date.UTC(2000 + (y % 400), mo, 0)).getUTCDate();
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth && h <= 23 && mi <= 59;
}

/** A wall-clock time with no zone, e.g. "2026-09-07T07:30"; the event's IANA zone gives it an instant. */
export const LocalDateTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, { message: problemKey("recurrence.localDateTimeForm"), abort: true })
  .refine(isRealWallTime, problemKey("recurrence.notARealTime"));
export type LocalDateTime = z.infer<typeof LocalDateTime>;
