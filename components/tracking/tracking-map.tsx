"use client";

import "maplibre-gl/dist/maplibre-gl.css";
import type * as MapLibre from "maplibre-gl";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { circlePolygon, createMap, loadMapLibre } from "@/components/map/load-maplibre";
import { useMapSettings } from "@/components/map/map-settings";

export type MapFix = { lat: number; lng: number; accuracy: number };

type Props = {
  venue: { name: string; lat: number; lng: number; radiusM: number };
  me: MapFix | null;
};

const empty: GeoJSON.FeatureCollection = { type: "FeatureCollection", features: [] };
const pointFeature = (lng: number, lat: number, kind: string): GeoJSON.Feature => ({
  type: "Feature",
  properties: { kind },
  geometry: { type: "Point", coordinates: [lng, lat] },
});

function circleBounds(venue: Props["venue"]): [[number, number], [number, number]] {
  const dLat = venue.radiusM / 111_320;
  const dLng = venue.radiusM / (111_320 * Math.cos((venue.lat * Math.PI) / 180));
  return [
    [venue.lng - dLng, venue.lat - dLat],
    [venue.lng + dLng, venue.lat + dLat],
  ];
}

/**
 * A small, still map: the venue with its arrival circle and the person's own position. Loaded only after consent
 * (this file and MapLibre are separate chunks). Not draggable, so scrolling the page never gets stuck in the map.
 */
export default function TrackingMap({ venue, me }: Props) {
  const t = useTranslations("tracking");
  const container = useRef<HTMLDivElement>(null);
  const map = useRef<MapLibre.Map | null>(null);
  const [ready, setReady] = useState(false);
  const [failed, setFailed] = useState(false);
  const settings = useMapSettings();
  const [fellBack, setFellBack] = useState(false);

  useEffect(() => {
    let cancelled = false;
    loadMapLibre()
      .then((maplibregl) => {
        if (cancelled || !container.current) return;
        const instance = createMap(
          maplibregl,
          settings,
          {
            container: container.current,
            // Until the phone reports a position: the venue with its whole arrival circle.
            bounds: circleBounds(venue),
            fitBoundsOptions: { padding: 40 },
            interactive: false,
            attributionControl: { compact: true },
            locale: { "AttributionControl.ToggleAttribution": t("map.attribution") },
            fadeDuration: 0,
          },
          () => setFellBack(true),
        );
        instance.on("load", () => {
          instance.addSource("radius", { type: "geojson", data: circlePolygon(venue.lat, venue.lng, venue.radiusM) });
          instance.addSource("accuracy", { type: "geojson", data: empty });
          instance.addSource("route", { type: "geojson", data: empty });
          instance.addSource("points", { type: "geojson", data: pointFeature(venue.lng, venue.lat, "venue") });
          instance.addLayer({ id: "radius-fill", type: "fill", source: "radius", paint: { "fill-color": "#0d9488", "fill-opacity": 0.15 } });
          instance.addLayer({ id: "radius-line", type: "line", source: "radius", paint: { "line-color": "#0f766e", "line-width": 2 } });
          instance.addLayer({ id: "accuracy-fill", type: "fill", source: "accuracy", paint: { "fill-color": "#2563eb", "fill-opacity": 0.12 } });
          instance.addLayer({
            id: "route",
            type: "line",
            source: "route",
            paint: { "line-color": "#475569", "line-width": 2, "line-dasharray": [2, 2] },
          });
          instance.addLayer({
            id: "points",
            type: "circle",
            source: "points",
            paint: {
              "circle-radius": ["match", ["get", "kind"], "me", 8, 7],
              "circle-color": ["match", ["get", "kind"], "me", "#2563eb", "#0f766e"],
              "circle-stroke-color": "#ffffff",
              "circle-stroke-width": 3,
            },
          });
          setReady(true);
        });
        map.current = instance;
      })
      .catch(() => setFailed(true));
    return () => {
      cancelled = true;
      map.current?.remove();
      map.current = null;
    };
    // The venue does not change while the page is open; the person's position is drawn by the effect below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    const instance = map.current;
    if (!instance || !ready) return;
    const venuePoint = pointFeature(venue.lng, venue.lat, "venue");
    if (!me) {
      instance.getSource<MapLibre.GeoJSONSource>("points")?.setData(venuePoint);
      return;
    }
    instance.getSource<MapLibre.GeoJSONSource>("points")?.setData({
      type: "FeatureCollection",
      features: [venuePoint, pointFeature(me.lng, me.lat, "me")],
    });
    instance.getSource<MapLibre.GeoJSONSource>("accuracy")?.setData(circlePolygon(me.lat, me.lng, Math.min(me.accuracy, 5_000)));
    instance.getSource<MapLibre.GeoJSONSource>("route")?.setData({
      type: "Feature",
      properties: {},
      geometry: { type: "LineString", coordinates: [[me.lng, me.lat], [venue.lng, venue.lat]] },
    });
    // Frame both the person and the arrival circle.
    const [[west, south], [east, north]] = circleBounds(venue);
    instance.fitBounds(
      [
        [Math.min(me.lng, west), Math.min(me.lat, south)],
        [Math.max(me.lng, east), Math.max(me.lat, north)],
      ],
      { padding: 32, maxZoom: 16, duration: 0 },
    );
  }, [me, ready, venue]);

  return (
    <figure className="overflow-hidden rounded-xl border border-slate-200 bg-white shadow-xs">
      <div
        ref={container}
        className="h-52 w-full bg-sky-100"
        role="img"
        aria-label={t("map.label", { venue: venue.name })}
        data-testid="tracking-map"
        data-basemap={fellBack ? "offline" : settings.kind}
      />
      <figcaption className="flex flex-wrap items-center gap-x-4 gap-y-1 px-4 py-2 text-xs text-slate-600">
        {failed ? (
          <span role="alert" className="text-red-700">
            {t("map.failed")}
          </span>
        ) : (
          <>
            <span className="inline-flex items-center gap-1.5">
              <span aria-hidden="true" className="size-2.5 rounded-full bg-blue-600 ring-2 ring-white" /> {t("map.you")}
            </span>
            <span className="inline-flex items-center gap-1.5">
              <span aria-hidden="true" className="size-2.5 rounded-full bg-teal-700 ring-2 ring-white" /> {venue.name}
            </span>
            <span className="inline-flex items-center gap-1.5">
              <span aria-hidden="true" className="size-2.5 rounded-full border border-teal-700 bg-teal-600/20" /> {t("map.area")}
            </span>
          </>
        )}
      </figcaption>
    </figure>
  );
}
