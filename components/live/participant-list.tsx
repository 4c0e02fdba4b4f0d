"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useEffect, useMemo, useRef, useState } from "react";
import type { DistanceUnits } from "@/lib/i18n/locales";
import type { LiveParticipant } from "@/lib/live/types";
import { cn } from "@/lib/utils/cn";
import { ParticipantRow, type CheckInActions } from "./participant-row";
import { FILTERS, filterLabel, matchesFilter, type LiveFilter } from "./presentation";

type Props = {
  actions: CheckInActions;
  instanceId: string;
  participants: readonly LiveParticipant[];
  timeZone: string;
  now: number;
  filter: LiveFilter;
  onFilter: (filter: LiveFilter) => void;
  selectedId: string | null;
  onSelect: (attendanceId: string) => void;
  canCheckIn: boolean;
  units: DistanceUnits;
};

/** Rows rendered at first: each snapshot re-renders the rows that changed, so a 500-person list stays cheap. */
const PAGE = 100;

/** The side list, in the order the server sorted it, with filters and a row per participant. */
export function ParticipantList(props: Props) {
  const { participants, filter, onFilter, selectedId } = props;
  const t = useTranslations("live");
  const format = useFormatter();
  const listRef = useRef<HTMLUListElement>(null);
  const counts = useMemo(
    () => Object.fromEntries(FILTERS.map((value) => [value, participants.filter((p) => matchesFilter(p, value)).length])) as Record<LiveFilter, number>,
    [participants],
  );
  const matching = useMemo(() => participants.filter((p) => matchesFilter(p, filter)), [participants, filter]);
  const [limit, setLimit] = useState(PAGE);
  // Someone selected on the map further down than the rows shown yet is shown too.
  const selectedIndex = selectedId ? matching.findIndex((p) => p.attendanceId === selectedId) : -1;
  const shown = matching.slice(0, Math.max(limit, selectedIndex + 1));

  // A marker clicked on the map brings its row into view. Only the list scrolls: the page stays on the map.
  useEffect(() => {
    const list = listRef.current;
    const row = selectedId ? list?.querySelector<HTMLElement>(`[data-attendance-id="${CSS.escape(selectedId)}"]`) : null;
    if (!list || !row) return;
    const r = row.getBoundingClientRect();
    const box = list.getBoundingClientRect();
    if (r.top < box.top) list.scrollBy({ top: r.top - box.top - 8, behavior: "smooth" });
    else if (r.bottom > box.bottom) list.scrollBy({ top: r.bottom - box.bottom + 8, behavior: "smooth" });
  }, [selectedId, filter]);

  return (
    <div className="flex h-full min-h-0 flex-col">
      <div role="group" aria-label={t("list.filters")} className="flex flex-wrap gap-1.5 border-b border-slate-200 px-4 py-3">
        {FILTERS.filter((value) => value !== "declined" || counts.declined > 0).map((value) => {
          const active = filter === value;
          return (
            <button
              key={value}
              type="button"
              aria-pressed={active}
              onClick={() => onFilter(value)}
              className={cn(
                "inline-flex h-7 items-center gap-1.5 rounded-full px-2.5 text-xs font-medium ring-1 transition-colors ring-inset",
                active ? "bg-slate-900 text-white ring-slate-900" : "bg-white text-slate-700 ring-slate-300 hover:bg-slate-50",
              )}
            >
              {filterLabel(t, value)}
              <span className={cn("tabular-nums", active ? "text-slate-300" : "text-slate-500")}>{format.number(counts[value])}</span>
            </button>
          );
        })}
      </div>
      {matching.length === 0 ? (
        <p className="px-4 py-10 text-center text-sm text-slate-600">{t(`empty.${filter}`)}</p>
      ) : (
        <ul ref={listRef} aria-label={t("list.label")} className="min-h-0 flex-1 divide-y divide-slate-100 overflow-y-auto overscroll-contain">
          {shown.map((p) => (
            <ParticipantRow
              key={p.attendanceId}
              actions={props.actions}
              instanceId={props.instanceId}
              participant={p}
              timeZone={props.timeZone}
              now={props.now}
              isSelected={p.attendanceId === selectedId}
              canCheckIn={props.canCheckIn}
              units={props.units}
              onSelect={props.onSelect}
            />
          ))}
          {matching.length > shown.length ? (
            <li className="px-4 py-3 text-center">
              <button
                type="button"
                onClick={() => setLimit(shown.length + PAGE)}
                className="text-sm font-medium text-brand-700 hover:underline"
              >
                {t("list.showMore", { count: Math.min(PAGE, matching.length - shown.length), rest: matching.length - shown.length })}
              </button>
            </li>
          ) : null}
        </ul>
      )}
    </div>
  );
}
