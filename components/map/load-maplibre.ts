"use client";

import type * as MapLibre from "maplibre-gl";
import type { MapSettings } from "@/lib/map/types";

let loading: Promise<typeof MapLibre> | undefined;

/** MapLibre is large: pages load it only when a map is actually shown, once. */
export function loadMapLibre(): Promise<typeof MapLibre> {
  loading ??= import("maplibre-gl").then((maplibregl) => {
    maplibregl.setWorkerUrl("/maplibre-gl-worker.mjs");
    return maplibregl;
  });
  return loading;
}

/** The bundled offline style: coastlines from /map/land.geojson, no tile server. The fallback of every other map. */
export function offlineStyle(): MapLibre.StyleSpecification {
  return {
    version: 8,
    name: "event-coming-offline",
    sources: { land: { type: "geojson", data: new URL("/map/land.geojson", window.location.origin).href } },
    layers: [
      { id: "water", type: "background", paint: { "background-color": "#dbeafe" } },
      { id: "land", type: "fill", source: "land", paint: { "fill-color": "#f8fafc" } },
      { id: "coast", type: "line", source: "land", paint: { "line-color": "#94a3b8", "line-width": 0.8 } },
    ],
  };
}

// The app's own style names its tiles by path (never by a Host header); MapLibre fetches them from its workers,
// which need whole URLs.
const resolveAppPaths = (url: string) => (url.startsWith("/") ? { url: new URL(url, window.location.origin).href } : undefined);

/**
 * A map on the deployment's style (MAP_STYLE, handed down by the server). When that style or its tiles fail to load
 * (the provider is down or blocked, the file is gone), the map switches to the offline style, keeping whatever the
 * page drew on top, and `onFallback` is called once.
 */
export function createMap(
  maplibregl: typeof MapLibre,
  settings: MapSettings,
  options: Omit<MapLibre.MapOptions, "style" | "transformRequest">,
  onFallback: () => void,
): MapLibre.Map {
  const map = new maplibregl.Map({
    ...options,
    style: settings.kind === "offline" ? offlineStyle() : settings.styleUrl,
    transformRequest: resolveAppPaths,
  });
  if (settings.kind !== "offline") fallBackWhenBroken(map, onFallback);
  return map;
}

function fallBackWhenBroken(map: MapLibre.Map, onFallback: () => void) {
  // What the deployment's style brought; everything else on the map was added by the page.
  let base: { sources: Set<string>; layers: Set<string> } | null = null;
  let fellBack = false;
  map.once("style.load", () => {
    const style = map.getStyle();
    base = { sources: new Set(Object.keys(style.sources)), layers: new Set(style.layers.map((l) => l.id)) };
  });
  map.on("error", (event) => {
    // An error of the page's own layers is not the basemap's; one of the style itself (no source) or its tiles is.
    const { sourceId } = event as { sourceId?: string };
    if (fellBack || (base && sourceId !== undefined && !base.sources.has(sourceId))) return;
    fellBack = true;
    const known = base;
    if (!known) {
      // The style itself failed: nothing of the page is on the map yet (MapLibre would wait for it to load first).
      map.setStyle(offlineStyle(), { diff: false });
    } else {
      map.setStyle(offlineStyle(), {
        diff: false,
        transformStyle: (previous, next) =>
          previous
            ? {
                ...next,
                sources: { ...next.sources, ...Object.fromEntries(Object.entries(previous.sources).filter(([id]) => !known.sources.has(id))) },
                layers: [...next.layers, ...previous.layers.filter((l) => !known.layers.has(l.id))],
              }
            : next,
      });
    }
    onFallback();
  });
}

/** A circle of `radiusM` metres around a point, as a polygon (MapLibre has no metric circles). */
export function circlePolygon(lat: number, lng: number, radiusM: number, steps = 64): GeoJSON.Feature<GeoJSON.Polygon> {
  const coordinates: [number, number][] = [];
  const dLat = radiusM / 111_320;
  const dLng = radiusM / (111_320 * Math.cos((lat * Math.PI) / 180));
  for (let i = 0; i <= steps; i++) {
    const angle = (i / steps) * 2 * Math.PI;
    coordinates.push([lng + dLng * Math.cos(angle), lat + dLat * Math.sin(angle)]);
  }
  return { type: "Feature", properties: {}, geometry: { type: "Polygon", coordinates: [coordinates] } };
}
