"use client";

import dynamic from "next/dynamic";
import { useTranslations } from "next-intl";
import { useCallback, useEffect, useRef, useState, type ReactNode } from "react";
import { formatClock, zoneName } from "@/components/dashboard/format";
import { Alert } from "@/components/ui/alert";
import { Card, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { UsersIcon } from "@/components/ui/icons";
import type { DistanceUnits } from "@/lib/i18n/locales";
import type { LiveSnapshot } from "@/lib/live/types";
import { ActivityFeed } from "./activity-feed";
import { LiveCounts } from "./live-counts";
import { LiveIndicator } from "./live-indicator";
import { ParticipantList } from "./participant-list";
import type { CheckInActions } from "./participant-row";
import { LegendEntry, MapLegend } from "./map-legend";
import { matchesFilter, type LiveFilter, type LiveWords } from "./presentation";
import { useLiveSnapshot, useServerNow } from "./use-live-snapshot";
import { useLiveWords } from "./use-live-words";

// MapLibre and the map code load only on this page, after the list is already usable.
const LiveMap = dynamic(() => import("./live-map"), {
  ssr: false,
  loading: () => <div className="h-full w-full animate-pulse bg-slate-100" aria-hidden="true" />,
});

export type LiveViewProps = {
  /** Check-in by hand, bound to the organization by the page. */
  actions: CheckInActions;
  initial: LiveSnapshot;
  /** The Server-Sent Events URL of this occurrence's snapshots. */
  streamUrl: string;
  canCheckIn: boolean;
  /** The organization's distances: km/m, or mi/ft in the US and the UK. */
  units: DistanceUnits;
};

const LEGEND = ["on_the_way", "late", "stale", "arrived"] as const;

function WindowNotice({ snapshot, now, words }: { snapshot: LiveSnapshot; now: number; words: LiveWords }) {
  const t = useTranslations("live");
  const { format } = words;
  const { status, trackingWindow, timeZone } = snapshot.occurrence;
  if (status === "cancelled") {
    return <Alert tone="warning" title={t("window.cancelledTitle")}>{t("window.cancelled")}</Alert>;
  }
  if (!trackingWindow) return null;
  if (now < Date.parse(trackingWindow.opensAt)) {
    return (
      <Alert tone="info" title={t("window.opensAt", { time: formatClock(format, trackingWindow.opensAt, timeZone) })}>
        {t("window.opens")}
      </Alert>
    );
  }
  if (now > Date.parse(trackingWindow.closesAt)) {
    return (
      <Alert tone="info" title={t("window.closedAt", { time: formatClock(format, trackingWindow.closesAt, timeZone) })}>
        {t("window.closed")}
      </Alert>
    );
  }
  return null;
}

const strongTime = (chunks: ReactNode) => <span className="font-semibold text-slate-900 tabular-nums">{chunks}</span>;

/** The live map page's body: counts, the map, the list sorted by ETA, check-in by hand, and what just happened. */
export function LiveView({ actions, initial, streamUrl, canCheckIn, units }: LiveViewProps) {
  const t = useTranslations("live");
  const words = useLiveWords(units);
  const { format } = words;
  const { snapshot, connection } = useLiveSnapshot(initial, streamUrl);
  const now = useServerNow(snapshot.generatedAt);
  // Rows show minutes: a coarser clock lets unchanged rows skip re-rendering between snapshots.
  const rowNow = Math.floor(now / 15_000) * 15_000;
  const { occurrence, participants } = snapshot;
  const tz = occurrence.timeZone;
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [filter, setFilter] = useState<LiveFilter>("all");

  const latest = useRef({ participants, filter });
  useEffect(() => {
    latest.current = { participants, filter };
  });
  const selectFromList = useCallback((id: string) => setSelectedId(id), []);
  // A marker or feed entry may point at someone the current filter hides: show them rather than nothing.
  const selectAnywhere = useCallback((id: string | null) => {
    setSelectedId(id);
    const p = id ? latest.current.participants.find((x) => x.attendanceId === id) : undefined;
    if (p && !matchesFilter(p, latest.current.filter)) setFilter(p.state === "declined" ? "declined" : "all");
  }, []);

  const graceEnds = new Date(Date.parse(occurrence.startsAt) + occurrence.lateGraceMinutes * 60_000);
  const start = formatClock(format, occurrence.startsAt, tz);
  const notOnMap = participants.filter((p) => !p.position && p.state !== "declined" && p.state !== "arrived").length;

  return (
    <div className="space-y-5" data-testid="live-view">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm text-slate-600">
          {occurrence.lateGraceMinutes > 0
            ? t.rich("startsLateAfter", { start, late: formatClock(format, graceEnds, tz), zone: zoneName(tz), time: strongTime })
            : t.rich("starts", { start, zone: zoneName(tz), time: strongTime })}
        </p>
        <LiveIndicator connection={connection} />
      </div>
      <WindowNotice snapshot={snapshot} now={now} words={words} />
      <LiveCounts counts={snapshot.counts} />

      {participants.length === 0 ? (
        <EmptyState
          icon={<UsersIcon />}
          title={t("emptyTitle")}
          description={t("emptyDescription")}
        />
      ) : (
        <div className="grid grid-cols-1 gap-5 lg:grid-cols-[minmax(0,1fr)_25rem]">
          <Card className="min-w-0 overflow-hidden lg:col-start-1 lg:row-start-1">
            <div className="h-[26rem] sm:h-[34rem]">
              <LiveMap
                venue={occurrence.venue}
                timeZone={tz}
                units={units}
                participants={participants}
                selectedId={selectedId}
                onSelect={selectAnywhere}
              />
            </div>
            <MapLegend states={LEGEND}>
              <LegendEntry swatch="size-2.5 rounded-full border border-dashed border-teal-700 bg-teal-600/20">
                {t("legend.arrivalArea", { radius: format.number(occurrence.venue.radiusM, { style: "unit", unit: "meter" }) })}
              </LegendEntry>
              {notOnMap > 0 ? <span className="ml-auto">{t("legend.notOnMap", { count: notOnMap })}</span> : null}
            </MapLegend>
          </Card>
          {/* Spans the map and the activity; absolutely placed on large screens so its length never stretches them. */}
          <div className="relative lg:col-start-2 lg:row-span-2 lg:row-start-1 lg:min-h-[32rem]">
            <Card className="flex max-h-[48rem] flex-col overflow-hidden lg:absolute lg:inset-0 lg:max-h-none">
              <CardHeader className="border-b border-slate-200 pb-3 sm:pt-4 sm:pb-3">
                <CardTitle>{t("list.label")}</CardTitle>
                <CardDescription>{t("list.description")}</CardDescription>
              </CardHeader>
              <div className="min-h-0 flex-1">
                <ParticipantList
                  actions={actions}
                  instanceId={occurrence.id}
                  participants={participants}
                  timeZone={tz}
                  now={rowNow}
                  filter={filter}
                  onFilter={setFilter}
                  selectedId={selectedId}
                  onSelect={selectFromList}
                  canCheckIn={canCheckIn}
                  units={units}
                />
              </div>
            </Card>
          </div>
          <Card className="min-w-0 lg:col-start-1 lg:row-start-2">
            <CardHeader className="pb-2 sm:pb-2">
              <CardTitle>{t("activity.title")}</CardTitle>
            </CardHeader>
            <div className="max-h-80 overflow-y-auto pb-2">
              <ActivityFeed activity={snapshot.activity} timeZone={tz} now={rowNow} words={words} onSelect={selectAnywhere} />
            </div>
          </Card>
        </div>
      )}
    </div>
  );
}
