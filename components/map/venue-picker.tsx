"use client";

import "maplibre-gl/dist/maplibre-gl.css";
import type * as MapLibre from "maplibre-gl";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState } from "react";
import { circlePolygon, createMap, loadMapLibre } from "./load-maplibre";
import { useMapSettings } from "./map-settings";

export type LatLng = { lat: number; lng: number };

type Props = {
  value: LatLng | null;
  radiusM: number;
  onChange: (position: LatLng) => void;
  /** Where to look when no venue is set yet. */
  fallbackCenter?: LatLng;
  className?: string;
};

const round = (n: number) => Math.round(n * 1e6) / 1e6;

/** Click the map or drag the pin to set the venue; the arrival radius is drawn around it. */
export function VenuePicker({ value, radiusM, onChange, fallbackCenter, className }: Props) {
  const t = useTranslations("events.venueMap");
  const container = useRef<HTMLDivElement>(null);
  const map = useRef<MapLibre.Map | null>(null);
  const marker = useRef<MapLibre.Marker | null>(null);
  const onChangeRef = useRef(onChange);
  const [ready, setReady] = useState(false);
  const [failed, setFailed] = useState(false);
  const settings = useMapSettings();

  useEffect(() => {
    onChangeRef.current = onChange;
  }, [onChange]);

  useEffect(() => {
    let cancelled = false;
    loadMapLibre()
      .then((maplibregl) => {
        if (cancelled || !container.current) return;
        const center = value ?? fallbackCenter ?? { lat: 50, lng: 10 };
        // Falling back to the offline style changes nothing here: the pin and the circle stay.
        const instance = createMap(
          maplibregl,
          settings,
          { container: container.current, center: [center.lng, center.lat], zoom: value ? 15 : 3, attributionControl: { compact: true } },
          () => undefined,
        );
        instance.addControl(new maplibregl.NavigationControl({ showCompass: false }), "top-right");
        instance.addControl(new maplibregl.ScaleControl({ unit: "metric" }), "bottom-left");
        instance.on("click", (e) => onChangeRef.current({ lat: round(e.lngLat.lat), lng: round(e.lngLat.lng) }));
        instance.on("load", () => {
          instance.addSource("radius", { type: "geojson", data: { type: "FeatureCollection", features: [] } });
          instance.addLayer({ id: "radius-fill", type: "fill", source: "radius", paint: { "fill-color": "#0d9488", "fill-opacity": 0.15 } });
          instance.addLayer({ id: "radius-line", type: "line", source: "radius", paint: { "line-color": "#0f766e", "line-width": 2 } });
          setReady(true);
        });
        map.current = instance;
      })
      .catch(() => setFailed(true));
    return () => {
      cancelled = true;
      map.current?.remove();
      map.current = null;
      marker.current = null;
    };
    // The map is created once; later changes of `value` move the pin in the effect below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    const instance = map.current;
    if (!instance || !ready) return;
    const source = instance.getSource<MapLibre.GeoJSONSource>("radius");
    if (!value) {
      marker.current?.remove();
      marker.current = null;
      source?.setData({ type: "FeatureCollection", features: [] });
      return;
    }
    void loadMapLibre().then((maplibregl) => {
      if (!marker.current) {
        marker.current = new maplibregl.Marker({ color: "#0f766e", draggable: true })
          .setLngLat([value.lng, value.lat])
          .addTo(instance);
        marker.current.on("dragend", () => {
          const { lat, lng } = marker.current!.getLngLat();
          onChangeRef.current({ lat: round(lat), lng: round(lng) });
        });
      } else {
        marker.current.setLngLat([value.lng, value.lat]);
      }
    });
    source?.setData(circlePolygon(value.lat, value.lng, radiusM));
    // Typed coordinates or a first click at world scale: bring the pin close enough to see the arrival radius.
    if (!instance.getBounds().contains([value.lng, value.lat]) || instance.getZoom() < 10) {
      instance.easeTo({ center: [value.lng, value.lat], zoom: 15 });
    }
  }, [value, radiusM, ready]);

  return (
    <div className={className}>
      <div
        ref={container}
        className="h-72 w-full overflow-hidden rounded-lg border border-slate-300 bg-sky-100"
        role="application"
        aria-label={t("label")}
        data-testid="venue-map"
      />
      {failed ? (
        <p className="mt-2 text-sm text-red-700" role="alert">
          {t("failed")}
        </p>
      ) : (
        <p className="mt-2 text-xs text-slate-500">{t("hint")}</p>
      )}
    </div>
  );
}
