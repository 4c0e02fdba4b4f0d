import { z } from "zod";
import { problemKey } from "@/lib/problems";

// Client-safe: the report's filter form uses the same limits.

/** A report covers at most this many days, so one request stays a bounded read (and a bounded CSV). */
export const REPORT_MAX_DAYS = 366;
/** Without a range: the last 30 days up to today, in the event's time zone. */
export const REPORT_DEFAULT_DAYS = 30;

const DAY_MS = 86_400_000;

/** "2026-11-30" + n days, in calendar arithmetic (no zone involved). */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Calendar days from `from` to `to`, both included ("2026-11-01".."2026-11-30" → 30). */
export function daysInRange(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS) + 1;
}

/** Why the dates asked for cannot make a report; the report page says it in the organizer's words. */
export type ReportDatesProblem = "badFrom" | "badTo" | "backwards" | "tooLong";

const isoDate = z.iso.date();

export function reportDatesProblem(input: { from?: string; to?: string }): ReportDatesProblem | null {
  if (input.from !== undefined && !isoDate.safeParse(input.from).success) return "badFrom";
  if (input.to !== undefined && !isoDate.safeParse(input.to).success) return "badTo";
  if (!input.from || !input.to) return null;
  const days = daysInRange(input.from, input.to);
  if (days < 1) return "backwards";
  return days > REPORT_MAX_DAYS ? "tooLong" : null;
}

/**
 * An event's attendance report: occurrences that started on the local dates `from`..`to` (both included, the event's
 * time zone). Either date may be left out; the domain fills in the default range.
 */
export const AttendanceReportInput = z
  .object({
    eventId: z.uuid(),
    from: z.iso.date(problemKey("reports.firstDay")).optional(),
    to: z.iso.date(problemKey("reports.lastDay")).optional(),
  })
  .superRefine((input, issue) => {
    const problem = reportDatesProblem(input);
    if (problem === "backwards") issue.addIssue({ code: "custom", path: ["to"], message: problemKey("reports.backwards") });
    if (problem === "tooLong") {
      issue.addIssue({ code: "custom", path: ["to"], message: problemKey("reports.tooLong"), params: { maximum: REPORT_MAX_DAYS } });
    }
  });
export type AttendanceReportInput = z.input<typeof AttendanceReportInput>;

/**
 * The dates a report covers when one or both are left out: up to today (but at most REPORT_MAX_DAYS from a given
 * first day, and never before it), and REPORT_DEFAULT_DAYS back from the last day.
 */
export function reportRange(input: { from?: string; to?: string }, today: string): { from: string; to: string } {
  const latest = (a: string, b: string) => (a > b ? a : b);
  const earliest = (a: string, b: string) => (a < b ? a : b);
  const to = input.to ?? (input.from ? latest(input.from, earliest(today, addDays(input.from, REPORT_MAX_DAYS - 1))) : today);
  return { from: input.from ?? addDays(to, 1 - REPORT_DEFAULT_DAYS), to };
}
