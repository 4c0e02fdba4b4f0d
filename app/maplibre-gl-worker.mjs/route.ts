import fs from "node:fs/promises";
import path from "node:path";

// MapLibre GL 6 loads its worker from a URL (see components/map/load-maplibre.ts). Serving it from the installed
// package keeps it in step with maplibre-gl's version without copying files into public/. Read once at build time.
export const dynamic = "force-static";

export async function GET() {
  const file = path.join(process.cwd(), "node_modules", "maplibre-gl", "dist", "maplibre-gl-worker.mjs");
  return new Response(await fs.readFile(file, "utf8"), {
    headers: { "content-type": "text/javascript; charset=utf-8", "cache-control": "public, max-age=86400" },
  });
}
