import { describe, expect, it } from "vitest";
import { mapSettingsOf, mapProviderOrigin } from "./settings";
import { mapProviderOf } from "./types";

describe("map settings", () => {
  it("offline and pmtiles maps involve nobody outside the app", () => {
    for (const style of ["offline", "pmtiles"] as const) {
      const settings = mapSettingsOf({ MAP_STYLE: style, MAP_PROVIDER_NAME: "Ignored" });
      expect(mapProviderOf(settings)).toBeNull();
      expect(mapProviderOrigin({ MAP_STYLE: style })).toBeNull();
    }
    expect(mapSettingsOf({ MAP_STYLE: "pmtiles", MAP_PROVIDER_NAME: undefined })).toEqual({ kind: "pmtiles", styleUrl: "/api/tiles/style.json" });
  });

  it("a style URL makes its host the provider (named as configured) and its origin the only one allowed", () => {
    const url = "https://tiles.openfreemap.org/styles/liberty";
    expect(mapProviderOf(mapSettingsOf({ MAP_STYLE: url, MAP_PROVIDER_NAME: undefined }))).toBe("tiles.openfreemap.org");
    expect(mapProviderOf(mapSettingsOf({ MAP_STYLE: url, MAP_PROVIDER_NAME: "OpenFreeMap" }))).toBe("OpenFreeMap");
    expect(mapProviderOrigin({ MAP_STYLE: url })).toBe("https://tiles.openfreemap.org");
  });
});
