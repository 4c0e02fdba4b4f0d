import { afterEach, describe, expect, it } from "vitest";
import { haversineM } from "@/lib/eta/estimate";
import { PointBatchInput } from "@/lib/tracking/schemas";
import { planJourneys, type Journey } from "./paths";
import { claimSimulation, getSimulation } from "./registry";
import { runSimulation, type SimTraveller } from "./runner";
import { startRecordingServer, type RecordedRequest, type RecordingServer } from "@/test/fakes/app-origin-server";

const VENUE = { lat: 52.5306, lng: 13.3847, radiusM: 150 };
const MINUTE = 60_000;
/**
 * Plays demo journeys back 200× faster, a fix every 20 ms: a two-minute drive takes 0.6 s, about 30 fixes, and still
 * several when a loaded machine stretches every tick fivefold (at 600× it was 3 on a busy CI machine).
 */
const FAST = { intervalMs: 20, timeScale: 200 };

let server: RecordingServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

function journeys(count: number): Journey[] {
  const now = new Date();
  // Started an hour ago: the first (the latecomer) takes the shortest late journey, 8 minutes; the others 2–3.
  const startsAt = new Date(now.getTime() - 60 * MINUTE);
  return planJourneys({ venue: VENUE, travelMode: "driving", count, now, startsAt, lateGraceMinutes: 5, seed: 11 });
}

function travellers(tokens: string[]): SimTraveller[] {
  const planned = journeys(tokens.length);
  return tokens.map((token, i) => ({ attendanceId: `attendance-${token}`, token, journey: planned[i]! }));
}

/** Like the real ingest: "arrived" once a fix lies inside the arrival radius. */
function arrivesInside(request: RecordedRequest) {
  const { points } = PointBatchInput.parse(request.body);
  const inside = points.some((p) => haversineM(p, VENUE) <= VENUE.radiusM);
  return { status: 200, body: { accepted: points.length, journey: inside ? "arrived" : "on_the_way" } };
}

const byToken = (token: string) => server!.requests.filter((r) => r.token === token);

