"use client";

import { useTranslations } from "next-intl";
import { useLayoutEffect, useRef, useState, type ReactNode, type RefObject } from "react";
import { formatClock } from "@/components/dashboard/format";
import { CheckIcon } from "@/components/ui/icons";
import type { DistanceUnits } from "@/lib/i18n/locales";
import type { LiveParticipant, LiveSnapshot } from "@/lib/live/types";
import { cn } from "@/lib/utils/cn";
import { LiveIndicator } from "./live-indicator";
import { byCheckIn, byEta, formatAge, formatIn, type LiveWords } from "./presentation";
import { useLiveSnapshot, useServerNow } from "./use-live-snapshot";
import { useLiveWords } from "./use-live-words";

export type ArrivalBoardProps = { initial: LiveSnapshot; streamUrl: string; units: DistanceUnits };

/** Arrivals this recent are lit up: whoever stands at the gate sees at once who just came in. */
const JUST_ARRIVED_MS = 3 * 60_000;

/**
 * How many rows fit in a column, measured (the board runs on screens of any size and has no scrolling). Until the
 * first measurement every row is rendered and the overflow is clipped.
 */
function useRowsThatFit(count: number): [RefObject<HTMLUListElement | null>, number | null] {
  const ref = useRef<HTMLUListElement>(null);
  const [fit, setFit] = useState<number | null>(null);
  const hasRows = count > 0;
  useLayoutEffect(() => {
    const list = ref.current;
    if (!list) return;
    const measure = () => {
      const row = list.querySelector("li");
      if (!row) return;
      const gap = parseFloat(getComputedStyle(list).rowGap) || 0;
      setFit(Math.max(1, Math.floor((list.clientHeight + gap) / (row.offsetHeight + gap))));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(list);
    return () => observer.disconnect();
  }, [hasRows]);
  return [ref, fit];
}

function Stat({ value, label, className }: { value: ReactNode; label: string; className?: string }) {
  return (
    <div className="flex min-w-0 items-baseline gap-3">
      <span className={cn("text-[clamp(2.5rem,4vw,4.5rem)] leading-none font-bold tabular-nums", className)}>{value}</span>
      <span className="text-[clamp(1rem,1.3vw,1.5rem)] font-medium text-slate-400">{label}</span>
    </div>
  );
}

type RowProps = { p: LiveParticipant; timeZone: string; now: number; words: LiveWords };

function ComingRow({ p, timeZone, now, words }: RowProps) {
  const t = useTranslations("board");
  const isLate = p.state === "late";
  const detail =
    p.state === "not_sharing" || !p.position
      ? t("notSharing")
      : [p.distanceM !== null ? words.distance(p.distanceM) : null, p.stale ? t("lastSeen", { age: formatAge(words, p.position.at, now) }) : null]
          .filter(Boolean)
          .join(" · ");
  return (
    <li
      aria-label={p.name}
      data-state={p.state}
      className={cn(
        "flex items-center gap-5 rounded-2xl border-l-8 bg-white/[0.04] px-5 py-3",
        isLate ? "border-l-red-500 bg-red-500/10" : p.state === "stale" ? "border-l-amber-400" : p.position ? "border-l-blue-500" : "border-l-slate-600",
      )}
    >
      <div className="min-w-0 flex-1">
        <p className="truncate text-[clamp(1.5rem,2vw,2.5rem)] leading-tight font-semibold">{p.name}</p>
        <p className={cn("truncate text-[clamp(0.95rem,1.1vw,1.35rem)]", p.stale ? "text-amber-300" : "text-slate-400")}>
          {isLate ? (
            <span className="font-semibold text-red-300">
              {t("late", { minutes: p.lateMinutes ?? 0 })}
              {detail ? " · " : ""}
            </span>
          ) : null}
          {detail}
        </p>
      </div>
      {p.etaAt ? (
        <div className="shrink-0 text-right">
          <p className={cn("text-[clamp(1.75rem,2.4vw,3rem)] leading-none font-bold tabular-nums", isLate ? "text-red-300" : "text-white")}>
            {formatClock(words.format, p.etaAt, timeZone)}
          </p>
          <p className="mt-1 text-[clamp(0.95rem,1.1vw,1.35rem)] text-slate-400 tabular-nums">{formatIn(words, p.etaAt, now)}</p>
        </div>
      ) : null}
    </li>
  );
}

function ArrivedRow({ p, timeZone, now, words }: RowProps) {
  const t = useTranslations("board");
  const isNew = p.checkedInAt !== null && now - Date.parse(p.checkedInAt) < JUST_ARRIVED_MS;
  return (
    <li
      aria-label={p.name}
      data-state={p.state}
      data-just-arrived={isNew || undefined}
      className={cn(
        "flex items-center gap-4 rounded-2xl px-5 py-3",
        isNew ? "bg-emerald-400 text-emerald-950 shadow-[0_0_40px_-8px] shadow-emerald-400/70" : "bg-emerald-500/15 text-emerald-50",
      )}
    >
      <span
        aria-hidden="true"
        className={cn("grid size-[clamp(2rem,2.4vw,3rem)] shrink-0 place-items-center rounded-full", isNew ? "bg-emerald-950 text-emerald-300" : "bg-emerald-500 text-emerald-950")}
      >
        <CheckIcon size={22} strokeWidth={3} />
      </span>
      {/* "Just arrived" goes under the name, not beside it: a longer language's label must not cut the name. */}
      <div className="min-w-0 flex-1">
        <p className="truncate text-[clamp(1.4rem,1.8vw,2.25rem)] leading-tight font-semibold">{p.name}</p>
        {isNew ? <p className="truncate text-[clamp(0.8rem,0.95vw,1.15rem)] font-bold tracking-wide uppercase">{t("justArrived")}</p> : null}
      </div>
      <p className={cn("shrink-0 text-right text-[clamp(1rem,1.3vw,1.6rem)] font-medium tabular-nums", isNew ? "text-emerald-950" : "text-emerald-200")}>
        {p.checkedInAt ? formatClock(words.format, p.checkedInAt, timeZone) : null}
      </p>
    </li>
  );
}

function More({ text }: { text: string | null }) {
  if (!text) return null;
  return <p className="pt-3 text-center text-[clamp(1rem,1.2vw,1.5rem)] font-medium text-slate-400">{text}</p>;
}

/** The full-screen arrival board for a gate or a reception desk: big type, no controls, live. */
export function ArrivalBoard({ initial, streamUrl, units }: ArrivalBoardProps) {
  const t = useTranslations("board");
  const words = useLiveWords(units);
  const { snapshot, connection } = useLiveSnapshot(initial, streamUrl);
  const now = useServerNow(snapshot.generatedAt, 5_000);
  const { occurrence, counts } = snapshot;
  const number = (n: number) => words.format.number(n);
  const tz = occurrence.timeZone;
  const coming = snapshot.participants.filter((p) => p.state !== "arrived" && p.state !== "declined").sort(byEta);
  const arrived = snapshot.participants.filter((p) => p.state === "arrived").sort(byCheckIn);
  // Two columns once one is not enough; beyond that, the soonest are shown and the rest counted.
  const [comingRef, comingFit] = useRowsThatFit(coming.length);
  const [arrivedRef, arrivedFit] = useRowsThatFit(arrived.length);
  const columns = comingFit !== null && coming.length > comingFit ? 2 : 1;
  const comingShown = coming.slice(0, comingFit === null ? coming.length : comingFit * columns);
  const arrivedShown = arrived.slice(0, arrivedFit ?? arrived.length);

  return (
    <div className="flex h-dvh flex-col overflow-hidden bg-slate-950 px-[3vw] py-[2.5vh] text-white" data-testid="arrival-board">
      <header className="flex items-start justify-between gap-8">
        <div className="min-w-0">
          <h1 className="truncate text-[clamp(2rem,3.4vw,4rem)] leading-tight font-bold tracking-tight">{occurrence.title}</h1>
          <p className="mt-1 text-[clamp(1.1rem,1.5vw,1.9rem)] text-slate-300">
            {t.rich("venueStarts", {
              venue: occurrence.venue.name,
              start: formatClock(words.format, occurrence.startsAt, tz),
              time: (chunks) => <span className="font-semibold text-white tabular-nums">{chunks}</span>,
            })}
            {occurrence.status === "cancelled" ? <span className="ml-3 font-semibold text-red-400 uppercase">{t("cancelled")}</span> : null}
          </p>
        </div>
        <div className="flex shrink-0 flex-col items-end gap-2">
          <p className="text-[clamp(2.5rem,4.5vw,5.5rem)] leading-none font-bold tabular-nums" aria-label={t("timeNow")}>
            {formatClock(words.format, new Date(now), tz)}
          </p>
          <LiveIndicator connection={connection} tone="dark" className="px-4 py-1.5 text-lg" />
        </div>
      </header>

      <div className="mt-[2.5vh] flex flex-wrap items-end gap-x-[4vw] gap-y-2 border-b border-white/10 pb-[2.5vh]">
        <Stat
          value={
            <>
              {number(counts.arrived)}
              <span className="text-slate-500">/{number(counts.confirmed)}</span>
            </>
          }
          label={t("stats.arrived", { count: counts.arrived })}
          className="text-emerald-400"
        />
        <Stat value={number(counts.onTheWay)} label={t("stats.onTheWay", { count: counts.onTheWay })} className="text-blue-300" />
        {counts.late > 0 ? <Stat value={number(counts.late)} label={t("stats.late", { count: counts.late })} className="text-red-400" /> : null}
        {counts.notSharing > 0 ? (
          <Stat value={number(counts.notSharing)} label={t("stats.notSharing", { count: counts.notSharing })} className="text-slate-300" />
        ) : null}
      </div>

      <div className="mt-[2.5vh] grid min-h-0 flex-1 grid-cols-[minmax(0,1.7fr)_minmax(0,1fr)] gap-[2.5vw]">
        <section aria-labelledby="board-coming" className="flex min-h-0 flex-col">
          <h2 id="board-coming" className="mb-3 text-[clamp(1rem,1.2vw,1.5rem)] font-semibold tracking-widest text-slate-400 uppercase">
            {t("comingTitle")}
          </h2>
          {coming.length === 0 ? (
            <p className="text-[clamp(1.25rem,1.8vw,2.25rem)] text-slate-400">{arrived.length > 0 ? t("everyoneHere") : t("nobodyComing")}</p>
          ) : (
            <ul
              ref={comingRef}
              aria-label={t("comingLabel")}
              className={cn("grid min-h-0 flex-1 content-start gap-3 overflow-hidden", columns === 2 && "grid-cols-2")}
            >
              {comingShown.map((p) => (
                <ComingRow key={p.attendanceId} p={p} timeZone={tz} now={now} words={words} />
              ))}
            </ul>
          )}
          <More text={coming.length > comingShown.length ? t("moreComing", { count: coming.length - comingShown.length }) : null} />
        </section>
        <section aria-labelledby="board-arrived" className="flex min-h-0 flex-col">
          <h2 id="board-arrived" className="mb-3 text-[clamp(1rem,1.2vw,1.5rem)] font-semibold tracking-widest text-emerald-400 uppercase">
            {t("arrivedTitle")}
          </h2>
          {arrived.length === 0 ? (
            <p className="text-[clamp(1.25rem,1.8vw,2.25rem)] text-slate-400">{t("arrivalsAppear")}</p>
          ) : (
            <ul ref={arrivedRef} aria-label={t("arrivedTitle")} className="grid min-h-0 flex-1 content-start gap-3 overflow-hidden">
              {arrivedShown.map((p) => (
                <ArrivedRow key={p.attendanceId} p={p} timeZone={tz} now={now} words={words} />
              ))}
            </ul>
          )}
          <More text={arrived.length > arrivedShown.length ? t("moreArrived", { count: arrived.length - arrivedShown.length }) : null} />
        </section>
      </div>
    </div>
  );
}
