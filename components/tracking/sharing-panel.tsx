"use client";

import { useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { SpinnerIcon } from "@/components/ui/icons";
import type { TrackingPageInfo } from "@/lib/tracking/schemas";
import { cn } from "@/lib/utils/cn";
import { formatClock, formatDistance, formatDuration } from "./format";
import type { SenderStatus } from "./point-sender";
import { describeStatus, journeyFigures, type StatusView } from "./status";
import { useNow } from "./use-browser";

export type Fix = { lat: number; lng: number; accuracy: number; speed: number | null };

const dots: Record<StatusView["tone"], string> = {
  sharing: "bg-emerald-500 animate-pulse",
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
  const now = useNow(15_000);
  const pending = status?.pending ?? 0;
  const view = describeStatus({ phase: locating ? "locating" : "sharing", online, visible, pending, retrying: status?.retrying ?? false, noFix });
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
      <div role="status" aria-live="polite" data-testid="sharing-status" className={cn("rounded-xl border px-4 py-3", boxes[view.tone])}>
        <p className="flex items-center gap-2.5 text-base font-semibold text-slate-900">
          <span aria-hidden="true" className={cn("size-3 shrink-0 rounded-full", dots[view.tone])} />
          {view.title}
        </p>
        <p className="mt-0.5 pl-[22px] text-sm leading-6 text-slate-700">{view.detail}</p>
      </div>

      <dl className="grid grid-cols-2 gap-3">
        <Figure label="Distance" value={figures ? formatDistance(figures.distanceM) : "–"} />
        <Figure
          label="You arrive around"
          value={figures?.etaAt ? formatClock(figures.etaAt, info.timeZone) : figures?.atVenue ? "Now" : "–"}
          hint={figures?.etaAt ? `in ${formatDuration(figures.etaAt, now)}` : figures?.atVenue ? "You are at the venue" : undefined}
        />
      </dl>

      {map}

      <p className="text-sm leading-6 text-slate-600">
        Keep this page open on the way; the screen stays on while you share. Sharing pauses if you switch to another app or
        lock your phone, and goes on when you come back.
        {status?.lastSentAt ? <> Last sent at {formatClock(new Date(status.lastSentAt), info.timeZone)}.</> : null}
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
          <p className="text-[15px] leading-6 text-slate-800">
            Stop sharing? {organization} will no longer see where you are, and this link cannot be started again.
          </p>
          <div className="grid grid-cols-2 gap-3">
            <Button variant="secondary" className="h-12 text-base" onClick={() => setConfirming(false)} disabled={stopping}>
              Keep sharing
            </Button>
            <Button variant="danger" className="h-12 text-base" onClick={onStop} disabled={stopping} aria-busy={stopping || undefined}>
              {stopping ? <SpinnerIcon /> : null}
              {stopping ? "Stopping…" : "Yes, stop"}
            </Button>
          </div>
        </div>
      ) : (
        <Button variant="secondary" className="h-12 w-full text-base" onClick={() => setConfirming(true)}>
          Stop sharing
        </Button>
      )}
    </div>
  );
}
