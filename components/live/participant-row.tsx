"use client";

import { useTranslations } from "next-intl";
import { memo, useActionState } from "react";
import { formatClock } from "@/components/dashboard/format";
import type { AttendanceActions } from "@/components/occurrences/attendance-row";
import { Badge } from "@/components/ui/badge";
import { HiddenFields } from "@/components/ui/hidden-fields";
import { AlertTriangleIcon, MapPinIcon } from "@/components/ui/icons";
import { ResultText } from "@/components/ui/result-text";
import { SubmitButton } from "@/components/ui/submit-button";
import { idle } from "@/lib/http/action-result";
import type { DistanceUnits } from "@/lib/i18n/locales";
import type { Translator } from "@/lib/i18n/translator-type";
import type { EtaMethod, LiveParticipant } from "@/lib/live/types";
import { cn } from "@/lib/utils/cn";
import { STATE_STYLE, arrivalText, formatAge, formatIn, rsvpText, stateLabel, type LiveWords } from "./presentation";
import { useLiveWords } from "./use-live-words";

export type CheckInActions = Pick<AttendanceActions, "checkIn" | "undoCheckIn">;

type Props = {
  actions: CheckInActions;
  instanceId: string;
  participant: LiveParticipant;
  timeZone: string;
  /** Server time in ms (see useServerNow). */
  now: number;
  isSelected: boolean;
  canCheckIn: boolean;
  units: DistanceUnits;
  onSelect: (attendanceId: string) => void;
};

/** How the ETA was estimated, for its tooltip. */
function etaHint(t: Translator<"live">, method: EtaMethod, rough: boolean): string {
  return t("row.estimated", { method, rough: rough ? "yes" : "no" });
}

function Details({ p, timeZone, now, words }: { p: LiveParticipant; timeZone: string; now: number; words: LiveWords }) {
  const t = useTranslations("live");
  const style = STATE_STYLE[p.state];
  if (p.state === "arrived") return <span className={style.text}>{arrivalText(words, p, timeZone)}</span>;
  if (p.state === "declined" || p.state === "not_sharing" || !p.position) {
    return <span className={style.text}>{p.state === "declined" ? t("row.notComing") : t("row.notSharing")}</span>;
  }
  return (
    <>
      <span className={cn("font-medium", style.text)}>{stateLabel(t, p.state === "stale" ? "on_the_way" : p.state)}</span>
      {p.distanceM !== null ? <span> · {words.distance(p.distanceM)}</span> : null}
      <span className={cn(p.stale && "font-medium text-amber-800")}>
        {" · "}
        {p.stale ? <AlertTriangleIcon size={13} className="-mt-0.5 mr-0.5 inline" title={stateLabel(t, "stale")} /> : null}
        {t("row.lastFix", { age: formatAge(words, p.position.at, now) })}
      </span>
    </>
  );
}