describe("runSimulation", () => {
  it("posts each participant's fixes to <origin>/api/track/<token>/points until the ingest says arrived", async () => {
    server = await startRecordingServer(arrivesInside);
    const simulation = runSimulation({ origin: `${server.origin}/`, travellers: travellers(["tok-a", "tok-b"]), ...FAST });
    const summary = await simulation.done;

    expect(summary.outcomes).toEqual({ "attendance-tok-a": "arrived", "attendance-tok-b": "arrived" });
    for (const token of ["tok-a", "tok-b"]) {
      const requests = byToken(token);
      expect(requests.length).toBeGreaterThan(3);
      for (const request of requests) {
        expect(request).toMatchObject({ method: "POST", path: `/api/track/${token}/points`, contentType: "application/json" });
        const { points } = PointBatchInput.parse(request.body);
        expect(points).toHaveLength(1);
        // recordedAt is "now", as a phone reports it, so the ingest's window and future checks pass.
        expect(Math.abs(Date.parse(points[0]!.recordedAt) - request.receivedAt)).toBeLessThan(1000);
        expect(points[0]!.accuracy).toBeGreaterThan(0);
      }
      const distances = requests.map((r) => haversineM(PointBatchInput.parse(r.body).points[0]!, VENUE));
      expect(distances[0]).toBeGreaterThan(900);
      expect(distances.at(-1)).toBeLessThanOrEqual(VENUE.radiusM);
    }
    // Nothing is sent after everyone arrived.
    const sent = server.requests.length;
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(server.requests).toHaveLength(sent);
    expect(summary.posted).toBe(sent);
  });

  it("rides out errors and rate limits, drops a refused link, and carries on with a re-issued one", async () => {
    const answered = new Map<string, number>();
    server = await startRecordingServer((request) => {
      const n = (answered.get(request.token) ?? 0) + 1;
      answered.set(request.token, n);
      if (request.token === "flaky" && n <= 3) return { status: 500, body: { error: { code: "INTERNAL", message: "x" } } };
      if (request.token === "flaky" && n === 4) {
        return { status: 429, body: { error: { code: "RATE_LIMITED", message: "slow down" } }, headers: { "retry-after": "1" } };
      }
      if (request.token === "stopped") return { status: 410, body: { error: { code: "GONE", message: "x", reason: "stopped" } } };
      if (request.token === "old") return { status: 410, body: { error: { code: "GONE", message: "x", reason: "revoked" } } };
      if (request.token === "unreachable") return "drop";
      return arrivesInside(request);
    });
    const reissued: string[] = [];
    const simulation = runSimulation({
      origin: server.origin,
      // The first journey is the planned latecomer (eight minutes): long enough to run out of attempts on the way.
      travellers: travellers(["unreachable", "flaky", "stopped", "old"]),
      ...FAST,
      reissueToken: async (attendanceId) => {
        reissued.push(attendanceId);
        return "new";
      },
    });
    const summary = await simulation.done;

    expect(summary.outcomes).toEqual({
      "attendance-flaky": "arrived",
      "attendance-stopped": "refused",
      "attendance-old": "arrived",
      "attendance-unreachable": "failing",
    });
    expect(byToken("stopped")).toHaveLength(1);
    expect(byToken("old")).toHaveLength(1);
    expect(reissued).toEqual(["attendance-old"]);
    expect(byToken("new").length).toBeGreaterThan(3);
    expect(byToken("unreachable")).toHaveLength(20);
    expect(byToken("flaky").length).toBeGreaterThan(5);
  });

  it("gives up on someone the ingest never checks in, a few fixes after the end of the road", async () => {
    server = await startRecordingServer(() => ({ status: 200, body: { accepted: 1, journey: "on_the_way" } }));
    const [, quick] = travellers(["late", "quick"]);
    const summary = await runSimulation({ origin: server.origin, travellers: [quick!], ...FAST }).done;
    expect(summary.outcomes).toEqual({ "attendance-quick": "never_checked_in" });
    const atTheEnd = byToken("quick").filter((r) => haversineM(PointBatchInput.parse(r.body).points[0]!, VENUE) <= VENUE.radiusM);
    expect(atTheEnd.length).toBeGreaterThanOrEqual(10);
  });

  it("stops after its time limit even if nobody arrives", async () => {
    server = await startRecordingServer(() => ({ status: 200, body: { accepted: 1, journey: "on_the_way" } }));
    const started = Date.now();
    const simulation = runSimulation({ origin: server.origin, travellers: travellers(["slow"]), intervalMs: 20, maxDurationMs: 300 });
    const summary = await simulation.done;
    expect(Date.now() - started).toBeGreaterThanOrEqual(300);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(summary.outcomes).toEqual({ "attendance-slow": "timed_out" });
    const sent = server.requests.length;
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(server.requests).toHaveLength(sent);
  });

  it("stops when asked", async () => {
    server = await startRecordingServer(() => ({ status: 200, body: { accepted: 1, journey: "on_the_way" } }));
    const simulation = runSimulation({ origin: server.origin, travellers: travellers(["a", "b"]), intervalMs: 20 });
    await new Promise((resolve) => setTimeout(resolve, 100));
    simulation.stop();
    const summary = await simulation.done;
    expect(summary.outcomes).toEqual({ "attendance-a": "stopped", "attendance-b": "stopped" });
    const sent = server.requests.length;
    expect(sent).toBeGreaterThan(2);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(server.requests).toHaveLength(sent);
  });
});

describe("claimSimulation", () => {
  it("holds one simulation per key until it finishes", async () => {
    server = await startRecordingServer(arrivesInside);
    const key = `test:${Math.random()}`;
    const claim = claimSimulation(key);
    expect(claim).not.toBeNull();
    expect(claimSimulation(key)).toBeNull();
    const simulation = runSimulation({ origin: server.origin, travellers: travellers(["x"]), ...FAST });
    claim!.attach(simulation, 1);
    expect(getSimulation(key)).toMatchObject({ participants: 1 });
    expect(claimSimulation(key)).toBeNull();
    await simulation.done;
    await Promise.resolve();
    expect(getSimulation(key)).toBeNull();
    const again = claimSimulation(key);
    expect(again).not.toBeNull();
    again!.release();
    expect(getSimulation(key)).toBeNull();
  });
});
