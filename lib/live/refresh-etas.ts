import { sql } from "drizzle-orm";
import { getDb, type Executor } from "@/lib/database";
import { etaFromFix, lateness, type Eta, haversineM, type LatLng, type TravelMode, osrmDurations, speedFromMotion, type TrackFix } from "@/lib/eta";
import { aliasedWindowColumns, recordActivity, trackingWindowSql, type NewActivity } from "@/lib/attendance";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";
import { metrics } from "@/lib/metrics";
import { readLatestFixes } from "@/lib/tracking";
import { pgArray, readTravellers } from "./travellers";
import { enqueueAttendanceEvent, kickWebhookDelivery } from "@/lib/webhooks";

type LiveOccurrenceRow = {
  id: string;
  organization_id: string;
  starts_at: Date | string;
  venue_lat: number;
  venue_lng: number;
  travel_mode: TravelMode;
  late_grace_minutes: number;
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
  // The newest fix: the attendance's, or a newer one still in the Redis buffer.
  const fixes = travellers.map((t): TrackFix => {
    const latest = cached.get(t.id);
    if (latest && latest.ms > t.ms) return { lat: latest.lat, lng: latest.lng, accuracyM: latest.acc, recordedAtMs: latest.ms, speedMps: latest.spd };
    return { lat: t.lat, lng: t.lng, accuracyM: t.acc, recordedAtMs: t.ms };
  });

  const venue: LatLng = { lat: occurrence.venue_lat, lng: occurrence.venue_lng };
  const settings = env();
  const routes = settings.OSRM_URL ? await routeAll(settings.OSRM_URL, settings.OSRM_TIMEOUT_MS, occurrence.travel_mode, fixes, venue) : null;

  const startsAt = new Date(occurrence.starts_at);
  const etas: Eta[] = [];
  const late: { isLate: boolean; lateMinutes: number | null }[] = [];
  const travelMode = occurrence.travel_mode;
  const circuity = settings.ETA_CIRCUITY;
  const staleAfterMs = settings.ETA_STALE_AFTER_MINUTES * 60_000;
  travellers.forEach((t, i) => {
    const speed = speedFromMotion({ trackMps: t.speed, deviceMps: t.device }, travelMode);
    // Named fields, not a spread of shared settings: the spread helper alone would cost more than the ETA maths.
    const eta = etaFromFix({ venue, travelMode, now, circuity, staleAfterMs, newest: fixes[i]!, speed, route: routes?.[i] ?? null });
    etas.push(eta);
    late.push(lateness(eta.etaAt, startsAt, occurrence.late_grace_minutes));
  });

  const distances = fixes.map((fix) => Math.round(haversineM(fix, venue)));
  // The new ETAs, the "became late" entries and their webhook events commit together.
  return getDb().transaction(async (tx) => {
    const changed = await storeEtas(tx, occurrence, now, { ids: travellers.map((t) => t.id), etas, distances, late });

    const index = changed.length === 0 ? new Map<string, number>() : new Map(travellers.map((t, i) => [t.id, i]));
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

/** The UPDATE's columns as Postgres array literals, built in one pass (10,000 rows: one string per column, no arrays). */
function etaColumns(etas: Eta[], distances: number[], late: { isLate: boolean; lateMinutes: number | null }[]) {
  let eta = "", method = "", confidence = "", speed = "", distance = "", isLate = "", lateMinutes = "", stale = "";
  for (let i = 0; i < etas.length; i++) {
    const e = etas[i]!;
    const sep = i === 0 ? "" : ",";
    eta += sep + e.etaAt.getTime();
    method += sep + e.method;
    confidence += sep + e.confidence;
    // Centimetres per second: integers print and parse faster than floats, and say all there is to say.
    speed += sep + Math.round(e.speedMps * 100);
    distance += sep + distances[i]!;
    isLate += sep + (late[i]!.isLate ? "t" : "f");
    lateMinutes += sep + (late[i]!.lateMinutes ?? "NULL");
    stale += sep + (e.stale ? "t" : "f");
  }
  return [eta, method, confidence, speed, distance, isLate, lateMinutes, stale].map((text) => `{${text}}`);
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
  const [eta, method, confidence, speed, distance, isLate, lateMinutes, stale] = etaColumns(etas, distances, late);
  const org = occurrence.organization_id;
  return db.execute<{ id: string; was_late: boolean; was_stale: boolean }>(sql`
    with v as (
      select * from unnest(
        ${pgArray(ids)}::uuid[], ${eta}::float8[], ${method}::text[], ${confidence}::text[], ${speed}::int[],
        ${distance}::int[], ${isLate}::boolean[], ${lateMinutes}::int[], ${stale}::boolean[]
      ) as v(id, eta, method, confidence, speed, distance, late, late_minutes, stale)
    ),
    before as (
      select a.id, a.is_late, a.is_stale from attendances a join v on v.id = a.id
      where a.organization_id = ${org} and a.journey = 'on_the_way'
    ),
    updated as (
      update attendances a set
        eta_at = to_timestamp(v.eta / 1000), eta_method = v.method, eta_confidence = v.confidence, eta_speed_mps = v.speed / 100.0,
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
async function routeAll(baseUrl: string, timeoutMs: number, travelMode: TravelMode, fixes: TrackFix[], venue: LatLng) {
  const chunks: TrackFix[][] = [];
  for (let i = 0; i < fixes.length; i += OSRM_TABLE_SOURCES) chunks.push(fixes.slice(i, i + OSRM_TABLE_SOURCES));
  const answers = await Promise.all(
    chunks.map((chunk) => osrmDurations({ baseUrl, travelMode, sources: chunk, destination: venue, timeoutMs })),
  );
  return answers.flatMap((answer, i) => answer ?? chunks[i]!.map(() => null));
}
