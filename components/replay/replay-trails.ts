// The replay's trails on the live map: each participant's whole trail faint, and the stretch travelled by the
// replayed instant drawn in their status's colour, both under the markers.

import type * as MapLibre from "maplibre-gl";
import { STATE_STYLE } from "@/components/live/presentation";
import type { Bounds } from "@/components/live/live-map-layers";
import type { ReplayMoment } from "@/lib/replay/state";
import type { ReplayParticipant } from "@/lib/replay/types";

const WHOLE = "replay-trails";
const TRAVELLED = "replay-travelled";
/** The live map's lowest participant layer: trails go under it. */
const BELOW = "arrived-selected";

type Lines = GeoJSON.FeatureCollection<GeoJSON.LineString>;

export function wholeTrails(participants: readonly ReplayParticipant[]): Lines {
  return {
    type: "FeatureCollection",
    features: participants
      .filter((p) => p.trail.length > 1)
      .map((p) => ({
        type: "Feature",
        properties: { id: p.attendanceId },
        geometry: { type: "LineString", coordinates: p.trail.map(([, lat, lng]) => [lng, lat]) },
      })),
  };
}

/** Each trail up to `at`, ending where the participant is then. */
export function travelledTrails(participants: readonly ReplayParticipant[], moments: readonly ReplayMoment[], at: number): Lines {
  const features: Lines["features"] = [];
  participants.forEach((p, i) => {
    const moment = moments[i];
    if (!moment?.position) return;
    const coordinates = p.trail.filter(([ms]) => ms <= at).map(([, lat, lng]) => [lng, lat]);
    coordinates.push([moment.position.lng, moment.position.lat]);
    if (coordinates.length < 2) return;
    features.push({ type: "Feature", properties: { colour: STATE_STYLE[moment.status].hex }, geometry: { type: "LineString", coordinates } });
  });
  return { type: "FeatureCollection", features };
}

export function addTrailLayers(map: MapLibre.Map, whole: Lines, travelled: Lines) {
  map.addSource(WHOLE, { type: "geojson", data: whole });
  map.addSource(TRAVELLED, { type: "geojson", data: travelled });
  const before = map.getLayer(BELOW) ? BELOW : undefined;
  map.addLayer(
    { id: WHOLE, type: "line", source: WHOLE, layout: { "line-join": "round", "line-cap": "round" }, paint: { "line-color": "#64748b", "line-width": 2, "line-opacity": 0.35 } },
    before,
  );
  map.addLayer(
    {
      id: TRAVELLED,
      type: "line",
      source: TRAVELLED,
      layout: { "line-join": "round", "line-cap": "round" },
      paint: { "line-color": ["get", "colour"], "line-width": 3, "line-opacity": 0.85 },
    },
    before,
  );
}

export function setTrails(map: MapLibre.Map, whole: Lines | null, travelled: Lines) {
  if (whole) map.getSource<MapLibre.GeoJSONSource>(WHOLE)?.setData(whole);
  map.getSource<MapLibre.GeoJSONSource>(TRAVELLED)?.setData(travelled);
}

/** The venue's arrival circle and every trail. */
export function replayBounds(venue: { lat: number; lng: number; radiusM: number }, participants: readonly ReplayParticipant[]): Bounds {
  const dLat = venue.radiusM / 111_320;
  const dLng = venue.radiusM / (111_320 * Math.cos((venue.lat * Math.PI) / 180));
  let [west, south, east, north] = [venue.lng - dLng, venue.lat - dLat, venue.lng + dLng, venue.lat + dLat];
  for (const p of participants) {
    for (const [, lat, lng] of p.trail) {
      west = Math.min(west, lng);
      east = Math.max(east, lng);
      south = Math.min(south, lat);
      north = Math.max(north, lat);
    }
  }
  return [
    [west, south],
    [east, north],
  ];
}
