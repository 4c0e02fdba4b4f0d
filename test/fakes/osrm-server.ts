import { createServer, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { CIRCUITY, haversineM, type LatLng } from "@/lib/eta/estimate";

// Test-only (node:http; never import it from app code): a loopback stand-in for osrm-routed's table service that speaks
// real HTTP and JSON, and can be told to be slow, fail, find no route or answer garbage.

export type FakeOsrmBehaviour =
  /** Answers like OSRM: road distance = straight line × CIRCUITY, covered at `speedMps` (default 10). */
  | { kind: "ok"; speedMps?: number; unroutableSources?: readonly number[]; withoutDistances?: boolean }
  /** Answers "ok" only after `delayMs`. */
  | { kind: "slow"; delayMs: number }
  | { kind: "http-error"; status: number }
  /** An OSRM error code such as "NoRoute", with OSRM's own status (400) unless told otherwise. */
  | { kind: "code"; code: string; status?: number }
  | { kind: "body"; body: string };

export type FakeOsrmRequest = {
  path: string;
  profile: string;
  coordinates: LatLng[];
  sources: number[];
  destinations: number[];
  annotations: string[];
};

export type FakeOsrmServer = {
  /** Base URL to pass as OSRM_URL, e.g. http://127.0.0.1:41234 */
  url: string;
  /** Every table request received, parsed. */
  requests: FakeOsrmRequest[];
  setBehaviour(behaviour: FakeOsrmBehaviour): void;
  close(): Promise<void>;
};

const TABLE_PATH = /^(?:\/.*)?\/table\/v1\/([^/]+)\/([^/?]+)$/;

/** Starts the fake on 127.0.0.1 and a free port. */
export async function startFakeOsrmServer(initial: FakeOsrmBehaviour = { kind: "ok" }): Promise<FakeOsrmServer> {
  let behaviour = initial;
  const requests: FakeOsrmRequest[] = [];
  const timers = new Set<ReturnType<typeof setTimeout>>();

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://fake-osrm");
    const table = parseTableRequest(url);
    if (req.method !== "GET" || !table) return send(res, 400, { code: "InvalidUrl", message: "Not a table request" });
    requests.push(table);
    const current = behaviour;
    switch (current.kind) {
      case "ok":
        return send(res, 200, answer(table, current));
      case "slow": {
        const timer = setTimeout(() => {
          timers.delete(timer);
          send(res, 200, answer(table, { kind: "ok" }));
        }, current.delayMs);
        timers.add(timer);
        return;
      }
      case "http-error":
        res.writeHead(current.status, { "content-type": "text/plain" });
        return res.end("Internal Server Error");
      case "code":
        return send(res, current.status ?? 400, { code: current.code, message: `Fake OSRM answers ${current.code}` });
      case "body":
        res.writeHead(200, { "content-type": "application/json; charset=UTF-8" });
        return res.end(current.body);
    }
  });

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    setBehaviour(next) {
      behaviour = next;
    },
    close() {
      for (const timer of timers) clearTimeout(timer);
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

function parseTableRequest(url: URL): FakeOsrmRequest | null {
  const match = TABLE_PATH.exec(url.pathname);
  if (!match) return null;
  const coordinates = match[2]!.split(";").map((pair) => {
    const [lng, lat] = pair.split(",").map(Number);
    return { lat: lat ?? NaN, lng: lng ?? NaN };
  });
  if (coordinates.some((c) => !Number.isFinite(c.lat) || !Number.isFinite(c.lng))) return null;
  const indices = (name: string) => {
    const value = url.searchParams.get(name);
    return value === null ? coordinates.map((_, i) => i) : value.split(";").map(Number);
  };
  const sources = indices("sources");
  const destinations = indices("destinations");
  const inRange = (i: number) => Number.isInteger(i) && i >= 0 && i < coordinates.length;
  if (!sources.every(inRange) || !destinations.every(inRange)) return null;
  return {
    path: url.pathname + url.search,
    profile: match[1]!,
    coordinates,
    sources,
    destinations,
    annotations: (url.searchParams.get("annotations") ?? "duration").split(","),
  };
}

function answer(table: FakeOsrmRequest, options: Extract<FakeOsrmBehaviour, { kind: "ok" }>) {
  const speedMps = options.speedMps ?? 10;
  const unroutable = new Set(options.unroutableSources ?? []);
  const roadM = (s: number, d: number) =>
    unroutable.has(s) ? null : Math.round(haversineM(table.coordinates[s]!, table.coordinates[d]!) * CIRCUITY * 10) / 10;
  const matrix = (cell: (metres: number) => number) =>
    table.sources.map((s) => table.destinations.map((d) => {
      const metres = roadM(s, d);
      return metres === null ? null : cell(metres);
    }));
  const waypoint = (i: number) => ({ name: "", location: [table.coordinates[i]!.lng, table.coordinates[i]!.lat], distance: 0 });
  return {
    code: "Ok",
    durations: table.annotations.includes("duration") ? matrix((m) => Math.round((m / speedMps) * 10) / 10) : undefined,
    distances: table.annotations.includes("distance") && !options.withoutDistances ? matrix((m) => m) : undefined,
    sources: table.sources.map(waypoint),
    destinations: table.destinations.map(waypoint),
  };
}

function send(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { "content-type": "application/json; charset=UTF-8" });
  res.end(JSON.stringify(body));
}
