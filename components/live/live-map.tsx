"use client";

import "maplibre-gl/dist/maplibre-gl.css";
import type * as MapLibre from "maplibre-gl";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { createMap, loadMapLibre } from "@/components/map/load-maplibre";
import { useMapSettings } from "@/components/map/map-settings";
import { formatClock } from "@/components/dashboard/format";
import type { DistanceUnits } from "@/lib/i18n/locales";
import type { Translator } from "@/lib/i18n/translator-type";
import type { LiveOccurrence, LiveParticipant } from "@/lib/live/types";
import { DETAIL_ZOOM, MARKER_LAYERS, MOVING, addLiveLayers, boundsOf, ringsIn, setSelected, type Bounds } from "./live-map-layers";
import { MapSync } from "./live-map-sync";
import { drawIcon } from "./map-icons";
import { arrivalText, stateLabel, type LiveWords } from "./presentation";
import { useLiveWords } from "./use-live-words";

export type LiveMapProps = {
  venue: LiveOccurrence["venue"];
  timeZone: string;
  units: DistanceUnits;
  participants: readonly LiveParticipant[];
  selectedId: string | null;
  /** A marker was clicked (its attendance id), or the empty map (null). */
  onSelect: (attendanceId: string | null) => void;
  /** Where the map starts (e.g. a replay's trails); given, the map does not fit itself to the first positions. */
  initialBounds?: Bounds;
  /** Once the live layers are in: for a view that adds its own below the markers (the replay's trails). */
  onMapReady?: (map: MapLibre.Map) => void;
  /** What the map shows, for screen readers: positions now ("live", the default) or at the replayed moment. */
  showing?: "live" | "replay";
};

function popupContent(words: LiveWords, p: LiveParticipant, timeZone: string): HTMLElement {
  const t: Translator<"live"> = words.t;
  const { format } = words;
  const root = document.createElement("div");
  root.className = "text-xs leading-5";
  const name = document.createElement("p");
  name.className = "font-semibold text-slate-900";
  name.textContent = p.name;
  const line = document.createElement("p");
  line.className = "text-slate-600";
  const parts =
    p.state === "arrived"
      ? [arrivalText(words, p, timeZone)]
      : [
          stateLabel(t, p.state),
          p.etaAt ? t("map.eta", { time: formatClock(format, p.etaAt, timeZone) }) : null,
          p.distanceM !== null ? words.distance(p.distanceM) : null,
        ];
  line.textContent = parts.filter(Boolean).join(" · ");
  root.append(name, line);
  return root;
}

/**
 * The organizer's live map: the venue with its arrival circle, and every participant as a feature of a GeoJSON
 * source updated in place, only for who changed (no DOM marker per person, so 5,000 people stay smooth), clustered
 * when zoomed out.
 */
