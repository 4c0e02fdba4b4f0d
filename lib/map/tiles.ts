import { layers, namedFlavor } from "@protomaps/basemaps";
import { z } from "zod";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { isVectorArchive, openArchive } from "./pmtiles-file";
import { PMTILES_TILE_PATH } from "./types";

/** A tile address as the route receives it: `/api/tiles/{z}/{x}/{y}.mvt`, x and y inside the zoom level's grid. */
export const TileAddress = z
  .object({
    z: z.string().regex(/^\d{1,2}$/, "a zoom level").transform(Number).pipe(z.number().max(22)),
    x: z.string().regex(/^\d{1,7}$/, "a column").transform(Number),
    y: z.string().regex(/^\d{1,7}\.mvt$/, "a row, then .mvt").transform((v) => Number(v.slice(0, -4))),
  })
  .refine((t) => t.x < 2 ** t.z && t.y < 2 ** t.z, { message: "x and y must lie inside the zoom level", path: ["x"] });
export type TileAddress = z.infer<typeof TileAddress>;

async function archiveOrThrow() {
  const path = env().MAP_STYLE === "pmtiles" ? env().MAP_PMTILES_PATH : undefined;
  const archive = path ? await openArchive(path) : null;
  if (!archive || !(await isVectorArchive(archive))) {
    throw new AppError("NOT_FOUND", "This server has no map tiles (MAP_STYLE=pmtiles with a vector MAP_PMTILES_PATH).");
  }
  return archive;
}

/** One tile's bytes (uncompressed MVT), or null when the archive has no tile there (an empty area, or beyond its zooms). */
export async function getMapTile(input: Record<string, string>): Promise<Uint8Array<ArrayBuffer> | null> {
  const parsed = TileAddress.safeParse(input);
  if (!parsed.success) {
    throw new AppError("VALIDATION", "Not a tile address: /api/tiles/{z}/{x}/{y}.mvt.", { fields: z.flattenError(parsed.error).fieldErrors });
  }
  const { z: zoom, x, y } = parsed.data;
  const tile = await (await archiveOrThrow()).getZxy(zoom, x, y);
  return tile ? new Uint8Array(tile.data) : null;
}

/**
 * The MapLibre style of the app's own basemap: Protomaps' "light" layers over the archive's tiles. No label layers:
 * labels need glyphs (fonts as PBF), which are not bundled, and fetching them elsewhere would defeat serving the map
 * ourselves. Tile URLs are paths on this app (the browser resolves them), never built from a request's Host.
 */
export async function getMapStyle() {
  const archive = await archiveOrThrow();
  const header = await archive.getHeader();
  const metadata = (await archive.getMetadata().catch(() => ({}))) as { attribution?: unknown };
  return {
    version: 8 as const,
    name: "event-coming-pmtiles",
    sources: {
      protomaps: {
        type: "vector" as const,
        tiles: [PMTILES_TILE_PATH],
        minzoom: header.minZoom,
        maxzoom: header.maxZoom,
        bounds: [header.minLon, header.minLat, header.maxLon, header.maxLat],
        attribution: typeof metadata.attribution === "string" ? metadata.attribution : "© OpenStreetMap",
      },
    },
    layers: layers("protomaps", namedFlavor("light")),
  };
}
