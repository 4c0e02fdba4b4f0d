import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { CIRCUITY, haversineM } from "./estimate";
import { startFakeOsrmServer, type FakeOsrmServer } from "@/test/fakes/osrm-server";
import { osrmDurations } from "./osrm";
import { offset } from "@/test/eta-tracks";

const venue = { lat: 52.52, lng: 13.405 };
const near = offset(venue, 1200, -300);
const far = offset(venue, -4000, 2500);

let osrm: FakeOsrmServer;

beforeAll(async () => {
  osrm = await startFakeOsrmServer();
});

afterAll(async () => {
  await osrm.close();
});

beforeEach(() => {
  osrm.requests.length = 0;
  osrm.setBehaviour({ kind: "ok", speedMps: 10 });
});

const ask = (overrides: Partial<Parameters<typeof osrmDurations>[0]> = {}) =>
  osrmDurations({ baseUrl: osrm.url, travelMode: "driving", sources: [near, far], destination: venue, timeoutMs: 1000, ...overrides });

describe("osrmDurations", () => {
  it("asks one table request for every source to the venue and returns durations and road distances in order", async () => {
    const routes = await ask();
    expect(osrm.requests).toHaveLength(1);
    const [request] = osrm.requests;
    expect(request).toMatchObject({ profile: "car", sources: [0, 1], destinations: [2], annotations: ["duration", "distance"] });
    expect(request!.coordinates[2]!.lat).toBeCloseTo(venue.lat, 6);
    expect(request!.coordinates[2]!.lng).toBeCloseTo(venue.lng, 6);

    const roadM = (from: typeof near) => haversineM(from, venue) * CIRCUITY;
    expect(routes).toHaveLength(2);
    expect(routes![0]!.distanceM).toBeCloseTo(roadM(near), -1);
    expect(routes![0]!.durationS).toBeCloseTo(roadM(near) / 10, 0);
    expect(routes![1]!.distanceM).toBeCloseTo(roadM(far), -1);
    expect(routes![1]!.durationS).toBeGreaterThan(routes![0]!.durationS);
  });

  it("uses the foot profile for walking events and accepts a base URL with a path and trailing slash", async () => {
    const routes = await ask({ travelMode: "walking", baseUrl: `${osrm.url}/routed-foot/` });
    expect(routes).toHaveLength(2);
    expect(osrm.requests[0]!.profile).toBe("foot");
    expect(osrm.requests[0]!.path).toMatch(/^\/routed-foot\/table\/v1\/foot\//);
  });

  it("gives null for a source OSRM cannot route, and keeps the others", async () => {
    osrm.setBehaviour({ kind: "ok", unroutableSources: [1] });
    const routes = await ask();
    expect(routes![0]).not.toBeNull();
    expect(routes![1]).toBeNull();
  });

  it("leaves the distance null when the server reports durations only", async () => {
    osrm.setBehaviour({ kind: "ok", withoutDistances: true });
    const routes = await ask();
    expect(routes!.map((r) => r!.distanceM)).toEqual([null, null]);
    expect(routes![0]!.durationS).toBeGreaterThan(0);
  });

  it("answers an empty list without asking OSRM when there is nobody to route", async () => {
    expect(await ask({ sources: [] })).toEqual([]);
    expect(osrm.requests).toHaveLength(0);
  });

  it("gives up (null) when OSRM is slower than the timeout, even though it would answer correctly later", async () => {
    osrm.setBehaviour({ kind: "slow", delayMs: 5000 });
    expect(await ask({ timeoutMs: 150 })).toBeNull();
    expect(osrm.requests).toHaveLength(1);
  });

  it("gives null on an HTTP 500", async () => {
    osrm.setBehaviour({ kind: "http-error", status: 500 });
    expect(await ask()).toBeNull();
  });

  it('gives null when OSRM answers code "NoRoute", with its usual 400 or even with 200', async () => {
    osrm.setBehaviour({ kind: "code", code: "NoRoute" });
    expect(await ask()).toBeNull();
    osrm.setBehaviour({ kind: "code", code: "NoRoute", status: 200 });
    expect(await ask()).toBeNull();
    // The code decides, even when the rest of the answer looks like a table.
    osrm.setBehaviour({ kind: "body", body: '{"code":"NoRoute","durations":[[12.5],[40]]}' });
    expect(await ask()).toBeNull();
  });

  it("gives null for malformed JSON or a table of the wrong shape", async () => {
    for (const body of [
      '{"code":"Ok","durations":[[12.5],',
      "<html>Bad gateway</html>",
      '{"code":"Ok","durations":[["12"],["40"]]}',
      '{"code":"Ok","durations":[[12.5]]}',
      '{"code":"Ok","durations":[[12.5,3],[40,1]]}',
      '{"code":"Ok","durations":[[12.5],[40]],"distances":[[100]]}',
      '{"code":"Ok"}',
      "null",
    ]) {
      osrm.setBehaviour({ kind: "body", body });
      expect(await ask(), body).toBeNull();
    }
  });

  it("gives null, without throwing, when nothing listens or the URL is unusable", async () => {
    const gone = await startFakeOsrmServer();
    await gone.close();
    expect(await ask({ baseUrl: gone.url })).toBeNull();
    expect(await ask({ baseUrl: "not a url" })).toBeNull();
    expect(await ask({ sources: [{ lat: Number.NaN, lng: 13.4 }] })).toBeNull();
  });
});
