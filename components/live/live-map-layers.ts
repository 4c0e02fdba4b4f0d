// Sources and layers of the live map. People travelling are one clustered GeoJSON source; people who arrived are a
// second, unclustered one drawn only when zoomed in on the arrival area (zoomed out they would pile up on the venue
// pin, which shows their count instead). Both are updated in place, only for the people who changed (live-map-sync.ts).

import type * as MapLibre from "maplibre-gl";
import { circlePolygon } from "@/components/map/load-maplibre";
import type { LiveOccurrence, LiveParticipant } from "@/lib/live/types";
import { STATE_STYLE } from "./presentation";

type Venue = LiveOccurrence["venue"];
export type Bounds = [[number, number], [number, number]];

export const MOVING = "moving";
export const ARRIVED = "arrived";
export const VENUE = "venue";
/** Clickable marker layers, topmost first. */
export const MARKER_LAYERS = ["clusters", "moving-markers", "arrived-markers"];
const CLUSTER_MAX_ZOOM = 14;
/** Accuracy circles from this zoom on: below it they are smaller than the marker and only add noise. */
export const DETAIL_ZOOM = 15;
const ARRIVED_ZOOM = 14;
const SORT: Partial<Record<string, number>> = { late: 4, on_the_way: 3, stale: 2 };
const EARTH_M = 40_075_016.686;

export const hasPosition = (p: LiveParticipant): p is LiveParticipant & { position: NonNullable<LiveParticipant["position"]> } =>
  p.position !== null && p.state !== "declined";

/** A participant's marker (`id` is promoted to the feature id, so the sources can be updated by id). */
export function pointOf(p: LiveParticipant & { position: NonNullable<LiveParticipant["position"]> }): GeoJSON.Feature<GeoJSON.Point> {
  return {
    type: "Feature",
    properties: {
      id: p.attendanceId,
      state: p.state,
      initials: p.initials || "?",
      accuracyM: Math.min(p.position.accuracyM, 5_000),
      sort: SORT[p.state] ?? 0,
    },
    geometry: { type: "Point", coordinates: [p.position.lng, p.position.lat] },
  };
}

export function venuePoint(venue: Venue, arrived: number): GeoJSON.Feature<GeoJSON.Point> {
  return { type: "Feature", properties: { arrived }, geometry: { type: "Point", coordinates: [venue.lng, venue.lat] } };
}

/** The venue's arrival circle and everyone with a position. */
export function boundsOf(venue: Venue, participants: readonly LiveParticipant[]): Bounds {
  const dLat = venue.radiusM / 111_320;
  const dLng = venue.radiusM / (111_320 * Math.cos((venue.lat * Math.PI) / 180));
  let [west, south, east, north] = [venue.lng - dLng, venue.lat - dLat, venue.lng + dLng, venue.lat + dLat];
  for (const p of participants.filter(hasPosition)) {
    west = Math.min(west, p.position.lng);
    east = Math.max(east, p.position.lng);
    south = Math.min(south, p.position.lat);
    north = Math.max(north, p.position.lat);
  }
  return [
    [west, south],
    [east, north],
  ];
}

/** Web-mercator pixels per metre at `zoom` at a latitude (MapLibre tiles are 512 px). */
const pxPerMetre = (lat: number, zoom: number) => (512 * 2 ** zoom) / (EARTH_M * Math.cos((lat * Math.PI) / 180));

/** Metres (a feature's `accuracyM`) to pixels: exponential in zoom, so a circle keeps its ground size. */
function metresToPixels(lat: number, metres: MapLibre.ExpressionSpecification): MapLibre.ExpressionSpecification {
  return ["interpolate", ["exponential", 2], ["zoom"], 0, 0, 22, ["*", metres, pxPerMetre(lat, 22)]];
}

/** The rings' radii in the reader's unit (km, or miles in the US and the UK). */
const RINGS = [1, 2, 5, 10];

/** A distance ring: its radius in metres and its label in the reader's words ("2 km", "2 mi"). */
export type Ring = { metres: number; label: string };

