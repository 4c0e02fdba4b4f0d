import { sql } from "drizzle-orm";
import { getDb, type Executor } from "@/lib/database";
import { computeEta, lateness, type Eta, haversineM, type LatLng, type TravelMode, osrmDurations, type TrackFix } from "@/lib/eta";
import { aliasedWindowColumns, recordActivity, trackingWindowSql, type NewActivity } from "@/lib/attendance";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";
import { metrics } from "@/lib/metrics";
import { readLatestFixes } from "@/lib/tracking";
import { enqueueAttendanceEvent, kickWebhookDelivery } from "@/lib/webhooks";

/** The recent track the speed estimate looks at. */
const TRACK_WINDOW_MS = 5 * 60_000;
/** At most one fix per this many seconds of the track is read (the newest of each slot, and always the newest). */
const TRACK_STEP_S = 15;

type LiveOccurrenceRow = {
  id: string;
  organization_id: string;
  starts_at: Date | string;
  venue_lat: number;
  venue_lng: number;
  travel_mode: TravelMode;
  late_grace_minutes: number;
};

export type TravellerRow = {
  id: string;
  /** See readTravellers. */
  track: string;
};

export type RefreshSummary = { occurrences: number; participants: number; becameLate: number; becameStale: number; routed: number };

/**
 * Recomputes ETA, lateness and staleness for everyone on the way to an occurrence whose tracking window is open,
 * stores them on the attendance, and writes an activity entry for each participant who has just become late or
 * stale (arrivals write theirs when they happen). Runs for all organizations; every query is scoped to the
 * occurrence's own organization.
 */
export async function refreshEtas(now = new Date()): Promise<RefreshSummary> {
  const stopTimer = metrics.etaRefreshDuration.startTimer();
  const db = getDb();
  const window = trackingWindowSql(aliasedWindowColumns("i", "e"));
  const live = await db.execute<LiveOccurrenceRow>(sql`
    select i.id, i.organization_id, i.starts_at, e.venue_lat, e.venue_lng, e.travel_mode, e.late_grace_minutes
    from event_instances i
    join events e on e.id = i.event_id and e.organization_id = i.organization_id
    where i.status = 'scheduled' and ${window.contains(sql`${now.toISOString()}::timestamptz`)}
  `);
  const summary: RefreshSummary = { occurrences: live.length, participants: 0, becameLate: 0, becameStale: 0, routed: 0 };
  for (const occurrence of live) {
    try {
      const result = await refreshOccurrence(occurrence, now, db);
      summary.participants += result.participants;
      summary.becameLate += result.becameLate;
      summary.becameStale += result.becameStale;
      summary.routed += result.routed;
    } catch (error) {
      // One occurrence's failure must not stop the others' ETAs.
      logger.error({ err: error, instanceId: occurrence.id }, "ETA refresh failed for an occurrence");
    }
  }
  kickWebhookDelivery();
  stopTimer();
  metrics.etaRefreshParticipants.set(summary.participants);
  return summary;
}

async function refreshOccurrence(occurrence: LiveOccurrenceRow, now: Date, db: Executor) {
  const org = occurrence.organization_id;
  const travellers = await readTravellers(db, org, occurrence.id, now);
  if (travellers.length === 0) return { participants: 0, becameLate: 0, becameStale: 0, routed: 0 };

  const cached = await readLatestFixes(org, travellers.map((t) => t.id)).catch(() => new Map());
  const tracks = travellers.map((t) => {
    const track = toTrack(t, now);
    const latest = cached.get(t.id);
    if (latest && latest.ms > track.at(-1)!.recordedAtMs) {
      track.push({ lat: latest.lat, lng: latest.lng, accuracyM: latest.acc, recordedAtMs: latest.ms, speedMps: latest.spd });
    }
    return track;
  });

  const venue: LatLng = { lat: occurrence.venue_lat, lng: occurrence.venue_lng };
  const settings = env();
  const routes = settings.OSRM_URL ? await routeAll(settings.OSRM_URL, settings.OSRM_TIMEOUT_MS, occurrence.travel_mode, tracks, venue) : null;

  const startsAt = new Date(occurrence.starts_at);
  const etas: Eta[] = [];
  const late: { isLate: boolean; lateMinutes: number | null }[] = [];
  tracks.forEach((track, i) => {
    const eta = computeEta({
      venue,
      travelMode: occurrence.travel_mode,
      track,
      now,
      circuity: settings.ETA_CIRCUITY,
      staleAfterMs: settings.ETA_STALE_AFTER_MINUTES * 60_000,
      route: routes?.[i] ?? null,
    })!;
    etas.push(eta);
    late.push(lateness(eta.etaAt, startsAt, occurrence.late_grace_minutes));
  });

  const distances = tracks.map((track) => Math.round(haversineM(track.at(-1)!, venue)));
  // The new ETAs, the "became late" entries and their webhook events commit together.
  return getDb().transaction(async (tx) => {
    const changed = await storeEtas(tx, occurrence, now, { ids: travellers.map((t) => t.id), etas, distances, late });

    const index = new Map(travellers.map((t, i) => [t.id, i]));
    const entries: NewActivity[] = [];
    let becameLate = 0;
    let becameStale = 0;
    for (const row of changed) {
      const i = index.get(row.id)!;
      const base = { organizationId: org, instanceId: occurrence.id, attendanceId: row.id, at: now };
      if (late[i]!.isLate && !row.was_late) {
        becameLate += 1;
        entries.push({ ...base, kind: "late", data: { lateMinutes: late[i]!.lateMinutes, etaAt: etas[i]!.etaAt.toISOString() } });
      }
      if (etas[i]!.stale && !row.was_stale) {
        becameStale += 1;
        entries.push({ ...base, kind: "stale", data: { lastFixAt: etas[i]!.lastFixAt.toISOString() } });
      }
    }
    await recordActivity(entries, tx);
    const lateIds = entries.filter((e) => e.kind === "late").map((e) => e.attendanceId);
    await enqueueAttendanceEvent(tx, org, "participant.late", lateIds);
    return { participants: travellers.length, becameLate, becameStale, routed: routes?.filter(Boolean).length ?? 0 };
  });
}

