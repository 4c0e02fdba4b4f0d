import { sql } from "drizzle-orm";
import type { Executor } from "@/lib/database";

// Who an ETA refresh estimates for: one attendance row per traveller, the motion state the point-recording statements keep.

/** A traveller's latest fix and the motion state's speeds (see readTravellers). */
export type TravellerRow = {
  id: string;
  lat: number;
  lng: number;
  acc: number;
  /** The latest fix's instant, epoch ms. */
  ms: number;
  speed: number | null;
  device: number | null;
  /** The motion state stands for the latest fix (false: it has to be rebuilt from the track first). */
  ready: boolean;
};

/**
 * Everyone of an occurrence on the way with a fix: the latest fix and the motion state's speeds, one attendance row
 * each (the point-recording statements keep them; nothing here reads the track). Travellers whose motion state does
 * not stand for their latest fix (points from before drizzle/0015, or stored by other means) have it rebuilt from
 * their track first, once.
 */
export async function readTravellers(db: Executor, organizationId: string, instanceId: string, now: Date): Promise<TravellerRow[]> {
  const rows = await readTravellerRows(db, organizationId, instanceId, now, null);
  const behind = rows.filter((r) => !r.ready).map((r) => r.id);
  if (behind.length === 0) return rows;
  await rebuildMotion(db, organizationId, behind);
  const rebuilt = new Map((await readTravellerRows(db, organizationId, instanceId, now, behind)).map((r) => [r.id, r]));
  return rows.map((r) => rebuilt.get(r.id) ?? r);
}

/**
 * The rows come as two text columns of one row, the ids and the values as integers ("lat×1e6, lng×1e6, accuracy in
 * dm, ms before now, track speed in cm/s, device speed in cm/s, ready;…", empty for none): for 10,000 travellers one
 * value to decode instead of 80,000, and integers parse without building substrings.
 */
async function readTravellerRows(db: Executor, organizationId: string, instanceId: string, now: Date, ids: string[] | null) {
  const [row] = await db.execute<{ ids: string | null; data: string | null }>(sql`
    select string_agg(a.id::text, ',' order by a.id) as ids, string_agg(concat_ws(',',
             round(a.last_lat * 1e6)::bigint, round(a.last_lng * 1e6)::bigint, round(coalesce(a.last_accuracy_m, 0) * 10)::int,
             floor(extract(epoch from (${now.toISOString()}::timestamptz - a.last_fix_at)) * 1000)::bigint,
             coalesce(round(a.motion_speed_mps * 100)::int::text, ''), coalesce(round(a.motion_device_mps * 100)::int::text, ''),
             (a.motion_fix_at is not distinct from a.last_fix_at)::int), ';' order by a.id) as data
    from attendances a
    where a.organization_id = ${organizationId} and a.instance_id = ${instanceId}
      and a.journey = 'on_the_way' and a.last_fix_at is not null and a.last_lat is not null and a.last_lng is not null
      ${ids ? sql`and a.id = any(${pgArray(ids)}::uuid[])` : sql``}
  `);
  return row?.ids && row.data ? parseTravellers(row.ids.split(","), row.data, now.getTime()) : [];
}

/** Parses readTravellerRows' integers in one pass over the characters (no split, no substrings). */
export function parseTravellers(ids: string[], text: string, nowMs: number): TravellerRow[] {
  const rows: TravellerRow[] = [];
  const f = [0, 0, 0, 0, 0, 0, 0];
  const present = [false, false, false, false, false, false, false];
  let field = 0;
  let value = 0;
  let negative = false;
  let digits = false;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 59; // ";" ends the last row
    if (c >= 48 && c <= 57) {
      value = value * 10 + (c - 48);
      digits = true;
    } else if (c === 45) {
      negative = true; // "-"
    } else {
      f[field] = negative ? -value : value;
      present[field] = digits;
      value = 0;
      negative = false;
      digits = false;
      if (c === 44) field++; // ","
      else {
        const id = ids[rows.length]!;
        rows.push({ id, lat: f[0]! / 1e6, lng: f[1]! / 1e6, acc: f[2]! / 10, ms: nowMs - f[3]!, speed: present[4] ? f[4]! / 100 : null, device: present[5] ? f[5]! / 100 : null, ready: f[6] === 1 });
        field = 0;
      }
    }
  }
  return rows;
}

/**
 * Builds the motion state of `ids` from the five minutes of track up to each one's latest fix, with the function the
 * point-recording statements use. Written only while the latest fix is still the one the track was read for: a
 * point stored meanwhile leaves the state behind, to be rebuilt by the next refresh.
 */
async function rebuildMotion(db: Executor, organizationId: string, ids: string[]): Promise<void> {
  await db.execute(sql`
    update attendances att set
      (motion_fix_at, motion_anchor, motion_pending, motion_segments, motion_reported, motion_speed_mps, motion_device_mps,
       motion_heading_deg) = (
        select k.last_fix_at, m.anchor, m.pending, m.segments, m.reported, m.speed_mps, m.device_mps, m.heading_deg
        from motion_advance(null, null, null, null, null, null, null, null, null, k.newest, k.ts, k.las, k.lns, k.acs, k.sps) m)
    from (
      select b.id, b.last_fix_at, t.* from attendances b
      cross join lateral (
        select max(l.recorded_at) as newest, array_agg((extract(epoch from l.recorded_at) * 1000)::float8 order by l.recorded_at) as ts,
               array_agg(l.lat order by l.recorded_at) as las, array_agg(l.lng order by l.recorded_at) as lns,
               array_agg(l.accuracy_m::float8 order by l.recorded_at) as acs, array_agg(l.speed_mps::float8 order by l.recorded_at) as sps
        from locations l
        where l.organization_id = ${organizationId} and l.attendance_id = b.id
          and l.recorded_at > b.last_fix_at - interval '5 minutes' and l.recorded_at <= b.last_fix_at
      ) t
      where b.organization_id = ${organizationId} and b.id = any(${pgArray(ids)}::uuid[])
    ) k
    where att.id = k.id and att.organization_id = ${organizationId} and att.last_fix_at = k.last_fix_at
  `);
}

/** A Postgres array literal of plain values (uuids, numbers, ISO times, booleans, simple words): one parameter. */
export function pgArray(values: readonly (string | number | boolean | null)[]): string {
  return `{${values.map((v) => (v === null ? "NULL" : typeof v === "boolean" ? (v ? "t" : "f") : String(v))).join(",")}}`;
}
