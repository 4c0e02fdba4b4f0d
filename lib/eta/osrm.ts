import { z } from "zod";
import type { LatLng, TravelMode } from "./estimate";

// Road routing is an extra: every failure (slow server, HTTP error, no route, an answer we cannot read) comes back as
// null so the caller keeps its straight-line estimate. Client-safe; the base URL and timeout come in as parameters.

export type OsrmRoute = { durationS: number; distanceM: number | null };

/** The standard OSRM profile names; a server built from one profile ignores the name. */
const PROFILE: Record<TravelMode, string> = { walking: "foot", driving: "car" };

const Cell = z.number().nonnegative().nullable();
const TableResponse = z.object({
  code: z.string(),
  durations: z.array(z.array(Cell)).optional(),
  distances: z.array(z.array(Cell)).optional(),
});

/**
 * Travel time (and road distance, when the server reports it) from each source to the destination, in one table
 * request. Null for the whole call when it fails or times out; null for one source OSRM cannot route. Never throws.
 * osrm-routed refuses tables larger than its --max-table-size (100 coordinates by default): keep sources below it.
 */
export async function osrmDurations(input: {
  baseUrl: string;
  travelMode: TravelMode;
  sources: readonly LatLng[];
  destination: LatLng;
  timeoutMs: number;
}): Promise<(OsrmRoute | null)[] | null> {
  if (input.sources.length === 0) return [];
  const points = [...input.sources, input.destination];
  if (!points.every((p) => Number.isFinite(p.lat) && Number.isFinite(p.lng))) return null;

  const n = input.sources.length;
  const coordinates = points.map((p) => `${p.lng.toFixed(6)},${p.lat.toFixed(6)}`).join(";");
  const sources = Array.from({ length: n }, (_, i) => i).join(";");
  const url =
    `${input.baseUrl.replace(/\/+$/, "")}/table/v1/${PROFILE[input.travelMode]}/${coordinates}` +
    `?sources=${sources}&destinations=${n}&annotations=duration,distance`;

  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), input.timeoutMs);
  try {
    const response = await fetch(url, { signal: controller.signal, cache: "no-store", headers: { accept: "application/json" } });
    if (!response.ok) return null;
    // Reading the body stays under the same timeout: a server that stalls mid-answer is as slow as one that never answers.
    const parsed = TableResponse.safeParse(JSON.parse(await response.text()));
    if (!parsed.success || parsed.data.code !== "Ok") return null;
    const { durations, distances } = parsed.data;
    // One row per source, one column for the destination; anything else answers a question we did not ask.
    if (!durations || !hasShape(durations, n) || (distances && !hasShape(distances, n))) return null;
    return durations.map((row, i) => (row[0] == null ? null : { durationS: row[0], distanceM: distances?.[i]?.[0] ?? null }));
  } catch {
    return null;
  } finally {
    clearTimeout(timer);
  }
}

function hasShape(matrix: readonly (readonly unknown[])[], rows: number): boolean {
  return matrix.length === rows && matrix.every((row) => row.length === 1);
}
