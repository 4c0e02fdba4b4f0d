"use client";

import { useFormatter, useLocale, useTranslations } from "next-intl";
import { clsx } from "clsx";
import { useState, type ReactNode } from "react";
import { SpinnerIcon } from "@/components/ui/icons";
import { formatDistance } from "@/lib/i18n/format";
import type { TrackingPageInfo } from "@/lib/tracking/schemas";
import { formatArrivalIn, formatClock } from "./page-format";
import { PhoneButton } from "./phone-button";
import type { SenderStatus } from "./point-sender";
import { describeStatus, journeyFigures, type StatusView } from "./status";
import { useNow } from "./use-browser";

export type Fix = { lat: number; lng: number; accuracy: number; speed: number | null };

const dots: Record<StatusView["tone"], string> = {
  // Pulses when sharing (re)starts, then rests (app/globals.css).
  sharing: "bg-emerald-500 animate-pulse-thrice",
  waiting: "bg-amber-500",
  paused: "bg-slate-400",
  offline: "bg-red-500",
};
const boxes: Record<StatusView["tone"], string> = {
  sharing: "border-emerald-200 bg-emerald-50",
  waiting: "border-amber-200 bg-amber-50",
  paused: "border-slate-200 bg-white",
  offline: "border-red-200 bg-red-50",
};

type Props = {
  info: TrackingPageInfo;
  locating: boolean;
  fix: Fix | null;
  noFix: boolean;
  online: boolean;
  visible: boolean;
  status: SenderStatus | null;
  stopping: boolean;
  stopError: string | null;
  onStop: () => void;
  map: ReactNode;
};

/** While sharing: the live status, how far and how long, the map, and the Stop button. */
export function SharingPanel({ info, locating, fix, noFix, online, visible, status, stopping, stopError, onStop, map }: Props) {
  const t = useTranslations("tracking");
  const format = useFormatter();
  const locale = useLocale();
  const now = useNow(15_000);
  const pending = status?.pending ?? 0;
  const view = describeStatus(t, { phase: locating ? "locating" : "sharing", online, visible, pending, retrying: status?.retrying ?? false, noFix });
  const figures = journeyFigures({
    fix,
    lastResult: status?.lastResult ?? null,
    pending,
    venue: info.venue,
    travelMode: info.travelMode,
    now,
  });

  return (
    <div className="flex flex-col gap-4">
      <div role="status" aria-live="polite" data-testid="sharing-status" className={clsx("rounded-xl border px-4 py-3", boxes[view.tone])}>
        <p className="flex items-center gap-2.5 text-base font-semibold text-slate-900">
          <span aria-hidden="true" className={clsx("size-3 shrink-0 rounded-full", dots[view.tone])} />
          {view.title}
        </p>
        <p className="mt-0.5 pl-[22px] text-sm leading-6 text-slate-700">{view.detail}</p>
      </div>

      <dl className="grid grid-cols-2 gap-3">
        <Figure label={t("sharing.distance")} value={figures ? formatDistance(figures.distanceM, locale, info.distanceUnits) : "–"} />
        <Figure
          label={t("sharing.arriveAround")}
          value={figures?.etaAt ? formatClock(format, figures.etaAt, info.timeZone) : figures?.atVenue ? t("sharing.now") : "–"}
          hint={figures?.etaAt ? formatArrivalIn(t, format, figures.etaAt, now) : figures?.atVenue ? t("sharing.atVenue") : undefined}
        />
      </dl>

      {map}

      <p className="text-sm leading-6 text-slate-600">
        {t("sharing.keepOpen")}
        {status?.lastSentAt ? <> {t("sharing.lastSent", { time: formatClock(format, new Date(status.lastSentAt), info.timeZone) })}</> : null}
      </p>

      <StopControl stopping={stopping} error={stopError} onStop={onStop} organization={info.organizationName} />
    </div>
  );
}

function Figure({ label, value, hint }: { label: string; value: string; hint?: string }) {
  return (
    <div className="rounded-xl border border-slate-200 bg-white px-4 py-3 shadow-xs">
      <dt className="text-sm text-slate-600">{label}</dt>
      <dd className="mt-0.5 text-2xl font-semibold tracking-tight text-slate-900 tabular-nums">{value}</dd>
      {hint ? <dd className="text-sm text-slate-600">{hint}</dd> : null}
    </div>
  );
}

/** Stopping cannot be undone (the link refuses positions afterwards), so it asks once, in place. */
function StopControl({ stopping, error, onStop, organization }: { stopping: boolean; error: string | null; onStop: () => void; organization: string }) {
  const t = useTranslations("tracking");
  const [confirming, setConfirming] = useState(false);
  return (
    <div className="rounded-xl border border-slate-200 bg-white px-4 py-4 shadow-xs">
      {error ? (
        <p role="alert" className="mb-3 text-sm font-medium text-red-700">
          {error}
        </p>
      ) : null}
      {confirming ? (
        <div className="space-y-3">
          <p className="text-[15px] leading-6 text-slate-800">{t("stop.confirm", { org: organization })}</p>
          <div className="grid grid-cols-2 gap-3">
            <PhoneButton variant="secondary" onClick={() => setConfirming(false)} disabled={stopping}>
              {t("stop.keep")}
            </PhoneButton>
            <PhoneButton variant="danger" onClick={onStop} disabled={stopping} aria-busy={stopping || undefined}>
              {stopping ? <SpinnerIcon /> : null}
              {stopping ? t("stop.stopping") : t("stop.yes")}
            </PhoneButton>
          </div>
        </div>
      ) : (
        <PhoneButton variant="secondary" className="w-full" onClick={() => setConfirming(true)}>
          {t("stop.button")}
        </PhoneButton>
      )}
    </div>
  );
}
