import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { zxyToTileId } from "pmtiles";
import { afterAll, describe, expect, it } from "vitest";
import { tileId } from "@/test/map-tiles";
import { streetMapArchive } from "@/test/street-map";

// Settings are read once per process: this file's deployment serves its own street map from a file made here.
const VENUE = { latitude: 52.5306, longitude: 13.3847 };
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ec-tiles-"));
const file = path.join(dir, "streets.pmtiles");
const { file: archive, tiles } = streetMapArchive(VENUE);
fs.writeFileSync(file, archive);
process.env.MAP_STYLE = "pmtiles";
process.env.MAP_PMTILES_PATH = file;
const { GET: getTile } = await import("@/app/api/tiles/[z]/[x]/[y]/route");
const { GET: getStyle } = await import("@/app/api/tiles/style.json/route");
const { PMTilesFileSource } = await import("./pmtiles-file");

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const tile = (z: string, x: string, y: string) =>
  getTile(new Request(`http://app.test/api/tiles/${z}/${x}/${y}`), { params: Promise.resolve({ z, x, y }) });
const style = () => getStyle(new Request("http://app.test/api/tiles/style.json"), { params: Promise.resolve({}) });

describe("the tile route", () => {
  it("sends each tile of the archive as its MVT bytes, cacheable", async () => {
    expect(tiles.length).toBeGreaterThan(10);
    for (const t of [tiles[0]!, tiles[Math.floor(tiles.length / 2)]!, tiles.at(-1)!]) {
      const response = await tile(String(t.z), String(t.x), `${t.y}.mvt`);
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toBe("application/vnd.mapbox-vector-tile");
      expect(response.headers.get("cache-control")).toContain("max-age=3600");
      expect(new Uint8Array(await response.arrayBuffer())).toEqual(t.data);
    }
  });

  it("answers 204 where the archive has no tile: elsewhere in the world, or at a zoom it does not hold", async () => {
    const t = tiles[0]!;
    for (const [z, x, y] of [[t.z, 0, 0], [10, 550, 335], [16, 2 * t.x, 2 * t.y]]) {
      const response = await tile(String(z), String(x), `${y}.mvt`);
      expect(response.status, `${z}/${x}/${y}`).toBe(204);
      expect(await response.text()).toBe("");
    }
  });

  it("refuses what is not a tile address with 422 and a reason", async () => {
    for (const [z, x, y] of [["abc", "1", "1.mvt"], ["23", "0", "0.mvt"], ["2", "4", "0.mvt"], ["2", "0", "4.mvt"], ["3", "1", "1.png"], ["3", "-1", "1.mvt"]]) {
      const response = await tile(z!, x!, y!);
      expect(response.status, `${z}/${x}/${y}`).toBe(422);
      expect((await response.json()).error.code).toBe("VALIDATION");
    }
  });
});

describe("the style route", () => {
  it("draws Protomaps' layers over this app's own tiles, with no labels (no glyphs are served)", async () => {
    const response = await style();
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.sources.protomaps).toMatchObject({ type: "vector", tiles: ["/api/tiles/{z}/{x}/{y}.mvt"], minzoom: 13, maxzoom: 15 });
    expect(body.sources.protomaps.attribution).toBe("Test streets");
    const ids = body.layers.map((l: { id: string }) => l.id);
    expect(ids).toEqual(expect.arrayContaining(["earth", "roads_major", "roads_minor"]));
    expect(body.layers.filter((l: { type: string }) => l.type === "symbol")).toEqual([]);
    expect(body.glyphs).toBeUndefined();
    expect(JSON.stringify(body)).not.toContain("http");
  });
});

describe("the archive file", () => {
  it("is read by exact byte ranges, and a range past its end comes back short", async () => {
    const source = new PMTilesFileSource(file, "k");
    for (const [offset, length] of [[0, 127], [127, 40], [archive.length - 9, 9]]) {
      expect(Buffer.from((await source.getBytes(offset!, length!)).data)).toEqual(archive.subarray(offset!, offset! + length!));
    }
    expect((await source.getBytes(archive.length - 5, 100)).data.byteLength).toBe(5);
  });

  it("numbers tiles as the PMTiles reader does (the test writer agrees with the spec's reference)", () => {
    for (const [z, x, y] of [[0, 0, 0], [1, 1, 0], [3, 5, 2], [15, 17602, 10744]]) expect(tileId(z!, x!, y!)).toBe(zxyToTileId(z!, x!, y!));
    // The tiles inside are gzip, as a real basemap's: the route sends them unpacked.
    expect(gunzipSync(archive.subarray(127, 127 + Number(archive.readBigUInt64LE(16)))).length).toBeGreaterThan(0);
  });

  it("is taken up again when replaced, and its absence is a 404 for tiles and the style", async () => {
    const t = tiles[0]!;
    fs.renameSync(file, `${file}.away`);
    for (const response of [await tile(String(t.z), String(t.x), `${t.y}.mvt`), await style()]) {
      expect(response.status).toBe(404);
      expect((await response.json()).error.code).toBe("NOT_FOUND");
    }
    fs.renameSync(`${file}.away`, file);
    expect((await tile(String(t.z), String(t.x), `${t.y}.mvt`)).status).toBe(200);
  });
});
