import { sql } from "drizzle-orm";
import { getDb } from "@/lib/database";
import type { AttendanceFacts } from "./derive";
import type { EtaConfidence, EtaMethod } from "./types";

type ChangedRow = {
  wm: string;
  n: number;
  id: string | null;
  name: string;
  rsvp: AttendanceFacts["rsvp"];
  journey: AttendanceFacts["journey"];
  checked_in_ms: number | null;
  check_in_method: AttendanceFacts["checkInMethod"];
  last_lat: number | null;
  last_lng: number | null;
  last_accuracy_m: number | null;
  last_fix_ms: number | null;
  eta_ms: number | null;
  eta_method: EtaMethod | null;
  eta_confidence: EtaConfidence | null;
  eta_speed_mps: number | null;
  eta_refreshed_ms: number | null;
  distance_m: number | null;
};

export type AttendanceChanges = {
  /** Pass it to the next read: rows written by transactions at or after it are read again. */
  watermark: string;
  /** How many attendances the occurrence has now (a smaller or different set than known means someone was removed). */
  total: number;
  changed: AttendanceFacts[];
};

const ms = (column: string) => sql.raw(`(extract(epoch from ${column}) * 1000)::float8`);
const date = (n: number | null) => (n === null ? null : new Date(n));

const XID_SPACE = 4294967296n;

/** The previous read's snapshot as 32-bit transaction ids: its xmax, and the transactions in progress then. */
function parseWatermark(watermark: string | null): { xmax: string; running: string } | null {
  const match = watermark ? /^(\d+):(\d+):([\d,]*)$/.exec(watermark) : null;
  if (!match) return null;
  const low = (x: string) => (BigInt(x) % XID_SPACE).toString();
  return { xmax: low(match[2]!), running: `{${match[3] ? match[3].split(",").map(low).join(",") : ""}}` };
}

/**
 * The occurrence's attendances written since `watermark` (all of them without one), by PostgreSQL's row version
 * (`xmin`): whatever writes an attendance or renames its participant (ingest, flush, ETA refresh, check-in, RSVP) is
 * seen without each writer having to say so. The watermark is the read's snapshot: a row is new when the transaction
 * that wrote it started after the snapshot or was still running then (so one committing later is never skipped).
 * The modular comparison survives transaction id wraparound; a row read twice costs a comparison, not a wrong answer.
 * (pg_snapshot lists top-level transactions only: a savepoint writing attendances would need the snapshot xmin instead.)
 */
export async function readAttendanceChanges(orgId: string, instanceId: string, watermark: string | null): Promise<AttendanceChanges> {
  const since = parseWatermark(watermark);
  const changedSince = (table: string) =>
    since
      ? sql`(((${sql.raw(table)}.xmin::text::bigint - ${since.xmax}::bigint + 4294967296) % 4294967296) < 2147483648
          or ${sql.raw(table)}.xmin::text::bigint = any(${since.running}::bigint[]))`
      : sql`true`;
  const rows = await getDb().execute<ChangedRow>(sql`
    with meta as (
      select pg_current_snapshot()::text as wm,
        (select count(*)::int from attendances where organization_id = ${orgId} and instance_id = ${instanceId}) as n
    )
    select meta.wm, meta.n, c.* from meta left join lateral (
      select a.id, p.name, a.rsvp, a.journey, ${ms("a.checked_in_at")} as checked_in_ms, a.check_in_method,
        a.last_lat, a.last_lng, a.last_accuracy_m, ${ms("a.last_fix_at")} as last_fix_ms, ${ms("a.eta_at")} as eta_ms,
        a.eta_method, a.eta_confidence, a.eta_speed_mps, ${ms("a.eta_refreshed_at")} as eta_refreshed_ms, a.distance_m
      from attendances a
      join participants p on p.id = a.participant_id and p.organization_id = ${orgId}
      where a.organization_id = ${orgId} and a.instance_id = ${instanceId}
        and (${changedSince("a")} or ${changedSince("p")})
    ) c on true
  `);
  const first = rows[0]!;
  const changed = rows.filter((r) => r.id !== null).map(toFacts);
  return { watermark: first.wm, total: Number(first.n), changed };
}

function toFacts(r: ChangedRow): AttendanceFacts {
  const hasFix = r.last_fix_ms !== null && r.last_lat !== null && r.last_lng !== null;
  return {
    attendanceId: r.id!,
    name: r.name,
    rsvp: r.rsvp,
    journey: r.journey,
    checkedInAt: date(r.checked_in_ms),
    checkInMethod: r.check_in_method,
    lastFix: hasFix ? { lat: r.last_lat!, lng: r.last_lng!, accuracyM: r.last_accuracy_m ?? 0, at: new Date(r.last_fix_ms!), speedMps: null } : null,
    stored: {
      etaAt: date(r.eta_ms),
      method: r.eta_method,
      confidence: r.eta_confidence,
      distanceM: r.distance_m,
      speedMps: r.eta_speed_mps,
      refreshedAt: date(r.eta_refreshed_ms),
    },
  };
}

/** Every attendance id of the occurrence: asked only when the count says someone was removed. */
export async function listAttendanceIds(orgId: string, instanceId: string): Promise<Set<string>> {
  const rows = await getDb().execute<{ id: string }>(
    sql`select id from attendances where organization_id = ${orgId} and instance_id = ${instanceId}`,
  );
  return new Set(rows.map((r) => r.id));
}