function ParticipantRowView({ actions, instanceId, participant: p, timeZone, now, isSelected, canCheckIn, units, onSelect }: Props) {
  const t = useTranslations("live");
  const words = useLiveWords(units);
  const { format } = words;
  const [checkInResult, checkIn] = useActionState(actions.checkIn, idle);
  const [undoResult, undo] = useActionState(actions.undoCheckIn, idle);
  const ids = <HiddenFields values={{ instanceId, attendanceId: p.attendanceId }} />;
  const failure = [checkInResult, undoResult].find((r) => !r.ok);
  const style = STATE_STYLE[p.state];
  const isArrived = p.state === "arrived";
  const hasEta = !isArrived && p.etaAt !== null;

  return (
    <li
      aria-label={p.name}
      data-testid="live-row"
      data-state={p.state}
      data-attendance-id={p.attendanceId}
      aria-current={isSelected || undefined}
      onClick={() => onSelect(p.attendanceId)}
      className={cn(
        // Rows scrolled out of view skip style, layout and paint (a 5,000-person list reorders every second).
        "relative cursor-pointer border-l-[3px] px-4 py-3 transition-colors [contain-intrinsic-size:auto_4.5rem] [content-visibility:auto]",
        isSelected ? "border-l-brand-600 bg-brand-50/80" : "border-l-transparent hover:bg-slate-50",
        p.state === "declined" && "opacity-70",
      )}
    >
      <div className="flex items-start gap-3">
        <span
          aria-hidden="true"
          className={cn(
            "mt-0.5 grid size-8 shrink-0 place-items-center rounded-full text-[11px] font-bold text-white ring-2 ring-white",
            style.swatch,
            p.state === "stale" && "outline-2 outline-offset-1 outline-amber-600 outline-dashed",
            (p.state === "not_sharing" || p.state === "declined") && "text-slate-700",
          )}
        >
          {p.initials}
        </span>
        <div className="min-w-0 flex-1">
          <div className="flex items-center gap-2">
            <span className="truncate font-semibold text-slate-900">{p.name}</span>
            {p.rsvp !== "confirmed" ? (
              <Badge tone={p.rsvp === "pending" ? "warning" : "neutral"} className="px-1.5 py-0 text-[11px]">
                {rsvpText(t, p.rsvp)}
              </Badge>
            ) : null}
            {p.lateMinutes !== null && !isArrived ? (
              <Badge tone="danger" className="px-1.5 py-0 text-[11px]">
                {t("row.late", { minutes: p.lateMinutes })}
              </Badge>
            ) : null}
          </div>
          <p className="mt-0.5 text-xs leading-5 text-slate-600">
            <Details p={p} timeZone={timeZone} now={now} words={words} />
          </p>
        </div>
        {hasEta ? (
          <div
            className="shrink-0 text-right"
            title={p.etaMethod ? etaHint(t, p.etaMethod, p.etaConfidence === "low") : undefined}
          >
            <p className={cn("text-base leading-6 font-semibold tabular-nums", p.state === "late" ? "text-red-700" : "text-slate-900")}>
              <span className="sr-only">{t("row.expectedAt")} </span>
              {p.etaConfidence === "low" ? "≈ " : null}
              {formatClock(format, p.etaAt!, timeZone)}
            </p>
            <p className="text-xs text-slate-600 tabular-nums">{formatIn(words, p.etaAt!, now)}</p>
          </div>
        ) : null}
      </div>
      {canCheckIn || p.position ? (
        <div className="mt-2 flex flex-wrap items-center gap-2 pl-11" onClick={(e) => e.stopPropagation()}>
          {canCheckIn ? (
            isArrived ? (
              <form action={undo}>
                {ids}
                <SubmitButton variant="ghost" size="sm" className="h-7 px-2 text-xs" pendingLabel={t("row.undoing")} aria-label={t("row.undoLabel", { name: p.name })}>
                  {t("row.undo")}
                </SubmitButton>
              </form>
            ) : (
              <form action={checkIn}>
                {ids}
                <SubmitButton variant="secondary" size="sm" className="h-7 px-2.5 text-xs" pendingLabel={t("row.checkingIn")} aria-label={t("row.checkInLabel", { name: p.name })}>
                  {t("row.checkIn")}
                </SubmitButton>
              </form>
            )
          ) : null}
          {p.position ? (
            <button
              type="button"
              onClick={() => onSelect(p.attendanceId)}
              aria-label={t("row.showOnMap", { name: p.name })}
              className="inline-flex h-7 items-center gap-1 rounded-md px-2 text-xs font-medium text-slate-600 hover:bg-slate-100 hover:text-slate-900"
            >
              <MapPinIcon size={14} /> {t("row.map")}
            </button>
          ) : null}
          {failure && !failure.ok ? <ResultText result={failure} /> : null}
        </div>
      ) : null}
    </li>
  );
}

function sameParticipant(a: LiveParticipant, b: LiveParticipant): boolean {
  if (a === b) return true;
  const pa = a.position;
  const pb = b.position;
  if (pa !== pb && (!pa || !pb || pa.lat !== pb.lat || pa.lng !== pb.lng || pa.at !== pb.at || pa.accuracyM !== pb.accuracyM)) {
    return false;
  }
  return (
    a.state === b.state &&
    a.name === b.name &&
    a.rsvp === b.rsvp &&
    a.etaAt === b.etaAt &&
    a.etaConfidence === b.etaConfidence &&
    a.distanceM === b.distanceM &&
    a.lateMinutes === b.lateMinutes &&
    a.stale === b.stale &&
    a.checkedInAt === b.checkedInAt &&
    a.checkInMethod === b.checkInMethod
  );
}

/** Every snapshot brings new objects: a row re-renders only when what it shows changed. */
export const ParticipantRow = memo(ParticipantRowView, (prev, next) => {
  return (
    prev.now === next.now &&
    prev.isSelected === next.isSelected &&
    prev.canCheckIn === next.canCheckIn &&
    prev.timeZone === next.timeZone &&
    prev.units === next.units &&
    prev.onSelect === next.onSelect &&
    prev.actions === next.actions &&
    prev.instanceId === next.instanceId &&
    sameParticipant(prev.participant, next.participant)
  );
});