export default function LiveMap({ venue, timeZone, units, participants, selectedId, onSelect, initialBounds, onMapReady, showing = "live" }: LiveMapProps) {
  const t = useTranslations("live");
  const words = useLiveWords(units);
  const imperial = units === "imperial";
  // Read once, when the map is made (the rings do not change while the page is open).
  const radii = ringsIn(imperial ? 1609.344 : 1000, (n) =>
    words.format.number(n, { style: "unit", unit: imperial ? "mile" : "kilometer", unitDisplay: "short" }),
  );
  const radiiRef = useRef(radii);
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<MapLibre.Map | null>(null);
  const popupRef = useRef<MapLibre.Popup | null>(null);
  const onSelectRef = useRef(onSelect);
  const participantsRef = useRef(participants);
  const fitted = useRef(initialBounds !== undefined);
  const mapSync = useRef<MapSync | null>(null);
  const userMoved = useRef(false);
  const syncTimer = useRef<number | null>(null);
  // The id the map itself just selected: the list follows, but the map does not fly to what was clicked.
  const clickedId = useRef<string | null>(null);
  const [ready, setReady] = useState(false);
  const [failed, setFailed] = useState(false);
  const settings = useMapSettings();
  const [fellBack, setFellBack] = useState(false);

  useEffect(() => {
    onSelectRef.current = onSelect;
    participantsRef.current = participants;
  });

  useEffect(() => {
    let cancelled = false;
    let instance: MapLibre.Map | null = null;
    Promise.all([loadMapLibre(), document.fonts?.ready])
      .then(([maplibregl]) => {
        if (cancelled || !container.current) return;
        instance = createMap(
          maplibregl,
          settings,
          {
            container: container.current,
            bounds: initialBounds ?? boundsOf(venue, []),
            fitBoundsOptions: { padding: 60, maxZoom: 16 },
            attributionControl: { compact: true },
            fadeDuration: 0,
            dragRotate: false,
            pitchWithRotate: false,
            touchPitch: false,
          },
          () => setFellBack(true),
        );
        const map = instance;
        map.touchZoomRotate.disableRotation();
        map.addControl(new maplibregl.NavigationControl({ showCompass: false }), "top-right");
        map.addControl(new maplibregl.ScaleControl({ unit: units }), "bottom-left");
        // MapLibre 6 resolves missing images here (a "styleimagemissing" listener can no longer supply them).
        map.setMissingStyleImageResolver((id) => {
          const icon = drawIcon(id, window.devicePixelRatio || 1);
          if (icon && !map.hasImage(id)) map.addImage(id, icon.data, { pixelRatio: icon.pixelRatio });
        });
        map.on("movestart", (e: { originalEvent?: unknown }) => {
          if (e.originalEvent) userMoved.current = true;
        });
        map.on("load", () => {
          addLiveLayers(map, venue, radiiRef.current);
          mapSync.current = new MapSync();
          mapSync.current.sync(map, venue, participantsRef.current);
          onMapReady?.(map);
          for (const layer of MARKER_LAYERS) {
            map.on("mouseenter", layer, () => (map.getCanvas().style.cursor = "pointer"));
            map.on("mouseleave", layer, () => (map.getCanvas().style.cursor = ""));
          }
          map.on("click", async (e) => {
            const [hit] = map.queryRenderedFeatures(e.point, { layers: MARKER_LAYERS });
            if (!hit) {
              clickedId.current = null;
              onSelectRef.current(null);
              return;
            }
            const point = hit.geometry as GeoJSON.Point;
            if (hit.layer.id === "clusters") {
              const zoom = await map.getSource<MapLibre.GeoJSONSource>(MOVING)?.getClusterExpansionZoom(Number(hit.properties.cluster_id));
              map.easeTo({ center: point.coordinates as [number, number], zoom: (zoom ?? map.getZoom() + 2) + 0.5 });
              return;
            }
            clickedId.current = String(hit.properties.id);
            onSelectRef.current(clickedId.current);
          });
          setReady(true);
        });
        mapRef.current = map;
        popupRef.current = new maplibregl.Popup({
          closeButton: false,
          closeOnClick: false,
          offset: 20,
          maxWidth: "260px",
        });
      })
      .catch(() => setFailed(true));
    return () => {
      cancelled = true;
      if (syncTimer.current !== null) window.clearTimeout(syncTimer.current);
      popupRef.current?.remove();
      instance?.remove();
      mapRef.current = null;
    };
    // The venue does not change while the page is open; participants are pushed by the effects below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // Positions and states, in place, in a task of their own after React's (a delta's render and the map's diff for
  // the GeoJSON worker each stay short), several renders in a row coalesced into one update of the sources.
  useEffect(() => {
    if (!ready || syncTimer.current !== null) return;
    syncTimer.current = window.setTimeout(() => {
      syncTimer.current = null;
      const map = mapRef.current;
      const list = participantsRef.current;
      if (!map) return;
      mapSync.current?.sync(map, venue, list);
      // Fit everyone once, as soon as anyone has a position, unless the organizer already moved the map.
      if (!fitted.current && !userMoved.current && list.some((p) => p.position && p.state !== "declined")) {
        fitted.current = true;
        map.fitBounds(boundsOf(venue, list), { padding: 60, maxZoom: 16, duration: 0 });
      }
    }, 0);
  }, [participants, ready, venue]);

  // Selection: highlight, label, and fly there unless it was picked on the map itself.
  const selected = selectedId ? participants.find((p) => p.attendanceId === selectedId) : undefined;
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !ready) return;
    setSelected(map, selectedId);
    if (!selectedId) return;
    if (clickedId.current === selectedId) {
      clickedId.current = null;
      return;
    }
    const p = participantsRef.current.find((x) => x.attendanceId === selectedId);
    if (!p?.position) return;
    map.flyTo({ center: [p.position.lng, p.position.lat], zoom: Math.max(map.getZoom(), DETAIL_ZOOM), duration: 800 });
  }, [selectedId, ready]);

  useEffect(() => {
    const map = mapRef.current;
    const popup = popupRef.current;
    if (!map || !popup || !ready) return;
    if (!selected?.position) {
      popup.remove();
      return;
    }
    popup.setLngLat([selected.position.lng, selected.position.lat]).setDOMContent(popupContent(words, selected, timeZone));
    if (!popup.isOpen()) popup.addTo(map);
  }, [selected, ready, timeZone, words]);

  const showEveryone = () => {
    const map = mapRef.current;
    if (!map) return;
    map.fitBounds(boundsOf(venue, participants), { padding: 60, maxZoom: 16, duration: 600 });
  };

  const onMap = participants.filter((p) => p.position && p.state !== "declined").length;
  return (
    <div className="relative h-full min-h-80 w-full overflow-hidden bg-slate-100">
      <div
        ref={container}
        // Not absolutely positioned: MapLibre's own CSS makes its container position: relative.
        className="h-full w-full"
        role="region"
        aria-label={
          showing === "replay"
            ? t("map.replayLabel", { venue: venue.name, count: onMap })
            : t("map.label", { venue: venue.name, count: onMap })
        }
        data-testid="live-map"
        data-ready={ready ? "true" : undefined}
        data-basemap={fellBack ? "offline" : settings.kind}
      />
      {failed ? (
        <p role="alert" className="absolute inset-x-4 top-4 rounded-lg bg-white px-3 py-2 text-sm text-red-700 shadow">
          {t("map.failed")}
        </p>
      ) : null}
      {ready ? (
        <button
          type="button"
          onClick={showEveryone}
          className="absolute top-2.5 left-2.5 rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-xs font-medium text-slate-800 shadow-sm hover:bg-slate-50"
        >
          {t("map.showEveryone")}
        </button>
      ) : null}
    </div>
  );
}
