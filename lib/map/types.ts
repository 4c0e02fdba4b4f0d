// Client-safe: what the browser needs to know about the deployment's map (no server code is imported here).

/** Where the map under every map of the app comes from, decided by the server at start (MAP_STYLE). */
export type MapSettings =
  /** The bundled coastlines, drawn from /map/land.geojson: nothing leaves the app. */
  | { kind: "offline" }
  /** Streets from a PMTiles file this app serves itself (/api/tiles/…): nothing leaves the app either. */
  | { kind: "pmtiles"; styleUrl: string }
  /** A third-party style: its provider serves the style, tiles and fonts, and sees which area each map shows. */
  | { kind: "provider"; styleUrl: string; provider: string };

/** Where the app serves the style of its own PMTiles basemap. */
export const PMTILES_STYLE_PATH = "/api/tiles/style.json";
/** Where the app serves the tiles of that basemap. */
export const PMTILES_TILE_PATH = "/api/tiles/{z}/{x}/{y}.mvt";

/** The third party a participant's phone talks to for the map, if any (named on the consent screen). */
export function mapProviderOf(settings: MapSettings): string | null {
  return settings.kind === "provider" ? settings.provider : null;
}
