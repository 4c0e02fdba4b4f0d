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
 * A map on the deployment's style (MAP_STYLE, handed down by the server). When that style fails to load, or its tiles
 * fail before any of them has loaded (the provider is down or blocked, the file is gone), the map switches to the
 * offline style, keeping whatever the page drew on top, and `onFallback` is called once. Once the streets have shown,
 * a tile that fails on a poor connection leaves a gap rather than taking the streets away.
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

/** Base tiles that may fail before any has loaded, so that one dropped request does not cost the streets. */
const FAILED_TILES_BEFORE_FALLBACK = 2;

function fallBackWhenBroken(map: MapLibre.Map, onFallback: () => void) {
  // What the deployment's style brought; everything else on the map was added by the page.
  let base: { sources: Set<string>; layers: Set<string> } | null = null;
  let fellBack = false;
  let tilesLoaded = false;
  let tilesFailed = 0;
  map.once("style.load", () => {
    const style = map.getStyle();
    base = { sources: new Set(Object.keys(style.sources)), layers: new Set(style.layers.map((l) => l.id)) };
  });
  map.on("sourcedata", (event) => {
    if (base && event.tile && base.sources.has(event.sourceId)) tilesLoaded = true;
  });
  map.on("error", (event) => {
    if (fellBack) return;
    const { sourceId } = event as { sourceId?: string };
    if (base) {
      // After the style loaded, only the basemap's tiles count (not the page's layers, nor a sprite or glyph), and
      // only until one of them has loaded: then the provider works.
      if (sourceId === undefined || !base.sources.has(sourceId) || tilesLoaded) return;
      if (++tilesFailed < FAILED_TILES_BEFORE_FALLBACK) return;
    }
    fellBack = true;
    switchToOffline(map, base);
    onFallback();
  });
}

/** The offline style, with the page's own sources and layers (those `base`, the deployment's style, did not bring). */
function switchToOffline(map: MapLibre.Map, base: { sources: Set<string>; layers: Set<string> } | null) {
  if (!base) {
    // The style itself failed: nothing of the page is on the map yet (MapLibre would wait for it to load first).
    map.setStyle(offlineStyle(), { diff: false });
    return;
  }
  map.setStyle(offlineStyle(), {
    diff: false,
    transformStyle: (previous, next) =>
      previous
        ? {
            ...next,
            sources: { ...next.sources, ...Object.fromEntries(Object.entries(previous.sources).filter(([id]) => !base.sources.has(id))) },
            layers: [...next.layers, ...previous.layers.filter((l) => !base.layers.has(l.id))],
          }
        : next,
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
