import { and, eq, sql } from "drizzle-orm";
import { getDb, schema, type Executor } from "@/db";
import { rows } from "@/db/migrate";
import type { BufferedPoint } from "./buffer";
import type { Fix } from "./geofence";

// Both writers hand points to Postgres as one JSON array (json_to_recordset): one parameter, one statement, the same
// on postgres.js and PGlite. (attendance_id, recorded_at) is the primary key, so a repeated point is a no-op.

const RECORDSET = sql.raw(
  "a uuid, o uuid, t timestamptz, r timestamptz, la float8, ln float8, ac real, al real, sp real, hd real",
);

export type DirectWrite =
  | { ok: true; previous: Fix | null; isFirst: boolean }
  | { ok: false; state: { revoked: boolean; stopped: boolean; cancelled: boolean; journey: string } };

/**
 * The no-Redis path, in one statement: re-checks that the link and attendance still take points (so a stop, a
 * re-issue or an arrival in another process is honoured), inserts the points, moves the attendance's latest fix
 * forward and on to "on the way", and returns the fix that was latest before.
 */
export async function storePointsDirect(
  link: { linkId: string; organizationId: string; attendanceId: string },
  points: BufferedPoint[],
  latest: { fix: BufferedPoint; distanceM: number; etaAt: Date | null },
  db: Executor = getDb(),
): Promise<DirectWrite> {
  const { organizationId: org, attendanceId, linkId } = link;
  const result = await db.execute(sql`
    with target as (
      select a.journey, a.last_lat, a.last_lng, a.last_accuracy_m, a.last_fix_at,
             l.revoked_at is not null as revoked, l.stopped_at is not null as stopped, i.status = 'cancelled' as cancelled
      from tracking_links l
      join attendances a on a.id = l.attendance_id and a.organization_id = ${org}
      join event_instances i on i.id = a.instance_id and i.organization_id = ${org}
      where l.id = ${linkId} and l.organization_id = ${org} and l.attendance_id = ${attendanceId}
    ),
    open as (
      select 1 from target
      where not revoked and not stopped and not cancelled and journey in ('not_started', 'on_the_way')
    ),
    inserted as (
      insert into locations (organization_id, attendance_id, recorded_at, received_at, lat, lng, accuracy_m, altitude_m, speed_mps, heading_deg, source)
      select ${org}, ${attendanceId}, p.t, p.r, p.la, p.ln, p.ac, p.al, p.sp, p.hd, 'browser'
      from json_to_recordset(${JSON.stringify(points)}::json) as p(${RECORDSET})
      where exists (select 1 from open)
      on conflict do nothing
      returning 1
    ),
    moved as (
      update attendances set
        journey = case when journey = 'not_started' then 'on_the_way'::journey_status else journey end,
        last_lat = case when last_fix_at is null or last_fix_at < ${latest.fix.t}::timestamptz then ${latest.fix.la} else last_lat end,
        last_lng = case when last_fix_at is null or last_fix_at < ${latest.fix.t}::timestamptz then ${latest.fix.ln} else last_lng end,
        last_accuracy_m = case when last_fix_at is null or last_fix_at < ${latest.fix.t}::timestamptz then ${latest.fix.ac} else last_accuracy_m end,
        distance_m = case when last_fix_at is null or last_fix_at < ${latest.fix.t}::timestamptz then ${Math.round(latest.distanceM)} else distance_m end,
        eta_at = case when last_fix_at is null or last_fix_at < ${latest.fix.t}::timestamptz then ${latest.etaAt?.toISOString() ?? null}::timestamptz else eta_at end,
        last_fix_at = greatest(last_fix_at, ${latest.fix.t}::timestamptz),
        updated_at = now()
      where id = ${attendanceId} and organization_id = ${org} and exists (select 1 from open)
      returning 1
    )
    select t.*, (select count(*) from inserted)::int as inserted, exists (select 1 from open) as open from target t
  `);
  const [row] = rows<{
    journey: string;
    last_lat: number | null;
    last_lng: number | null;
    last_accuracy_m: number | null;
    last_fix_at: string | Date | null;
    revoked: boolean;
    stopped: boolean;
    cancelled: boolean;
    open: boolean;
  }>(result);
  if (!row || !row.open) {
    return {
      ok: false,
      state: {
        revoked: row?.revoked ?? true,
        stopped: row?.stopped ?? false,
        cancelled: row?.cancelled ?? false,
        journey: row?.journey ?? "no_show",
      },
    };
  }
  const previous =
    row.last_fix_at !== null && row.last_lat !== null && row.last_lng !== null
      ? { lat: row.last_lat, lng: row.last_lng, accuracyM: row.last_accuracy_m ?? 0, recordedAt: new Date(row.last_fix_at) }
      : null;
  return { ok: true, previous, isFirst: row.journey === "not_started" };
}

/**
 * The flush's insert: buffered points of any organizations in one statement. A point whose attendance is gone (the
 * participant was deleted meanwhile) or does not belong to the point's organization is dropped, not retried forever.
 * Also moves each attendance's latest fix forward. Returns how many rows were new.
 */
export async function storeBufferedPoints(points: BufferedPoint[], db: Executor = getDb()): Promise<number> {
  if (points.length === 0) return 0;
  // Column arrays as Postgres array literals: unnest parses them about twice as fast as json_to_recordset.
  const column = (pick: (p: BufferedPoint) => string | number | null) =>
    `{${points.map((p) => pick(p) ?? "NULL").join(",")}}`;
  const result = await db.execute(sql`
    with valid as (
      select p.* from unnest(
        ${column((p) => p.a)}::uuid[], ${column((p) => p.o)}::uuid[], ${column((p) => p.t)}::timestamptz[],
        ${column((p) => p.r)}::timestamptz[], ${column((p) => p.la)}::float8[], ${column((p) => p.ln)}::float8[],
        ${column((p) => p.ac)}::real[], ${column((p) => p.al)}::real[], ${column((p) => p.sp)}::real[], ${column((p) => p.hd)}::real[]
      ) as p(a, o, t, r, la, ln, ac, al, sp, hd)
      join attendances att on att.id = p.a and att.organization_id = p.o
    ),
    inserted as (
      insert into locations (organization_id, attendance_id, recorded_at, received_at, lat, lng, accuracy_m, altitude_m, speed_mps, heading_deg, source)
      select o, a, t, r, la, ln, ac, al, sp, hd, 'browser' from valid
      on conflict do nothing
      returning 1
    ),
    newest as (
      select distinct on (a) * from valid order by a, t desc
    ),
    moved as (
      update attendances att set
        journey = case when att.journey = 'not_started' then 'on_the_way'::journey_status else att.journey end,
        last_lat = n.la, last_lng = n.ln, last_accuracy_m = n.ac, last_fix_at = n.t, updated_at = now()
      from newest n
      where att.id = n.a and att.organization_id = n.o and (att.last_fix_at is null or att.last_fix_at < n.t)
      returning 1
    )
    select (select count(*) from inserted)::int as inserted
  `);
  return rows<{ inserted: number }>(result)[0]?.inserted ?? 0;
}

/** Redis path: the first buffered point moves a not-started attendance to "on the way" right away. */
export async function markOnTheWay(link: { organizationId: string; attendanceId: string }): Promise<void> {
  const { attendances } = schema;
  await getDb()
    .update(attendances)
    .set({ journey: "on_the_way", updatedAt: new Date() })
    .where(
      and(
        eq(attendances.id, link.attendanceId),
        eq(attendances.organizationId, link.organizationId),
        eq(attendances.journey, "not_started"),
      ),
    );
}
