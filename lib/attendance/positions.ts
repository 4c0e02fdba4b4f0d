import { and, eq, sql } from "drizzle-orm";
import { getDb, schema, type Executor } from "@/lib/database";
import { attendanceDeliveriesSql, enqueueAttendanceEvent, kickWebhookDelivery, markEnqueued } from "@/lib/webhooks";
import type { Fix } from "./geofence";
import type { Journey } from "./states";

// Recording positions is the hot path: it stores points and moves each attendance's latest fix and journey
// (not started → on the way) forward in ONE statement per batch. (attendance_id, recorded_at) is the primary key of
// `locations`, so a repeated point is a no-op. Both statements hand their rows to Postgres as column arrays (unnest):
// one parameter per column, one statement, and about twice as fast to parse as a JSON recordset.

/** One point as it is recorded (and as the Redis buffer keeps it): short keys, since there are many of them. */
export type PointRow = {
  o: string;
  a: string;
  t: string;
  r: string;
  la: number;
  ln: number;
  ac: number;
  al: number | null;
  sp: number | null;
  hd: number | null;
};
/** A point with its recorded instant in epoch milliseconds, as the flush decodes it. */
export type PointRowMs = Omit<PointRow, "t"> & { ms: number };

/** A Postgres array literal of one column of `items`: `{a,b,NULL}` (uuids, ISO instants and numbers need no quotes). */
function column<T>(items: T[], pick: (item: T) => string | number | null): string {
  return `{${items.map((item) => pick(item) ?? "NULL").join(",")}}`;
}

/** One tracking-link request's points. */
export type LinkPositions = {
  link: { linkId: string; organizationId: string; attendanceId: string };
  /** Received together: the first point's `r` stands for all. */
  points: PointRow[];
  latest: { fix: PointRow; distanceM: number; etaAt: Date | null };
};

export type LinkPositionsOutcome =
  | { ok: true; previous: Fix | null; isFirst: boolean }
  | { ok: false; state: { revoked: boolean; stopped: boolean; cancelled: boolean; journey: Journey } };

type LinkPositionsRow = {
  n: number | string;
  journey: Journey;
  last_lat: number | null;
  last_lng: number | null;
  last_accuracy_m: number | null;
  last_fix_at: string | Date | null;
  revoked: boolean;
  stopped: boolean;
  cancelled: boolean;
  open: boolean;
  hooked: number;
};

/**
 * SET clause advancing the attendance's motion state (drizzle/0015's motion_advance) by the statement's new fixes:
 * `k` has per attendance `newest` and the arrays `ts` (epoch ms), `las`, `lns`, `acs`, `sps` in time order. It reads
 * only `att`'s own columns, so when two statements update one attendance the second, after the first commits,
 * advances the state the first left (PostgreSQL re-evaluates SET on the newest row version).
 */
const advanceMotionSql = sql.raw(`(motion_fix_at, motion_anchor, motion_pending, motion_segments, motion_reported,
        motion_speed_mps, motion_device_mps, motion_heading_deg) = (select * from motion_advance(
          att.last_fix_at, att.motion_fix_at, att.motion_anchor, att.motion_pending, att.motion_segments, att.motion_reported,
          att.motion_speed_mps, att.motion_device_mps, att.motion_heading_deg, k.newest, k.ts, k.las, k.lns, k.acs, k.sps))`);

/**
 * Per attendance (a, o), the fixes of `source` (columns a, o, t, la, ln, ac, sp) as arrays in time order, for
 * advanceMotionSql; the last elements are the newest fix. MATERIALIZED: computed once. Inlined, the planner (which
 * expects a handful of rows from an unnest joined to attendances) re-ran the grouping for every attendance updated,
 * 1.1 s for a flush of 1,000 points.
 */
const motionTracksSql = (source: string) =>
  sql.raw(`tracks as materialized (
      select a, o, max(t) as newest, array_agg((extract(epoch from t) * 1000)::float8 order by t) as ts,
             array_agg(la order by t) as las, array_agg(ln order by t) as lns,
             array_agg(ac::float8 order by t) as acs, array_agg(sp::float8 order by t) as sps
      from ${source} group by a, o
    )`);

/** Webhook deliveries of `participant.on_the_way` for the attendances a statement starts, inside that statement. */
const onTheWaySql = (started: ReturnType<typeof sql>) =>
  sql`hooked as (${attendanceDeliveriesSql("participant.on_the_way", started, { journey: "on_the_way" })} returning 1)`;

/** A statement that wrote webhook deliveries has committed them (it ran alone): the delivery job may start. */
function kickIfHooked(hooked: number): void {
  if (hooked === 0) return;
  markEnqueued();
  kickWebhookDelivery();
}

