"use client";

import { useFormatter, useTranslations } from "next-intl";
import { formatClock } from "@/components/dashboard/format";
import { STATE_STYLE, stateLabel } from "@/components/live/presentation";
import type { ReplayMoment } from "@/lib/replay/state";

type Props = { moments: readonly ReplayMoment[]; timeZone: string; selectedId: string | null; onSelect: (id: string) => void };

/** Everyone's status at the replayed instant, and who had arrived by then (in order of arrival). */
export function ReplayLists({ moments, timeZone, selectedId, onSelect }: Props) {
  const t = useTranslations("replay");
  const live = useTranslations("live");
  const format = useFormatter();
  const arrivals = moments
    .filter((m) => m.arrivedAt !== null)
    .sort((a, b) => Date.parse(a.arrivedAt!) - Date.parse(b.arrivedAt!));
  return (
    <div className="space-y-5">
      <section>
        <h2 className="text-sm font-semibold text-slate-900">{t("arrivals.title", { count: arrivals.length, total: moments.length })}</h2>
        {arrivals.length === 0 ? (
          <p className="mt-2 text-sm text-slate-500">{t("arrivals.empty")}</p>
        ) : (
          <ol aria-label={t("arrivals.label")} className="mt-2 space-y-1">
            {arrivals.map((m) => (
              <li key={m.attendanceId} className="flex items-center justify-between gap-3 text-sm">
                <span className="truncate text-slate-800">{m.name}</span>
                <time className="text-slate-600 tabular-nums">{formatClock(format, m.arrivedAt!, timeZone)}</time>
              </li>
            ))}
          </ol>
        )}
      </section>
      <section>
        <h2 className="text-sm font-semibold text-slate-900">{t("list.title")}</h2>
        <ul aria-label={t("list.label")} className="mt-2 divide-y divide-slate-100">
          {moments.map((m) => (
            <li key={m.attendanceId} data-state={m.status}>
              <button
                type="button"
                onClick={() => onSelect(m.attendanceId)}
                aria-current={selectedId === m.attendanceId ? "true" : undefined}
                className={`flex w-full items-center gap-2.5 px-1 py-1.5 text-left text-sm hover:bg-slate-50 ${selectedId === m.attendanceId ? "bg-teal-50" : ""}`}
              >
                <span aria-hidden="true" className={`size-2.5 shrink-0 rounded-full ${STATE_STYLE[m.status].swatch}`} />
                <span className="min-w-0 flex-1 truncate text-slate-800">{m.name}</span>
                <span className={`text-xs ${STATE_STYLE[m.status].text}`}>
                  {m.arrivedAt ? live("arrivedAt", { time: formatClock(format, m.arrivedAt, timeZone) }) : stateLabel(live, m.status)}
                </span>
              </button>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
