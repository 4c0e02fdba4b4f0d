import { withRoute } from "@/lib/http";
import { getMapTile } from "@/lib/map";

export const dynamic = "force-dynamic";

// A basemap changes when its file is replaced, rarely: browsers keep tiles an hour, and may use one a day old meanwhile.
const CACHE = "public, max-age=3600, stale-while-revalidate=86400";

/** One vector tile of the app's own basemap (MAP_STYLE=pmtiles); 204 where the archive has none. */
export const GET = withRoute<{ z: string; x: string; y: string }>("map-tile", async (_request, { params }) => {
  const tile = await getMapTile(await params);
  if (!tile) return new Response(null, { status: 204, headers: { "cache-control": CACHE } });
  return new Response(tile, {
    headers: { "content-type": "application/vnd.mapbox-vector-tile", "cache-control": CACHE },
  });
});
