import type { RecurrenceRule } from "@/lib/recurrence";

// Pure: how "this and following" ends the old series.

/** "2026-09-07" → "2026-09-06" (calendar arithmetic, no zone involved). */
export function previousDay(date: string): string {
  const [year, month, day] = date.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day - 1)).toISOString().slice(0, 10);
}

/** The old rule, ended on `lastDate` (inclusive); an earlier end it already had wins, a COUNT is replaced. */
export function endRuleOn(rule: RecurrenceRule, lastDate: string): RecurrenceRule {
  if (rule.end.type === "until" && rule.end.date < lastDate) return rule;
  return { ...rule, end: { type: "until", date: lastDate } };
}
