// A street map of the few blocks around a venue, as a PMTiles file: what the map tests serve instead of a real
// basemap. Streets are Protomaps basemap features (layer "roads", kind major_road / minor_road) over an "earth" square.
import { encodeTile, toTilePixel, writePMTiles, type ArchiveTile, type VectorLayer } from "./map-tiles";

export type Venue = { latitude: number; longitude: number };
export const STREET_ZOOMS = [13, 14, 15];
/** How far around the venue the map reaches (degrees). */
const REACH = 0.02;

/** The streets, in longitude/latitude: one main road just north of the venue, three side streets. */
export function streetsAround({ latitude: lat, longitude: lng }: Venue): VectorLayer[] {
  const [west, east, south, north] = [lng - REACH, lng + REACH, lat - REACH, lat + REACH];
  const line = (coordinates: [number, number][], kind: string) => ({ kind: "line" as const, coordinates, properties: { kind } });
  return [
    {
      name: "earth",
      features: [{ kind: "polygon", coordinates: [[west, north], [east, north], [east, south], [west, south], [west, north]], properties: {} }],
    },
    {
      name: "roads",
      features: [
        line([[west, lat + 0.0009], [east, lat + 0.0009]], "major_road"),
        line([[lng - 0.0025, south], [lng - 0.0025, north]], "minor_road"),
        line([[lng + 0.0025, south], [lng + 0.0025, north]], "minor_road"),
        line([[west, lat - 0.0016], [east, lat - 0.0016]], "minor_road"),
      ],
    },
  ];
}

/** Every tile of the map at each of STREET_ZOOMS, as x/y ranges. */
export function tilesAround(venue: Venue): { z: number; x: number; y: number }[] {
  const tiles = [];
  for (const z of STREET_ZOOMS) {
    const corner = (lng: number, lat: number) => toTilePixel([lng, lat], z, 0, 0).map((p) => Math.floor(p / 4096));
    const [x0, y0] = corner(venue.longitude - REACH, venue.latitude + REACH);
    const [x1, y1] = corner(venue.longitude + REACH, venue.latitude - REACH);
    for (let x = x0!; x <= x1!; x++) for (let y = y0!; y <= y1!; y++) tiles.push({ z, x, y });
  }
  return tiles;
}

/** The archive's bytes, and its tiles (unencoded) for comparing what a server sends. */
export function streetMapArchive(venue: Venue): { file: Buffer; tiles: ArchiveTile[] } {
  const layers = streetsAround(venue);
  const tiles = tilesAround(venue).map((t) => ({ ...t, data: encodeTile(layers, t.z, t.x, t.y) }));
  const bounds: [number, number, number, number] = [
    venue.longitude - REACH,
    venue.latitude - REACH,
    venue.longitude + REACH,
    venue.latitude + REACH,
  ];
  const metadata = { name: "test streets", attribution: "Test streets", vector_layers: [{ id: "earth" }, { id: "roads" }] };
  return { file: writePMTiles(tiles, metadata, bounds), tiles };
}
