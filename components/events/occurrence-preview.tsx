"use client";

import { useFormatter, useTranslations } from "next-intl";
import { formatLocalDateTime, zoneName } from "@/components/dashboard/format";
import { Button } from "@/components/ui/button";
import { AppError, say } from "@/lib/errors";
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

/** The next occurrences in the event's own time zone, computed in the browser with the same code the server uses. */
export function OccurrencePreview({ dtstartLocal, timeZone, rule, exdates, onSkip, onRestore }: Props) {
  const t = useTranslations("events.preview");
  const recurrence = useTranslations("recurrence");
  const problems = useTranslations("problems");
  const format = useFormatter();
  // "Mon, Sep 7, 2026, 07:30": already the event's local time, so no zone conversion.
  const day = (local: string) => formatLocalDateTime(format, local, { year: true });
  let summary = t("once");
  let next: { local: string }[] = [];
  let problem: string | null = null;
  try {
    const rrule = rule ? ruleToRRule(rule) : null;
    if (rule) summary = describeRule(recurrence, format, rule, dtstartLocal);
    next = expandOccurrences({ rrule, dtstartLocal, timeZone, exdates, from: new Date(), limit: 10 });
  } catch (error) {
    // The same rules as the server's, so the same words, in the organizer's language: the first field's if any.
    const words = error instanceof AppError ? (Object.values(error.fields ?? {})[0]?.[0] ?? error.words) : null;
    problem = words ? say(problems, words) : t("invalid");
  }

  return (
    <div className="rounded-lg border border-slate-200 bg-slate-50 p-4" aria-live="polite" data-testid="occurrence-preview">
      <p className="text-sm font-semibold text-slate-900">{summary}</p>
      <p className="mb-3 text-xs text-slate-500">{t("next", { zone: zoneName(timeZone) })}</p>
      {problem ? <p className="text-sm text-red-700">{problem}</p> : null}
      {!problem && next.length === 0 ? <p className="text-sm text-slate-600">{t("none")}</p> : null}
      <ol className="space-y-1">
        {next.map(({ local }) => (
          <li key={local} className="flex items-center justify-between gap-2 text-sm text-slate-800">
            <span className="tabular-nums">{day(local)}</span>
            {rule ? (
              <Button variant="ghost" size="sm" onClick={() => onSkip(local)} aria-label={t("skipLabel", { date: day(local) })}>
                {t("skip")}
              </Button>
            ) : null}
          </li>
        ))}
      </ol>
      {exdates.length > 0 ? (
        <div className="mt-3 border-t border-slate-200 pt-3">
          <p className="mb-1 text-xs font-medium text-slate-600">{t("skipped")}</p>
          <ul className="flex flex-wrap gap-2">
            {exdates.map((local) => (
              <li key={local}>
                <button
                  type="button"
                  onClick={() => onRestore(local)}
                  className="rounded-full border border-slate-300 bg-white px-2 py-0.5 text-xs text-slate-700 line-through hover:no-underline"
                  aria-label={t("restoreLabel", { date: day(local) })}
                >
                  {day(local)}
                </button>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
