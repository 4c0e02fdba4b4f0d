export { mapProviderOrigin, mapSettingsOf } from "./settings";
export { getMapStyle, getMapTile, TileAddress } from "./tiles";
export { mapProviderOf, PMTILES_STYLE_PATH, PMTILES_TILE_PATH, type MapSettings } from "./types";