/** Rings at 1, 2, 5 and 10 of the organization's unit of distance. */
export function ringsIn(unitMetres: number, label: (n: number) => string): Ring[] {
  return RINGS.map((n) => ({ metres: n * unitMetres, label: label(n) }));
}

/** Distance rings around the venue, each with a label point at its top: "how far" at a glance. */
function rings(venue: Venue, radii: readonly Ring[]): { lines: GeoJSON.FeatureCollection; labels: GeoJSON.FeatureCollection } {
  const lines = radii.map(({ metres }) => circlePolygon(venue.lat, venue.lng, metres, 128));
  const labels = radii.map(({ metres, label }): GeoJSON.Feature => ({
    type: "Feature",
    properties: { label },
    geometry: { type: "Point", coordinates: [venue.lng, venue.lat + metres / 111_320] },
  }));
  return { lines: { type: "FeatureCollection", features: lines }, labels: { type: "FeatureCollection", features: labels } };
}

export function addLiveLayers(map: MapLibre.Map, venue: Venue, radii: readonly Ring[]) {
  // Layers are drawn in the order they are added: distance rings, the arrival area, people, and the venue on top.
  addRingLayers(map, venue, radii);
  addSources(map, venue);
  addRadiusLayers(map, venue);
  addParticipantLayers(map, venue);
  addVenuePin(map);
}

function addRingLayers(map: MapLibre.Map, venue: Venue, radii: readonly Ring[]) {
  const ring = rings(venue, radii);
  map.addSource("rings", { type: "geojson", data: ring.lines });
  map.addSource("ring-labels", { type: "geojson", data: ring.labels });
  map.addLayer({
    id: "rings",
    type: "line",
    source: "rings",
    maxzoom: DETAIL_ZOOM,
    paint: { "line-color": "#94a3b8", "line-width": 1, "line-opacity": 0.7, "line-dasharray": [4, 3] },
  });
  map.addLayer({
    id: "ring-labels",
    type: "symbol",
    source: "ring-labels",
    maxzoom: DETAIL_ZOOM,
    layout: { "icon-image": ["concat", "ring|", ["get", "label"]], "icon-allow-overlap": false },
  });
}

const pointCount: MapLibre.ExpressionSpecification = ["get", "point_count"];
const roundedDown = (step: number): MapLibre.ExpressionSpecification => [
  "concat",
  ["to-string", ["*", step, ["floor", ["/", pointCount, step]]]],
  "+",
];
/**
 * A cluster's image (map-icons draws it): its count as shown, exact under 100, then "150+" by fifties and "1500+" by
 * five hundreds, so thousands of moving people need a few hundred images, not one per count ever seen; and whether
 * anyone in it is late.
 */
export const CLUSTER_ICON: MapLibre.ExpressionSpecification = [
  "concat",
  "c|",
  ["case", ["<", pointCount, 100], ["to-string", pointCount], ["<", pointCount, 1000], roundedDown(50), roundedDown(500)],
  "|",
  ["case", [">", ["get", "late"], 0], "1", "0"],
];

function addSources(map: MapLibre.Map, venue: Venue) {
  map.addSource("radius", { type: "geojson", data: circlePolygon(venue.lat, venue.lng, venue.radiusM) });
  map.addSource(VENUE, { type: "geojson", data: venuePoint(venue, 0) });
  map.addSource(MOVING, {
    type: "geojson",
    data: { type: "FeatureCollection", features: [] },
    promoteId: "id",
    cluster: true,
    clusterMaxZoom: CLUSTER_MAX_ZOOM,
    clusterRadius: 52,
    clusterProperties: { late: ["+", ["case", ["==", ["get", "state"], "late"], 1, 0]] },
  });
  map.addSource(ARRIVED, { type: "geojson", data: { type: "FeatureCollection", features: [] }, promoteId: "id" });
}

