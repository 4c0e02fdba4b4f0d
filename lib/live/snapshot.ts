import { and, asc, eq } from "drizzle-orm";
import { getDb, schema } from "@/lib/database";
import { isTravelling, trackingWindow } from "@/lib/attendance";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { assertCan, type OrgContext } from "@/lib/tenant";
import { readLatestFixes } from "@/lib/tracking";
import { isUuid } from "@/lib/utils";
import { listActivity } from "./activity";
import { countLive, sortLiveParticipants, toLiveParticipant, type AttendanceFacts, type OccurrenceFacts } from "./derive";
import type { EtaConfidence, EtaMethod, LiveOccurrence, LiveSnapshot } from "./types";

const { attendances, eventInstances, events, participants } = schema;

/** What does not change while someone watches: loaded once per page view or live connection. */
export type LiveSubject = { occurrence: LiveOccurrence; facts: OccurrenceFacts };

/** The occurrence a live view shows. NOT_FOUND for a missing one or another organization's. */
export async function loadLiveSubject(ctx: OrgContext, instanceId: string): Promise<LiveSubject> {
  assertCan(ctx, "events.read");
  if (!isUuid(instanceId)) throw new AppError("NOT_FOUND", "Occurrence not found.");
  const [row] = await getDb()
    .select({ instance: eventInstances, event: events })
    .from(eventInstances)
    .innerJoin(events, and(eq(events.id, eventInstances.eventId), eq(events.organizationId, ctx.org.id)))
    .where(and(eq(eventInstances.id, instanceId), eq(eventInstances.organizationId, ctx.org.id)));
  if (!row) throw new AppError("NOT_FOUND", "Occurrence not found.");
  const { instance, event } = row;
  const window = trackingWindow(instance, event);
  const settings = env();
  return {
    occurrence: {
      id: instance.id,
      eventId: event.id,
      title: event.title,
      startsAt: instance.startsAt.toISOString(),
      endsAt: instance.endsAt.toISOString(),
      status: instance.status,
      timeZone: event.timeZone,
      travelMode: event.travelMode,
      lateGraceMinutes: event.lateGraceMinutes,
      venue: {
        name: event.venueName,
        address: event.venueAddress,
        lat: event.venueLat,
        lng: event.venueLng,
        radiusM: event.arrivalRadiusM,
      },
      trackingWindow: { opensAt: window.validFrom.toISOString(), closesAt: window.validUntil.toISOString() },
    },
    facts: {
      venue: { lat: event.venueLat, lng: event.venueLng },
      travelMode: event.travelMode,
      startsAt: instance.startsAt,
      lateGraceMinutes: event.lateGraceMinutes,
      circuity: settings.ETA_CIRCUITY,
      staleAfterMs: settings.ETA_STALE_AFTER_MINUTES * 60_000,
    },
  };
}

/**
 * Everyone of the occurrence as the live map shows them now: attendances from Postgres, positions from the Redis
 * latest-position cache where it is newer (points wait there up to a flush interval before reaching Postgres).
 * Two Postgres queries and at most one Redis call, whatever the number of participants.
 */
export async function buildLiveSnapshot(ctx: OrgContext, subject: LiveSubject, now = new Date()): Promise<LiveSnapshot> {
  return (await readLive(ctx, subject, now)).snapshot;
}

/** The snapshot and each attendance's participant id (machine clients show it; the live views do not need it). */
async function readLive(ctx: OrgContext, subject: LiveSubject, now: Date) {
  const orgId = ctx.org.id;
  const instanceId = subject.occurrence.id;
  const [rows, activity] = await Promise.all([
    getDb()
      .select({
        attendanceId: attendances.id,
        participantId: participants.id,
        name: participants.name,
        rsvp: attendances.rsvp,
        journey: attendances.journey,
        checkedInAt: attendances.checkedInAt,
        checkInMethod: attendances.checkInMethod,
        lastLat: attendances.lastLat,
        lastLng: attendances.lastLng,
        lastAccuracyM: attendances.lastAccuracyM,
        lastFixAt: attendances.lastFixAt,
        etaAt: attendances.etaAt,
        etaMethod: attendances.etaMethod,
        etaConfidence: attendances.etaConfidence,
        etaSpeedMps: attendances.etaSpeedMps,
        etaRefreshedAt: attendances.etaRefreshedAt,
        distanceM: attendances.distanceM,
      })
      .from(attendances)
      .innerJoin(participants, and(eq(participants.id, attendances.participantId), eq(participants.organizationId, orgId)))
      .where(and(eq(attendances.organizationId, orgId), eq(attendances.instanceId, instanceId)))
      .orderBy(asc(participants.name)),
    listActivity(orgId, instanceId),
  ]);
  const travelling = rows.filter((r) => isTravelling(r.journey)).map((r) => r.attendanceId);
  const cached = await readLatestFixes(orgId, travelling).catch((error: unknown) => {
    // Postgres still has every position up to the last flush: show those rather than nothing.
    logger.warn({ err: error }, "latest positions unavailable from Redis, showing the last flushed ones");
    return new Map();
  });

  const list = rows.map((row) => {
    const fromDb =
      row.lastFixAt && row.lastLat !== null && row.lastLng !== null
        ? { lat: row.lastLat, lng: row.lastLng, accuracyM: row.lastAccuracyM ?? 0, at: row.lastFixAt, speedMps: null }
        : null;
    const latest = cached.get(row.attendanceId);
    const fromCache = latest ? { lat: latest.lat, lng: latest.lng, accuracyM: latest.acc, at: new Date(latest.ms), speedMps: latest.spd } : null;
    const facts: AttendanceFacts = {
      attendanceId: row.attendanceId,
      name: row.name,
      rsvp: row.rsvp,
      journey: row.journey,
      checkedInAt: row.checkedInAt,
      checkInMethod: row.checkInMethod,
      lastFix: fromCache && (!fromDb || fromCache.at > fromDb.at) ? fromCache : fromDb,
      stored: {
        etaAt: row.etaAt,
        method: row.etaMethod as EtaMethod | null,
        confidence: row.etaConfidence as EtaConfidence | null,
        distanceM: row.distanceM,
        speedMps: row.etaSpeedMps,
        refreshedAt: row.etaRefreshedAt,
      },
    };
    return toLiveParticipant(facts, subject.facts, now);
  });
  const participantsSorted = sortLiveParticipants(list);
  const participantIds = new Map(rows.map((r) => [r.attendanceId, r.participantId]));
  const snapshot: LiveSnapshot = {
    occurrence: subject.occurrence,
    generatedAt: now.toISOString(),
    participants: participantsSorted,
    counts: countLive(participantsSorted),
    activity,
  };
  return { snapshot, participantIds };
}

/** For machine clients: the snapshot with each attendance's participant id. */
export async function getLiveSnapshotWithParticipantIds(ctx: OrgContext, instanceId: string, now = new Date()) {
  return readLive(ctx, await loadLiveSubject(ctx, instanceId), now);
}

/** For pages: the subject and its first snapshot. */
export async function getLiveSnapshot(ctx: OrgContext, instanceId: string, now = new Date()): Promise<LiveSnapshot> {
  return buildLiveSnapshot(ctx, await loadLiveSubject(ctx, instanceId), now);
}
