import type { LoadResult } from "./load";

export type Mode = "embedded" | "postgres" | "postgres+redis";

export type Row = {
  mode: Mode;
  batch: number;
  ingest: LoadResult & { acceptedPoints: number; pointsPerS: number };
  bare: LoadResult;
  ratio: number;
  /** bare CPU per request ÷ ingest CPU per request: the same ratio measured by the server's CPU time. */
  cpuRatio: number;
};

export type Accounting = {
  mode: Mode;
  sentPoints: number;
  acceptedPoints: number;
  refusedPoints: number;
  refusedByStatus: Record<string, number>;
  unresolvedPoints: number;
  stored: number;
  storedUnresolved: number;
  acceptedMismatches: number;
  /** stored − storedUnresolved − accepted: < 0 lost, > 0 extra (stored although refused, or counted twice). */
  difference: number;
  ok: boolean;
  /** Redis mode: how long the server's own flush job took to empty the buffer after the load stopped. */
  serverDrainSeconds: number | null;
  flush: { points: number; seconds: number; calls: number; skippedWaits: number } | null;
};

export type Target = { name: string; measured: string; ok: boolean };

const fmt = (n: number, digits = 0) => n.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });

function codes(result: LoadResult): string {
  const parts = Object.entries(result.non2xx).map(([code, n]) => `${code}×${n}`);
  if (result.errors > 0) parts.push(`err×${result.errors}`);
  if (result.timeouts > 0) parts.push(`timeout×${result.timeouts}`);
  return parts.length > 0 ? parts.join(" ") : "0";
}

function table(header: string[], body: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...body.map(line)].join("\n");
}

export function formatRows(rows: Row[]): string {
  return table(
    ["mode", "batch", "req/s", "points/s", "p50 ms", "p99 ms", "non-2xx", "CPU µs/req", "bare req/s", "bare p50", "bare p99", "bare CPU µs", "ratio", "CPU ratio"],
    rows.map((r) => [
      r.mode,
      String(r.batch),
      fmt(r.ingest.reqPerS),
      fmt(r.ingest.pointsPerS),
      fmt(r.ingest.p50Ms, 1),
      fmt(r.ingest.p99Ms, 1),
      codes(r.ingest),
      fmt(r.ingest.cpuUsPerReq ?? 0),
      fmt(r.bare.reqPerS),
      fmt(r.bare.p50Ms, 1),
      fmt(r.bare.p99Ms, 1),
      fmt(r.bare.cpuUsPerReq ?? 0),
      `${fmt(r.ratio, 2)}×`,
      `${fmt(r.cpuRatio, 2)}×`,
    ]),
  );
}

export function formatAccounting(list: Accounting[]): string {
  return table(
    ["mode", "result", "sent", "accepted", "refused", "unresolved", "stored", "difference", "drain after load", "final flush"],
    list.map((a) => [
      a.mode,
      a.ok ? "OK" : "FAIL",
      fmt(a.sentPoints),
      fmt(a.acceptedPoints),
      a.refusedPoints > 0 ? `${fmt(a.refusedPoints)} (${Object.entries(a.refusedByStatus).map(([c, n]) => `${c}×${n}`).join(" ")})` : "0",
      fmt(a.unresolvedPoints),
      fmt(a.stored),
      a.difference === 0 ? "0" : `${a.difference > 0 ? "+" : ""}${fmt(a.difference)}`,
      a.serverDrainSeconds === null ? "-" : `${fmt(a.serverDrainSeconds, 1)} s`,
      a.flush ? `${fmt(a.flush.points)} pts in ${fmt(a.flush.seconds, 1)} s` : "-",
    ]),
  );
}

/** The issue's targets, for the rows that were measured. */
export function checkTargets(rows: Row[]): Target[] {
  const targets: Target[] = [];
  const find = (mode: Mode, batch: number) => rows.find((r) => r.mode === mode && r.batch === batch);
  const ratioTarget = (mode: Mode, min: number) => {
    const row = find(mode, 5);
    if (row) {
      targets.push({
        name: `${mode}, 5-point batches ≥ ${min}× bare req/s`,
        measured: `${fmt(row.ratio, 2)}× (by server CPU per request: ${fmt(row.cpuRatio, 2)}×)`,
        ok: row.ratio >= min,
      });
    }
  };
  ratioTarget("postgres", 0.6);
  ratioTarget("postgres+redis", 0.3);
  for (const row of rows.filter((r) => r.batch === 20)) {
    targets.push({
      name: `${row.mode}, 20-point batches ≥ 15,000 points/s`,
      measured:
        `${fmt(row.ingest.pointsPerS)} points/s` +
        (row.ingest.cpuUsPerReq ? ` (${fmt((row.batch * 1e6) / row.ingest.cpuUsPerReq)} per CPU-second of the server)` : ""),
      ok: row.ingest.pointsPerS >= 15_000,
    });
  }
  return targets;
}

export function formatTargets(targets: Target[]): string {
  return targets.map((t) => `  ${t.ok ? "PASS" : "MISS"}  ${t.name}: ${t.measured}`).join("\n");
}
