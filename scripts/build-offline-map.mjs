// Regenerates public/map/land.geojson (Natural Earth 1:110m land, via world-atlas) for the bundled offline map
// style: enough to see where a pin is without any tile server. Run after upgrading world-atlas; commit the output.
import fs from "node:fs";
import { createRequire } from "node:module";
import { feature } from "topojson-client";

const require = createRequire(import.meta.url);
const topology = JSON.parse(fs.readFileSync(require.resolve("world-atlas/land-110m.json"), "utf8"));
const land = feature(topology, topology.objects.land);
// Four decimals (~10 m) is far more than 1:110m data holds, and keeps the file small.
const rounded = JSON.stringify(land, (key, value) => (typeof value === "number" ? Math.round(value * 1e4) / 1e4 : value));
fs.writeFileSync(new URL("../public/map/land.geojson", import.meta.url), rounded);
console.log(`public/map/land.geojson: ${(rounded.length / 1024).toFixed(0)} KiB`);
