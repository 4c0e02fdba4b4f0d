"use client";

import type * as MapLibre from "maplibre-gl";

let loading: Promise<typeof MapLibre> | undefined;

/** MapLibre is large: pages load it only when a map is actually shown, once. */
export function loadMapLibre(): Promise<typeof MapLibre> {
  loading ??= import("maplibre-gl").then((maplibregl) => {
    maplibregl.setWorkerUrl("/maplibre-gl-worker.mjs");
    return maplibregl;
  });
  return loading;
}

/** NEXT_PUBLIC_MAP_STYLE_URL when set, otherwise the bundled offline style (coastlines, no tile server). */
export function mapStyle(): string | MapLibre.StyleSpecification {
  const url = process.env.NEXT_PUBLIC_MAP_STYLE_URL;
  if (url) return url;
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
