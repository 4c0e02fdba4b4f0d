"use client";

import { Button } from "@/components/ui/button";
import { expandOccurrences } from "@/lib/recurrence/expand";
import { describeRule, ruleToRRule } from "@/lib/recurrence/rrule-text";
import type { RecurrenceRule } from "@/lib/recurrence/schemas";

type Props = {
  dtstartLocal: string;
  timeZone: string;
  rule: RecurrenceRule | null;
  exdates: string[];
  onSkip: (local: string) => void;
  onRestore: (local: string) => void;
};

const dayFormat = new Intl.DateTimeFormat("en-GB", { weekday: "short", day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });

/** "Mon, 7 Sept 2026 · 07:30" for a LocalDateTime, without any time-zone conversion (it already is local). */
export function formatLocal(local: string): string {
  return `${dayFormat.format(new Date(`${local.slice(0, 10)}T00:00:00Z`))} · ${local.slice(11, 16)}`;
}

/** The next occurrences in the event's own time zone, computed in the browser with the same code the server uses. */
export function OccurrencePreview({ dtstartLocal, timeZone, rule, exdates, onSkip, onRestore }: Props) {
  let summary = "One occurrence";
  let next: { local: string }[] = [];
  let problem: string | null = null;
  try {
    const rrule = rule ? ruleToRRule(rule) : null;
    if (rule) summary = describeRule(rule, dtstartLocal);
    next = expandOccurrences({ rrule, dtstartLocal, timeZone, exdates, from: new Date(), limit: 10 });
  } catch (error) {
    problem = error instanceof Error ? error.message : "This rule cannot be shown.";
  }

  return (
    <div className="rounded-lg border border-slate-200 bg-slate-50 p-4" aria-live="polite" data-testid="occurrence-preview">
      <p className="text-sm font-semibold text-slate-900">{summary}</p>
      <p className="mb-3 text-xs text-slate-500">Next occurrences, local time in {timeZone.replaceAll("_", " ")}</p>
      {problem ? <p className="text-sm text-red-700">{problem}</p> : null}
      {!problem && next.length === 0 ? <p className="text-sm text-slate-600">No upcoming occurrences.</p> : null}
      <ol className="space-y-1">
        {next.map(({ local }) => (
          <li key={local} className="flex items-center justify-between gap-2 text-sm text-slate-800">
            <span className="tabular-nums">{formatLocal(local)}</span>
            {rule ? (
              <Button variant="ghost" size="sm" onClick={() => onSkip(local)} aria-label={`Skip ${formatLocal(local)}`}>
                Skip
              </Button>
            ) : null}
          </li>
        ))}
      </ol>
      {exdates.length > 0 ? (
        <div className="mt-3 border-t border-slate-200 pt-3">
          <p className="mb-1 text-xs font-medium text-slate-600">Skipped dates</p>
          <ul className="flex flex-wrap gap-2">
            {exdates.map((local) => (
              <li key={local}>
                <button
                  type="button"
                  onClick={() => onRestore(local)}
                  className="rounded-full border border-slate-300 bg-white px-2 py-0.5 text-xs text-slate-700 line-through hover:no-underline"
                  aria-label={`Restore ${formatLocal(local)}`}
                >
                  {formatLocal(local)}
                </button>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