/**
 * Stores each traveller's ETA, distance, lateness and staleness (only while still on the way: an arrival meanwhile
 * wins) in one statement, and returns those who have just become late or stale.
 */
function storeEtas(
  db: Executor,
  occurrence: LiveOccurrenceRow,
  now: Date,
  values: { ids: string[]; etas: Eta[]; distances: number[]; late: { isLate: boolean; lateMinutes: number | null }[] },
) {
  const { ids, etas, distances, late } = values;
  const org = occurrence.organization_id;
  return db.execute<{ id: string; was_late: boolean; was_stale: boolean }>(sql`
    with v as (
      select * from unnest(
        ${pgArray(ids)}::uuid[],
        ${pgArray(etas.map((e) => e.etaAt.getTime()))}::float8[],
        ${pgArray(etas.map((e) => e.method))}::text[],
        ${pgArray(etas.map((e) => e.confidence))}::text[],
        ${pgArray(etas.map((e) => e.speedMps))}::real[],
        ${pgArray(distances)}::int[],
        ${pgArray(late.map((l) => l.isLate))}::boolean[],
        ${pgArray(late.map((l) => l.lateMinutes))}::int[],
        ${pgArray(etas.map((e) => e.stale))}::boolean[]
      ) as v(id, eta, method, confidence, speed, distance, late, late_minutes, stale)
    ),
    before as (
      select a.id, a.is_late, a.is_stale from attendances a join v on v.id = a.id
      where a.organization_id = ${org} and a.journey = 'on_the_way'
    ),
    updated as (
      update attendances a set
        eta_at = to_timestamp(v.eta / 1000), eta_method = v.method, eta_confidence = v.confidence, eta_speed_mps = v.speed,
        distance_m = v.distance, is_late = v.late, late_minutes = v.late_minutes, is_stale = v.stale,
        eta_refreshed_at = ${now.toISOString()}::timestamptz
      from v
      where a.id = v.id and a.organization_id = ${org} and a.instance_id = ${occurrence.id} and a.journey = 'on_the_way'
      returning a.id, v.late, v.stale
    )
    select u.id, b.is_late as was_late, b.is_stale as was_stale
    from updated u join before b on b.id = u.id
    where (u.late and not b.is_late) or (u.stale and not b.is_stale)
  `);
}

/** osrm-routed answers at most 100 coordinates per table request by default (`--max-table-size`). */
const OSRM_TABLE_SOURCES = 99;

/**
 * Road durations from each participant's newest fix to the venue: one table request per 99 participants, in
 * parallel. A failed request leaves its participants to the estimate (null), it never fails the refresh.
 */
async function routeAll(baseUrl: string, timeoutMs: number, travelMode: TravelMode, tracks: TrackFix[][], venue: LatLng) {
  const chunks: TrackFix[][][] = [];
  for (let i = 0; i < tracks.length; i += OSRM_TABLE_SOURCES) chunks.push(tracks.slice(i, i + OSRM_TABLE_SOURCES));
  const answers = await Promise.all(
    chunks.map((chunk) =>
      osrmDurations({ baseUrl, travelMode, sources: chunk.map((track) => track.at(-1)!), destination: venue, timeoutMs }),
    ),
  );
  return answers.flatMap((answer, i) => answer ?? chunks[i]!.map(() => null));
}

/**
 * Everyone of an occurrence on the way, with the last TRACK_WINDOW_MS of their track. Each track comes as one text
 * column of integers ("ms before now, lat×1e6, lng×1e6, accuracy in dm, speed in cm/s;…", oldest first): for
 * 10,000 travellers that is 10,000 rows instead of 250,000, and integers parse without building substrings.
 */
export async function readTravellers(db: Executor, organizationId: string, instanceId: string, now: Date): Promise<TravellerRow[]> {
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

/** A Postgres array literal of plain values (uuids, numbers, ISO times, booleans, simple words): one parameter. */
function pgArray(values: readonly (string | number | boolean | null)[]): string {
  return `{${values.map((v) => (v === null ? "NULL" : typeof v === "boolean" ? (v ? "t" : "f") : String(v))).join(",")}}`;
}
