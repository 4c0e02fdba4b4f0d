import { formatClock } from "@/components/dashboard/format";
import type { ActivityKind } from "@/lib/attendance";
import type { Translator } from "@/lib/i18n/translator-type";
import type { LiveActivity } from "@/lib/live/types";
import { cn } from "@/lib/utils/cn";
import { activityText, formatAge, type LiveWords } from "./presentation";

type Props = {
  activity: readonly LiveActivity[];
  timeZone: string;
  now: number;
  words: LiveWords;
  onSelect: (attendanceId: string) => void;
};

const DOT: Record<ActivityKind, string> = {
  late: "bg-red-600",
  stale: "bg-amber-500",
  arrived: "bg-emerald-600",
  checked_in: "bg-emerald-600",
  check_in_undone: "bg-slate-400",
};

/** What changed, newest first; an entry about someone selects them on the map. */
export function ActivityFeed({ activity, timeZone, now, words, onSelect }: Props) {
  const t: Translator<"live"> = words.t;
  const { format } = words;
  if (activity.length === 0) {
    return <p className="px-5 py-6 text-sm text-slate-600">{t("activity.empty")}</p>;
  }
  return (
    <ol aria-label={t("activity.title")} className="divide-y divide-slate-100">
      {activity.map((a) => {
        const content = (
          <>
            <span aria-hidden="true" className={cn("mt-1.5 size-2 shrink-0 rounded-full", DOT[a.kind])} />
            <span className="min-w-0 flex-1 text-sm text-slate-800">{activityText(t, a)}</span>
            <span className="shrink-0 text-right text-xs text-slate-500 tabular-nums">
              <time dateTime={a.at}>{formatClock(format, a.at, timeZone)}</time>
              <span className="block">{formatAge(words, a.at, now)}</span>
            </span>
          </>
        );
        const attendanceId = a.attendanceId;
        return (
          <li key={a.id} data-kind={a.kind}>
            {attendanceId ? (
              <button
                type="button"
                onClick={() => onSelect(attendanceId)}
                className="flex w-full items-start gap-3 px-5 py-2.5 text-left hover:bg-slate-50"
              >
                {content}
              </button>
            ) : (
              <div className="flex items-start gap-3 px-5 py-2.5">{content}</div>
            )}
          </li>
        );
      })}
    </ol>
  );
}
