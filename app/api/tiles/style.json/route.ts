import { NextResponse } from "next/server";
import { withRoute } from "@/lib/http";
import { getMapStyle } from "@/lib/map";

export const dynamic = "force-dynamic";

/** The MapLibre style of the app's own basemap (MAP_STYLE=pmtiles); 404 when no tiles are installed. */
export const GET = withRoute("map-style", async () =>
  NextResponse.json(await getMapStyle(), { headers: { "cache-control": "public, max-age=300" } }),
);