function addRadiusLayers(map: MapLibre.Map, venue: Venue) {
  // Zoomed out, the true circle is a few pixels wide: a ring of at least 12 px keeps the arrival area visible.
  const ringUntil = Math.log2(12 / (venue.radiusM * pxPerMetre(venue.lat, 0)));
  map.addLayer({
    id: "radius-ring",
    type: "circle",
    source: VENUE,
    maxzoom: Math.max(0, ringUntil),
    paint: { "circle-radius": 12, "circle-color": "#0d9488", "circle-opacity": 0.18, "circle-stroke-color": "#0f766e", "circle-stroke-width": 1.5 },
  });
  map.addLayer({
    id: "radius-fill",
    type: "fill",
    source: "radius",
    minzoom: Math.max(0, ringUntil),
    paint: { "fill-color": "#0d9488", "fill-opacity": 0.14 },
  });
  map.addLayer({
    id: "radius-line",
    type: "line",
    source: "radius",
    minzoom: Math.max(0, ringUntil),
    paint: { "line-color": "#0f766e", "line-width": 2, "line-dasharray": [3, 2] },
  });
}

const unclustered: MapLibre.FilterSpecification = ["!", ["has", "point_count"]];

function addParticipantLayers(map: MapLibre.Map, venue: Venue) {
  const stateColour = [
    "match",
    ["get", "state"],
    ...Object.entries(STATE_STYLE).flatMap(([state, s]) => [state, s.hex]),
    "#64748b",
  ] as unknown as MapLibre.ExpressionSpecification;
  map.addLayer({
    id: "accuracy",
    type: "circle",
    source: MOVING,
    minzoom: DETAIL_ZOOM,
    filter: unclustered,
    paint: {
      "circle-radius": metresToPixels(venue.lat, ["get", "accuracyM"]),
      "circle-color": stateColour,
      "circle-opacity": 0.12,
      "circle-stroke-color": stateColour,
      "circle-stroke-opacity": 0.5,
      "circle-stroke-width": 1,
      "circle-pitch-alignment": "map",
    },
  });
  const halo: MapLibre.CircleLayerSpecification["paint"] = {
    "circle-radius": 22,
    "circle-color": "#0f766e",
    "circle-opacity": 0.18,
    "circle-stroke-color": "#0f766e",
    "circle-stroke-width": 3,
  };
  const markerLayout = (sortKey: boolean): MapLibre.SymbolLayerSpecification["layout"] => ({
    "icon-image": ["concat", "p|", ["get", "state"], "|", ["get", "initials"]],
    "icon-allow-overlap": true,
    "icon-ignore-placement": true,
    ...(sortKey ? { "symbol-sort-key": ["get", "sort"] } : {}),
  });
  map.addLayer({ id: "arrived-selected", type: "circle", source: ARRIVED, minzoom: ARRIVED_ZOOM, filter: ["==", ["get", "id"], ""], paint: halo });
  map.addLayer({ id: "arrived-markers", type: "symbol", source: ARRIVED, minzoom: ARRIVED_ZOOM, layout: markerLayout(false) });
  map.addLayer({ id: "moving-selected", type: "circle", source: MOVING, filter: ["==", ["get", "id"], ""], paint: halo });
  map.addLayer({ id: "moving-markers", type: "symbol", source: MOVING, filter: unclustered, layout: markerLayout(true) });
  map.addLayer({
    id: "clusters",
    type: "symbol",
    source: MOVING,
    filter: ["has", "point_count"],
    layout: {
      "icon-image": CLUSTER_ICON,
      "icon-allow-overlap": true,
      "icon-ignore-placement": true,
    },
  });
}

/** The venue stays on top: it is what everyone is measured against. */
function addVenuePin(map: MapLibre.Map) {
  map.addLayer({
    id: "venue-pin",
    type: "symbol",
    source: VENUE,
    layout: {
      "icon-image": ["concat", "venue|", ["to-string", ["get", "arrived"]]],
      "icon-anchor": "bottom",
      "icon-allow-overlap": true,
      "icon-ignore-placement": true,
    },
  });
}

/** Rings the selected participant (whichever source they are in). */
export function setSelected(map: MapLibre.Map, attendanceId: string | null) {
  const filter: MapLibre.FilterSpecification = ["==", ["get", "id"], attendanceId ?? ""];
  map.setFilter("moving-selected", filter);
  map.setFilter("arrived-selected", filter);
}