/**
 * Records tracking-link requests in one statement (the no-Redis path): for each, reads the link, attendance and
 * occurrence state (scoped to the request's organization), inserts the points of those still open, moves each
 * attendance's latest fix forward (the newest of the batch, and only if newer than the stored one) and on to "on the
 * way", and returns per request the fix that was latest before, or why it was refused. Attendance rows are locked
 * in id order, so concurrent batches cannot deadlock on them.
 */
export async function recordLinkPositions(requests: LinkPositions[], db: Executor): Promise<LinkPositionsOutcome[]> {
  const result = await db.execute<LinkPositionsRow>(linkPositionsSql(requests));
  const byRequest = new Map(result.map((row) => [Number(row.n), row]));
  kickIfHooked(Number(result[0]?.hooked ?? 0));
  return requests.map((_, i): LinkPositionsOutcome => {
    const row = byRequest.get(i + 1);
    if (!row || !row.open) {
      // No row: the link or its attendance is gone, which the participant sees as a replaced link.
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
  });
}

function linkPositionsSql(requests: LinkPositions[]) {
  const points = requests.flatMap((request, i) => request.points.map((point) => ({ i, point })));
  return sql`
    with req as (
      select * from unnest(
        ${column(requests, (r) => r.link.linkId)}::uuid[],
        ${column(requests, (r) => r.link.attendanceId)}::uuid[],
        ${column(requests, (r) => r.link.organizationId)}::uuid[],
        ${column(requests, (r) => r.latest.fix.t)}::timestamptz[],
        ${column(requests, (r) => r.latest.fix.la)}::float8[],
        ${column(requests, (r) => r.latest.fix.ln)}::float8[],
        ${column(requests, (r) => r.latest.fix.ac)}::real[],
        ${column(requests, (r) => Math.round(r.latest.distanceM))}::int[],
        ${column(requests, (r) => r.latest.etaAt?.toISOString() ?? null)}::timestamptz[],
        ${column(requests, (r) => r.points[0]?.r ?? null)}::timestamptz[]
      ) with ordinality as r(l, a, o, t, la, ln, ac, d, eta, rcv, n)
    ),
    target as (
      select r.n, r.a, r.o, r.t, r.la, r.ln, r.ac, r.d, r.eta, r.rcv,
             a.journey, a.last_lat, a.last_lng, a.last_accuracy_m, a.last_fix_at,
             l.revoked_at is not null as revoked, l.stopped_at is not null as stopped, i.status = 'cancelled' as cancelled,
             (l.revoked_at is null and l.stopped_at is null and i.status <> 'cancelled'
               and a.journey in ('not_started', 'on_the_way')) as open
      from req r
      join tracking_links l on l.id = r.l and l.organization_id = r.o and l.attendance_id = r.a
      join attendances a on a.id = r.a and a.organization_id = r.o
      join event_instances i on i.id = a.instance_id and i.organization_id = r.o
    ),
    pts as (
      select tg.o, tg.a, tg.rcv, p.t, p.la, p.ln, p.ac, p.al, p.sp, p.hd
      from unnest(
        ${column(points, (p) => p.i + 1)}::bigint[], ${column(points, (p) => p.point.t)}::timestamptz[],
        ${column(points, (p) => p.point.la)}::float8[], ${column(points, (p) => p.point.ln)}::float8[],
        ${column(points, (p) => p.point.ac)}::real[], ${column(points, (p) => p.point.al)}::real[],
        ${column(points, (p) => p.point.sp)}::real[], ${column(points, (p) => p.point.hd)}::real[]
      ) as p(n, t, la, ln, ac, al, sp, hd)
      join target tg on tg.n = p.n and tg.open
    ),
    inserted as (
      insert into locations (organization_id, attendance_id, recorded_at, received_at, lat, lng, accuracy_m, altitude_m, speed_mps, heading_deg, source)
      select o, a, t, rcv, la, ln, ac, al, sp, hd, 'browser' from pts
      on conflict do nothing
      returning 1
    ),
    ${motionTracksSql("pts")},
    newest as (
      select distinct on (a) * from target where open order by a, t desc
    ),
    locked as (
      select att.id from attendances att join newest n on att.id = n.a and att.organization_id = n.o
      order by att.id for no key update of att
    ),
    moved as (
      update attendances att set
        journey = case when att.journey = 'not_started' then 'on_the_way'::journey_status else att.journey end,
        last_lat = case when att.last_fix_at is null or att.last_fix_at < n.t then n.la else att.last_lat end,
        last_lng = case when att.last_fix_at is null or att.last_fix_at < n.t then n.ln else att.last_lng end,
        last_accuracy_m = case when att.last_fix_at is null or att.last_fix_at < n.t then n.ac else att.last_accuracy_m end,
        distance_m = case when att.last_fix_at is null or att.last_fix_at < n.t then n.d else att.distance_m end,
        eta_at = case when att.last_fix_at is null or att.last_fix_at < n.t then n.eta else att.eta_at end,
        last_fix_at = greatest(att.last_fix_at, n.t),
        ${advanceMotionSql},
        updated_at = now()
      from newest n join locked l on l.id = n.a left join tracks k on k.a = n.a
      where att.id = n.a and att.organization_id = n.o
      returning 1
    ),
    started as materialized (
      select distinct a, o from target where open and journey = 'not_started'
    ),
    ${onTheWaySql(sql`select a, o from started`)}
    -- inserted and moved run whether or not this reads them (data-modifying WITH statements always do).
    select n, journey, last_lat, last_lng, last_accuracy_m, last_fix_at, revoked, stopped, cancelled, open,
           (select count(*) from hooked)::int as hooked
    from target
  `;
}

/** Where a point came from; a literal in the statement, so the flush's text stays one prepared statement. */
const SOURCES = { browser: sql.raw("'browser'"), whatsapp: sql.raw("'whatsapp'") } as const;

/**
 * Records points of any organizations in one statement (the flush of the Redis buffer, and a location shared in
 * WhatsApp). A point whose attendance is gone (the participant was deleted meanwhile) or does not belong to the
 * point's organization is dropped, not retried forever. Also moves each attendance's latest fix forward and a
 * not-started journey on the way. Returns how many rows were new.
 */
export async function recordPositions(
  points: PointRowMs[],
  db: Executor = getDb(),
  source: keyof typeof SOURCES = "browser",
): Promise<number> {
  if (points.length === 0) return 0;
  const col = (pick: (p: PointRowMs) => string | number | null) => column(points, pick);
  const result = await db.execute<{ inserted: number; hooked: number }>(sql`
    with valid as (
      -- Epoch milliseconds to an instant in integer arithmetic: the same value the direct path stores from ISO text.
      select p.*, 'epoch'::timestamptz + p.ms * interval '1 millisecond' as t from unnest(
        ${col((p) => p.a)}::uuid[], ${col((p) => p.o)}::uuid[], ${col((p) => p.ms)}::bigint[],
        ${col((p) => p.r)}::timestamptz[], ${col((p) => p.la)}::float8[], ${col((p) => p.ln)}::float8[],
        ${col((p) => p.ac)}::real[], ${col((p) => p.al)}::real[], ${col((p) => p.sp)}::real[], ${col((p) => p.hd)}::real[]
      ) as p(a, o, ms, r, la, ln, ac, al, sp, hd)
      join attendances att on att.id = p.a and att.organization_id = p.o
    ),
    inserted as (
      insert into locations (organization_id, attendance_id, recorded_at, received_at, lat, lng, accuracy_m, altitude_m, speed_mps, heading_deg, source)
      select o, a, t, r, la, ln, ac, al, sp, hd, ${SOURCES[source]} from valid
      on conflict do nothing
      returning 1
    ),
    ${motionTracksSql("valid")},
    moved as (
      update attendances att set
        journey = case when att.journey = 'not_started' then 'on_the_way'::journey_status else att.journey end,
        last_lat = k.las[cardinality(k.las)], last_lng = k.lns[cardinality(k.lns)], last_accuracy_m = k.acs[cardinality(k.acs)],
        last_fix_at = k.newest, ${advanceMotionSql}, updated_at = now()
      from tracks k
      where att.id = k.a and att.organization_id = k.o and (att.last_fix_at is null or att.last_fix_at < k.newest)
      returning 1
    ),
    -- MATERIALIZED: found first (by primary key; usually nobody), so the webhook insert below starts from it.
    started as materialized (
      select k.a, k.o from tracks k join attendances att on att.id = k.a and att.organization_id = k.o
      where att.journey = 'not_started' and (att.last_fix_at is null or att.last_fix_at < k.newest)
    ),
    ${onTheWaySql(sql`select a, o from started`)}
    select (select count(*) from inserted)::int as inserted, (select count(*) from hooked)::int as hooked
  `);
  kickIfHooked(Number(result[0]?.hooked ?? 0));
  return result[0]?.inserted ?? 0;
}

/** Redis path: the first buffered point moves a not-started attendance to "on the way" right away. */
export async function startJourney(link: { organizationId: string; attendanceId: string }): Promise<void> {
  const { attendances } = schema;
  await getDb().transaction(async (tx) => {
    const started = await tx
      .update(attendances)
      .set({ journey: "on_the_way", updatedAt: new Date() })
      .where(
        and(
          eq(attendances.id, link.attendanceId),
          eq(attendances.organizationId, link.organizationId),
          eq(attendances.journey, "not_started"),
        ),
      )
      .returning({ id: attendances.id });
    await enqueueAttendanceEvent(tx, link.organizationId, "participant.on_the_way", started.map((s) => s.id));
  });
  kickWebhookDelivery();
}
