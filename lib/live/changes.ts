import { sql } from "drizzle-orm";
import { getDb } from "@/lib/database";
import { activityJson } from "./activity";
import type { AttendanceFacts } from "./derive";
import type { EtaConfidence, EtaMethod } from "./types";

/**
 * One changed attendance as the statement sends it (json_build_array, in this order; times as epoch ms): id, name,
 * rsvp, journey, checked in, check-in method, last lat, lng, accuracy, fix time, ETA, its method, confidence, the
 * refresh's speed, when it refreshed, distance.
 */
type ChangedRow = [
  string, string, AttendanceFacts["rsvp"], AttendanceFacts["journey"], number | null, AttendanceFacts["checkInMethod"],
  number | null, number | null, number | null, number | null, number | null, EtaMethod | null, EtaConfidence | null,
  number | null, number | null, number | null,
];

export type AttendanceChanges = {
  /** Pass it to the next read: rows written by transactions at or after it are read again. */
  watermark: string;
  /** How many attendances the occurrence has now (a smaller or different set than known means someone was removed). */
  total: number;
  changed: AttendanceFacts[];
  /** The occurrence's newest activity as JSON text (see activityJson): the same text means the same entries. */
  activityJson: string;
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
  // The snapshot, count and activity in one row, then the changed attendances as JSON texts of up to 100 rows each:
  // one value per row costs the driver far less than sixteen, and a few texts rather than one spare it a large buffer.
  const rows = await getDb().execute<{ wm: string | null; n: number | null; activity: string | null; changed: string | null }>(sql`
    select pg_current_snapshot()::text as wm,
      (select count(*)::int from attendances where organization_id = ${orgId} and instance_id = ${instanceId}) as n,
      ${activityJson(orgId, instanceId)} as activity, null::text as changed
    union all
    select null, null, null, json_agg(c.row)::text from (
      select json_build_array(a.id, p.name, a.rsvp, a.journey, ${ms("a.checked_in_at")}, a.check_in_method,
          a.last_lat, a.last_lng, a.last_accuracy_m, ${ms("a.last_fix_at")}, ${ms("a.eta_at")}, a.eta_method, a.eta_confidence,
          a.eta_speed_mps, ${ms("a.eta_refreshed_at")}, a.distance_m) as row,
        (row_number() over ()) / 100 as chunk
      from attendances a
      join participants p on p.id = a.participant_id and p.organization_id = ${orgId}
      where a.organization_id = ${orgId} and a.instance_id = ${instanceId}
        and (${changedSince("a")} or ${changedSince("p")})
    ) c group by c.chunk
  `);
  const changed: AttendanceFacts[] = [];
  let meta: { wm: string; n: number; activity: string } | undefined;
  for (const row of rows) {
    if (row.changed !== null) for (const r of JSON.parse(row.changed) as ChangedRow[]) changed.push(toFacts(r));
    else meta = { wm: row.wm!, n: row.n!, activity: row.activity! };
  }
  return { watermark: meta!.wm, total: Number(meta!.n), changed, activityJson: meta!.activity };
}

function toFacts(r: ChangedRow): AttendanceFacts {
  const [id, name, rsvp, journey, checkedInMs, checkInMethod, lat, lng, accuracyM, fixMs, etaMs, method, confidence, speedMps, refreshedMs, distanceM] = r;
  const hasFix = fixMs !== null && lat !== null && lng !== null;
  return {
    attendanceId: id,
    name,
    rsvp,
    journey,
    checkedInAt: date(checkedInMs),
    checkInMethod,
    lastFix: hasFix ? { lat, lng, accuracyM: accuracyM ?? 0, at: new Date(fixMs), speedMps: null } : null,
    stored: { etaAt: date(etaMs), method, confidence, distanceM, speedMps, refreshedAt: date(refreshedMs) },
  };
}

/** Every attendance id of the occurrence: asked only when the count says someone was removed. */
export async function listAttendanceIds(orgId: string, instanceId: string): Promise<Set<string>> {
  const rows = await getDb().execute<{ id: string }>(
    sql`select id from attendances where organization_id = ${orgId} and instance_id = ${instanceId}`,
  );
  return new Set(rows.map((r) => r.id));
}
