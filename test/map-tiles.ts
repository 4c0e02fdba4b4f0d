// A tiny PMTiles v3 writer and Mapbox Vector Tile encoder, so tests make their own basemap (a few streets at a few
// zooms) instead of shipping a binary. Written from the specs (github.com/protomaps/PMTiles/blob/main/spec/v3,
// github.com/mapbox/vector-tile-spec/tree/master/2.1); only what the tests need: lines, polygons, string properties.
import { gzipSync } from "node:zlib";

type LngLat = [number, number];
export type VectorFeature = { kind: "line" | "polygon"; coordinates: LngLat[]; properties: Record<string, string> };
export type VectorLayer = { name: string; features: VectorFeature[] };

class Writer {
  readonly bytes: number[] = [];
  varint(value: number) {
    let v = value;
    while (v >= 0x80) {
      this.bytes.push((v % 0x80) | 0x80);
      v = Math.floor(v / 0x80);
    }
    this.bytes.push(v);
  }
  key(field: number, wireType: number) {
    this.varint((field << 3) | wireType);
  }
  message(field: number, body: number[] | Uint8Array) {
    this.key(field, 2);
    this.varint(body.length);
    this.bytes.push(...body);
  }
  string(field: number, value: string) {
    this.message(field, new TextEncoder().encode(value));
  }
  packed(field: number, values: number[]) {
    const inner = new Writer();
    for (const v of values) inner.varint(v);
    this.message(field, inner.bytes);
  }
  uint(field: number, value: number) {
    this.key(field, 0);
    this.varint(value);
  }
}

const EXTENT = 4096;
const zigzag = (n: number) => (n << 1) ^ (n >> 31);
const command = (id: number, count: number) => (id & 7) | (count << 3);

/** A longitude/latitude in tile `z/x/y`'s pixel grid (0…4096 inside the tile; outside it is allowed). */
export function toTilePixel([lng, lat]: LngLat, z: number, x: number, y: number): LngLat {
  const n = 2 ** z;
  const worldX = ((lng + 180) / 360) * n;
  const rad = (lat * Math.PI) / 180;
  const worldY = ((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * n;
  return [Math.round((worldX - x) * EXTENT), Math.round((worldY - y) * EXTENT)];
}

function geometry(points: LngLat[], closed: boolean): number[] {
  const out = [command(1, 1)];
  let [cx, cy] = [0, 0];
  points.forEach(([px, py], i) => {
    if (i === 1) out.push(command(2, points.length - 1));
    out.push(zigzag(px - cx), zigzag(py - cy));
    [cx, cy] = [px, py];
  });
  if (closed) out.push(command(7, 1));
  return out;
}

/** One vector tile: each layer's features projected into tile z/x/y. */
export function encodeTile(layers: VectorLayer[], z: number, x: number, y: number): Uint8Array {
  const tile = new Writer();
  for (const layer of layers) {
    const out = new Writer();
    out.uint(15, 2);
    out.string(1, layer.name);
    const keys: string[] = [];
    const values: string[] = [];
    for (const feature of layer.features) {
      const tags: number[] = [];
      for (const [k, v] of Object.entries(feature.properties)) {
        if (!keys.includes(k)) keys.push(k);
        if (!values.includes(v)) values.push(v);
        tags.push(keys.indexOf(k), values.indexOf(v));
      }
      const pixels = feature.coordinates.map((c) => toTilePixel(c, z, x, y));
      const body = new Writer();
      body.packed(2, tags);
      body.uint(3, feature.kind === "line" ? 2 : 3);
      body.packed(4, geometry(feature.kind === "polygon" ? pixels.slice(0, -1) : pixels, feature.kind === "polygon"));
      out.message(2, body.bytes);
    }
    for (const k of keys) out.string(3, k);
    for (const v of values) {
      const value = new Writer();
      value.string(1, v);
      out.message(4, value.bytes);
    }
    out.uint(5, EXTENT);
    tile.message(3, out.bytes);
  }
  return Uint8Array.from(tile.bytes);
}

/** The Hilbert-curve tile id of z/x/y (PMTiles v3: all tiles of lower zooms first). */
export function tileId(z: number, x: number, y: number): number {
  let id = ((1 << z) * (1 << z) - 1) / 3;
  let [tx, ty] = [x, y];
  const n = 2 ** z;
  for (let s = n / 2; s >= 1; s /= 2) {
    const rx = (tx & s) > 0 ? 1 : 0;
    const ry = (ty & s) > 0 ? 1 : 0;
    id += s * s * ((3 * rx) ^ ry);
    if (ry === 0) {
      if (rx === 1) [tx, ty] = [n - 1 - tx, n - 1 - ty];
      [tx, ty] = [ty, tx];
    }
  }
  return id;
}

function directory(entries: { id: number; offset: number; length: number }[]): Uint8Array {
  const out = new Writer();
  out.varint(entries.length);
  let last = 0;
  for (const e of entries) {
    out.varint(e.id - last);
    last = e.id;
  }
  for (let i = 0; i < entries.length; i++) out.varint(1);
  for (const e of entries) out.varint(e.length);
  for (const e of entries) out.varint(e.offset + 1);
  return Uint8Array.from(out.bytes);
}

export type ArchiveTile = { z: number; x: number; y: number; data: Uint8Array };

/** A PMTiles v3 archive of vector tiles (gzip inside, as real basemaps are), with one root directory. */
export function writePMTiles(tiles: ArchiveTile[], metadata: Record<string, unknown>, bounds: [number, number, number, number]): Buffer {
  const sorted = tiles.map((t) => ({ ...t, id: tileId(t.z, t.x, t.y), data: gzipSync(t.data) })).sort((a, b) => a.id - b.id);
  let offset = 0;
  const entries = sorted.map((t) => ({ id: t.id, offset: (offset += t.data.length) - t.data.length, length: t.data.length }));
  const root = gzipSync(directory(entries));
  const meta = gzipSync(JSON.stringify(metadata));
  const tileData = Buffer.concat(sorted.map((t) => t.data));
  const header = Buffer.alloc(127);
  header.write("PMTiles", 0, "ascii");
  header.writeUInt8(3, 7);
  const u64 = [127, root.length, 127 + root.length, meta.length, 127 + root.length + meta.length, 0];
  u64.push(127 + root.length + meta.length, tileData.length, sorted.length, sorted.length, sorted.length);
  u64.forEach((v, i) => header.writeBigUInt64LE(BigInt(v), 8 + i * 8));
  header.writeUInt8(1, 96); // clustered
  header.writeUInt8(2, 97); // internal compression: gzip
  header.writeUInt8(2, 98); // tile compression: gzip
  header.writeUInt8(1, 99); // tile type: MVT
  const zooms = sorted.map((t) => t.z);
  header.writeUInt8(Math.min(...zooms), 100);
  header.writeUInt8(Math.max(...zooms), 101);
  bounds.forEach((v, i) => header.writeInt32LE(Math.round(v * 1e7), 102 + i * 4));
  header.writeUInt8(Math.max(...zooms), 118);
  header.writeInt32LE(Math.round(((bounds[0] + bounds[2]) / 2) * 1e7), 119);
  header.writeInt32LE(Math.round(((bounds[1] + bounds[3]) / 2) * 1e7), 123);
  return Buffer.concat([header, root, meta, tileData]);
}
