"use client";

import type * as MapLibre from "maplibre-gl";
import dynamic from "next/dynamic";
import { useTranslations } from "next-intl";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { Card } from "@/components/ui/card";
import { LegendEntry, MapLegend } from "@/components/live/map-legend";
import type { DistanceUnits } from "@/lib/i18n/locales";
import type { LiveParticipant } from "@/lib/live/types";
import { replayAt, type ReplayMoment } from "@/lib/replay/state";
import type { Replay, ReplayParticipant, ReplayResult } from "@/lib/replay/types";
import { ReplayControls } from "./replay-controls";
import { ReplayLists } from "./replay-lists";
import { addTrailLayers, replayBounds, setTrails, travelledTrails, wholeTrails } from "./replay-trails";
import { useReplayClock } from "./use-replay-clock";

// The live map itself (its style loading, layers and markers), loaded only on this page.
const LiveMap = dynamic(() => import("@/components/live/live-map"), {
  ssr: false,
  loading: () => <div className="h-full w-full animate-pulse bg-slate-100" aria-hidden="true" />,
});

type Props = {
  initial: Replay;
  /** The route that answers the same replay thinned for another zoom level (`?zoom=`). */
  dataUrl: string;
  units: DistanceUnits;
};

const LEGEND = ["on_the_way", "arrived", "not_sharing"] as const;

/** A moment of the replay as the live map draws a participant. */
function toLive(p: ReplayParticipant, m: ReplayMoment, at: number): LiveParticipant {
  return {
    attendanceId: p.attendanceId,
    name: p.name,
    initials: p.initials,
    rsvp: p.rsvp,
    journey: m.status === "arrived" ? "arrived" : m.status === "on_the_way" ? "on_the_way" : "not_started",
    state: m.status,
    position: m.position ? { ...m.position, accuracyM: 0, at: new Date(at).toISOString() } : null,
    etaAt: null,
    etaMethod: null,
    etaConfidence: null,
    distanceM: null,
    lateMinutes: null,
    stale: false,
    checkedInAt: m.arrivedAt,
    checkInMethod: m.arrivedAt ? p.checkInMethod : null,
  };
}

/** The replay page's body: the controls, the live map with trails at the replayed instant, and who stood where. */
export function ReplayView({ initial, dataUrl, units }: Props) {
  const t = useTranslations("replay");
  const [replay, setReplay] = useState(initial);
  const from = Date.parse(replay.from);
  const until = Date.parse(replay.until);
  const clock = useReplayClock(from, until);
  const { occurrence } = replay;
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const bounds = useMemo(() => replayBounds(initial.occurrence.venue, initial.participants), [initial]);

  const moments = useMemo(() => replayAt(replay, clock.at), [replay, clock.at]);
  const participants = useMemo(() => replay.participants.map((p, i) => toLive(p, moments[i]!, clock.at)), [replay, moments, clock.at]);
  const whole = useMemo(() => wholeTrails(replay.participants), [replay]);

  const travelled = useMemo(() => travelledTrails(replay.participants, moments, clock.at), [replay, moments, clock.at]);
  const mapRef = useRef<MapLibre.Map | null>(null);
  const zoomAsked = useRef(initial.zoom);
  const latest = useRef({ whole, travelled });
  useEffect(() => {
    latest.current = { whole, travelled };
    if (mapRef.current) setTrails(mapRef.current, null, travelled);
  }, [whole, travelled]);
  useEffect(() => {
    if (mapRef.current) setTrails(mapRef.current, whole, latest.current.travelled);
  }, [whole]);

  // Trails thinned for the zoom the map is at: asked again when it settles on another whole level.
  const onMapReady = useCallback(
    (map: MapLibre.Map) => {
      mapRef.current = map;
      addTrailLayers(map, latest.current.whole, latest.current.travelled);
      const follow = () => {
        const zoom = Math.round(map.getZoom());
        if (zoom === zoomAsked.current) return;
        zoomAsked.current = zoom;
        fetch(`${dataUrl}?zoom=${zoom}`, { headers: { accept: "application/json" } })
          .then((response) => (response.ok ? (response.json() as Promise<ReplayResult>) : null))
          .then((result) => {
            if (result?.ok && zoomAsked.current === zoom) setReplay(result);
          })
          .catch(() => undefined); // the trails at the previous resolution stay
      };
      map.on("zoomend", follow);
      follow();
    },
    [dataUrl],
  );

  return (
    <div className="space-y-4" data-testid="replay-view">
      <ReplayControls
        from={from}
        until={until}
        at={clock.at}
        timeZone={occurrence.timeZone}
        playing={clock.playing}
        speed={clock.speed}
        onPlay={clock.play}
        onPause={clock.pause}
        onSeek={clock.seek}
        onSpeed={clock.setSpeed}
      />
      <div className="grid grid-cols-1 gap-5 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <Card className="min-w-0 overflow-hidden">
          <div className="h-[26rem] sm:h-[34rem]">
            <LiveMap
              venue={occurrence.venue}
              timeZone={occurrence.timeZone}
              units={units}
              participants={participants}
              selectedId={selectedId}
              onSelect={setSelectedId}
              initialBounds={bounds}
              onMapReady={onMapReady}
              showing="replay"
            />
          </div>
          <MapLegend states={LEGEND}>
            <LegendEntry swatch="h-0.5 w-4 rounded bg-slate-400">{t("legend.trail")}</LegendEntry>
          </MapLegend>
        </Card>
        <Card className="max-h-[40rem] min-w-0 overflow-y-auto px-4 py-4">
          <ReplayLists moments={moments} timeZone={occurrence.timeZone} selectedId={selectedId} onSelect={setSelectedId} />
        </Card>
      </div>
    </div>
  );
}
