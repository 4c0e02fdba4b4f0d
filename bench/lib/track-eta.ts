// The ETA refresh's estimator before issue 19 (kept for bench:eta's before/after comparison): it read each traveller's
// last five minutes of track (one fix per 15 s slot) from \`locations\` on every refresh and ran computeEta over it.
// lib/live/refresh-etas.ts now reads the motion state the point-recording statements keep instead.
import { sql } from "drizzle-orm";
import type { Executor } from "@/lib/database";
import type { TrackFix } from "@/lib/eta/speed";

/** The recent track the speed estimate looks at. */
const TRACK_WINDOW_MS = 5 * 60_000;
/** At most one fix per this many seconds of the track is read (the newest of each slot, and always the newest). */
const TRACK_STEP_S = 15;

export type TravellerRow = {
  id: string;
  /** See readTravellers. */
  track: string;
};

/**
 * Everyone of an occurrence on the way, with the last TRACK_WINDOW_MS of their track. Each track comes as one text
 * column of integers ("ms before now, lat×1e6, lng×1e6, accuracy in dm, speed in cm/s;…", oldest first): for
 * 10,000 travellers that is 10,000 rows instead of 250,000, and integers parse without building substrings.
 */
export async function readTravellerTracks(db: Executor, organizationId: string, instanceId: string, now: Date): Promise<TravellerRow[]> {
  const nowIso = now.toISOString();
  const fix = (t: string) => sql.raw(`concat_ws(',',
      floor(extract(epoch from ('${nowIso}'::timestamptz - ${t}.recorded_at)) * 1000)::bigint,
      round(${t}.lat * 1e6)::bigint, round(${t}.lng * 1e6)::bigint, round(${t}.accuracy_m * 10)::int,
      round(${t}.speed_mps * 100)::int)`);
  return await db.execute<TravellerRow>(sql`
    select a.id, coalesce(
      (select string_agg(${fix("f")}, ';' order by f.recorded_at)
       from (
         -- The newest fix of each TRACK_STEP_S slot: a phone reporting every 2 s gives the speed estimate
         -- nothing that one fix per slot does not, and costs 5× as much to ship and parse.
         select distinct on (floor(extract(epoch from l.recorded_at) / ${sql.raw(String(TRACK_STEP_S))})) l.*
         from locations l
         where l.organization_id = ${organizationId} and l.attendance_id = a.id
           and l.recorded_at >= ${new Date(now.getTime() - TRACK_WINDOW_MS).toISOString()}::timestamptz
           and l.recorded_at <= ${nowIso}::timestamptz
         order by floor(extract(epoch from l.recorded_at) / ${sql.raw(String(TRACK_STEP_S))}), l.recorded_at desc
       ) f),
      -- Nothing recent: the latest fix the attendance keeps (a stale participant).
      (select ${fix("lf")} from (select a.last_fix_at as recorded_at, a.last_lat as lat, a.last_lng as lng,
                                           coalesce(a.last_accuracy_m, 0) as accuracy_m, null::real as speed_mps) lf)
    ) as track
    from attendances a
    where a.organization_id = ${organizationId} and a.instance_id = ${instanceId}
      and a.journey = 'on_the_way' and a.last_fix_at is not null and a.last_lat is not null and a.last_lng is not null
  `);
}

/** A traveller's track as fixes, oldest first. */
export function toTrack(traveller: TravellerRow, now: Date): TrackFix[] {
  return parseTrack(traveller.track, now.getTime());
}

/** Parses readTravellers' integer encoding in one pass over the characters (no split, no substrings). */
export function parseTrack(text: string, nowMs: number): TrackFix[] {
  const fixes: TrackFix[] = [];
  let ago = 0, lat = 0, lng = 0, accuracy = 0;
  let field = 0;
  let value = 0;
  let negative = false;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 59; // ";" ends the last fix
    if (c >= 48 && c <= 57) {
      value = value * 10 + (c - 48);
      continue;
    }
    if (c === 45) {
      negative = true; // "-"
      continue;
    }
    const n = negative ? -value : value;
    value = 0;
    negative = false;
    if (field === 0) ago = n;
    else if (field === 1) lat = n;
    else if (field === 2) lng = n;
    else if (field === 3) accuracy = n;
    if (c === 44) {
      field++; // ","
      continue;
    }
    // Speed is the optional fifth field.
    fixes.push({ recordedAtMs: nowMs - ago, lat: lat / 1e6, lng: lng / 1e6, accuracyM: accuracy / 10, speedMps: field === 4 ? n / 100 : null });
    field = 0;
  }
  return fixes;
}

