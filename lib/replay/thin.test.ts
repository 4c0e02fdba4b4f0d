import { describe, expect, it } from "vitest";
import { positionAt } from "./state";
import { thinTrail, toleranceForZoom, type TrailPoint } from "./thin";

const LAT = 52.52;
const M = 1 / 111_320;

/** A fix `north` metres north of the origin at minute `minute`. */
const fix = (minute: number, north: number, east = 0): TrailPoint => [minute * 60_000, LAT + north * M, 13.4 + (east * M) / Math.cos((LAT * Math.PI) / 180)];

describe("thinning a trail for a zoom level", () => {
  it("keeps the ends of a steady straight walk and drops what lies between", () => {
    const walk = Array.from({ length: 30 }, (_, i) => fix(i, i * 80));
    expect(thinTrail(walk, 1)).toEqual([walk[0], walk[29]]);
  });

  it("keeps a stop on a straight road, so the replay does not glide through it", () => {
    // 10 minutes driving north, 5 minutes standing at 1,000 m, 10 more minutes north: one straight line.
    const drive = [
      ...Array.from({ length: 11 }, (_, i) => fix(i, i * 100)),
      ...Array.from({ length: 5 }, (_, i) => fix(11 + i, 1000)),
      ...Array.from({ length: 10 }, (_, i) => fix(16 + i, 1100 + i * 100)),
    ];
    const thinned = thinTrail(drive, 5);
    expect(thinned.length).toBeLessThan(drive.length / 3);
    // Every stored fix is replayed within the tolerance of where it was.
    for (const [at, lat] of drive) expect(Math.abs(positionAt(thinned, at)!.lat - lat) / M).toBeLessThan(5);
  });

  it("keeps a corner zoomed in and smooths a small wobble away zoomed out", () => {
    const wobble = [fix(0, 0), fix(1, 100, 30), fix(2, 200)];
    expect(thinTrail(wobble, toleranceForZoom(LAT, 17))).toHaveLength(3);
    expect(thinTrail(wobble, toleranceForZoom(LAT, 9))).toHaveLength(2);
  });

  it("takes twice as much tolerance for each zoom level out", () => {
    expect(toleranceForZoom(LAT, 12) / toleranceForZoom(LAT, 13)).toBeCloseTo(2);
    expect(toleranceForZoom(0, 0)).toBeGreaterThan(toleranceForZoom(60, 0));
  });

  it("leaves a trail of one or two fixes as it is", () => {
    expect(thinTrail([fix(0, 0)], 10)).toHaveLength(1);
    expect(thinTrail([fix(0, 0), fix(1, 0)], 10)).toHaveLength(2);
  });
});
