"use client";

import { useFormatter, useTranslations } from "next-intl";
import { formatClock, zoneName } from "@/components/dashboard/format";
import { Button } from "@/components/ui/button";
import { SPEEDS, type Speed } from "./use-replay-clock";

type Props = {
  from: number;
  until: number;
  at: number;
  timeZone: string;
  playing: boolean;
  speed: Speed;
  onPlay: () => void;
  onPause: () => void;
  onSeek: (at: number) => void;
  onSpeed: (speed: Speed) => void;
};

const SECOND = 1000;

/** Play / pause, the speed, and the time slider, with the replayed time in the event's zone. */
export function ReplayControls({ from, until, at, timeZone, playing, speed, onPlay, onPause, onSeek, onSpeed }: Props) {
  const t = useTranslations("replay");
  const format = useFormatter();
  const clock = (ms: number) => format.dateTime(new Date(ms), { hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23", timeZone });
  return (
    <div className="flex flex-col gap-3 rounded-xl border border-slate-200 bg-white px-4 py-3 shadow-xs sm:flex-row sm:items-center sm:gap-4">
      <div className="flex items-center gap-2">
        {playing ? (
          <Button variant="primary" size="sm" onClick={onPause} className="w-20">
            {t("controls.pause")}
          </Button>
        ) : (
          <Button variant="primary" size="sm" onClick={onPlay} className="w-20">
            {t("controls.play")}
          </Button>
        )}
        <div role="group" aria-label={t("controls.speed")} className="inline-flex overflow-hidden rounded-lg border border-slate-300">
          {SPEEDS.map((s) => (
            <button
              key={s}
              type="button"
              aria-pressed={speed === s}
              onClick={() => onSpeed(s)}
              className={`h-8 px-2.5 text-xs font-medium tabular-nums ${speed === s ? "bg-slate-800 text-white" : "bg-white text-slate-700 hover:bg-slate-50"}`}
            >
              {t("controls.speedValue", { speed: s })}
            </button>
          ))}
        </div>
      </div>
      <div className="flex min-w-0 flex-1 items-center gap-3">
        <span className="text-xs text-slate-500 tabular-nums">{formatClock(format, from, timeZone)}</span>
        <input
          type="range"
          min={from}
          max={until}
          step={SECOND}
          value={Math.round(at)}
          onChange={(e) => onSeek(Number(e.currentTarget.value))}
          aria-label={t("controls.slider")}
          aria-valuetext={clock(at)}
          className="min-w-0 flex-1 accent-teal-700"
        />
        <span className="text-xs text-slate-500 tabular-nums">{formatClock(format, until, timeZone)}</span>
      </div>
      <p className="text-sm whitespace-nowrap text-slate-700">
        <time data-testid="replay-time" dateTime={new Date(at).toISOString()} className="font-semibold text-slate-900 tabular-nums">
          {clock(at)}
        </time>{" "}
        <span className="text-xs text-slate-500">{t("controls.zone", { zone: zoneName(timeZone) })}</span>
      </p>
    </div>
  );
}
