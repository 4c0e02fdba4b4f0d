import { and, asc, eq, gte, lte, sql } from "drizzle-orm";
import { z } from "zod";
import { writeAudit } from "@/lib/audit";
import { getDb, schema } from "@/lib/database";
import { parseInput } from "@/lib/errors";
import { initials, loadLiveSubject, type LiveOccurrence } from "@/lib/live";
import { actorApiKeyId, actorUserId, assertCan, type OrgContext } from "@/lib/tenant";
import { MAX_ZOOM, MIN_ZOOM, thinTrail, toleranceForZoom, type TrailPoint } from "./thin";
import type { ReplayParticipant, ReplayResult } from "./types";

const { attendances, auditLogs, locations, participants } = schema;
const DAY_MS = 86_400_000;
/** One "replayed" entry per person and occurrence in this span: zooming in asks again, but is the same replay. */
const AUDIT_EVERY_MINUTES = 30;

export const DEFAULT_REPLAY_ZOOM = 13;

export const ReplayInput = z.object({
  zoom: z.coerce
    .number()
    .min(MIN_ZOOM)
    .max(MAX_ZOOM)
    .default(DEFAULT_REPLAY_ZOOM),
});
export type ReplayInput = z.input<typeof ReplayInput>;

/**
 * An occurrence replayed: everyone's trail through its tracking window (up to now while it runs) and when they
 * arrived, the trails thinned for `zoom`. Only fixes inside the organization's retention period are read; when the
 * whole window is older there is nothing to replay (an answer, not an error). Staff and above; each replay is audited.
 */
export async function getReplay(ctx: OrgContext, instanceId: string, input: ReplayInput = {}, now = new Date()): Promise<ReplayResult> {
  assertCan(ctx, "live.replay");
  const { zoom } = parseInput(ReplayInput, input);
  const { occurrence } = await loadLiveSubject(ctx, instanceId);
  const retentionDays = ctx.org.locationRetentionDays;
  const opensAt = new Date(occurrence.trackingWindow!.opensAt);
  const closesAt = new Date(occurrence.trackingWindow!.closesAt);
  const retainedFrom = new Date(now.getTime() - retentionDays * DAY_MS);
  if (opensAt > now) return { ok: false, reason: "not_started", occurrence, retentionDays };
  if (closesAt < retainedFrom) return { ok: false, reason: "outside_retention", occurrence, retentionDays };

  const from = retainedFrom > opensAt ? retainedFrom : opensAt;
  const until = now < closesAt ? now : closesAt;
  const toleranceM = toleranceForZoom(occurrence.venue.lat, zoom);
  const [people, trails] = await Promise.all([
    listPeople(ctx, occurrence.id),
    readTrails(ctx, occurrence.id, from, until, toleranceM),
  ]);
  await auditReplay(ctx, occurrence);
  return {
    ok: true,
    occurrence,
    from: from.toISOString(),
    until: until.toISOString(),
    clipped: retainedFrom > opensAt,
    zoom,
    toleranceM,
    participants: people.map((p) => ({ ...p, trail: trails.get(p.attendanceId) ?? [] })),
  };
}

async function listPeople(ctx: OrgContext, instanceId: string): Promise<Omit<ReplayParticipant, "trail">[]> {
  const rows = await getDb()
    .select({
      attendanceId: attendances.id,
      participantId: participants.id,
      name: participants.name,
      rsvp: attendances.rsvp,
      checkedInAt: attendances.checkedInAt,
      checkInMethod: attendances.checkInMethod,
    })
    .from(attendances)
    .innerJoin(participants, and(eq(participants.id, attendances.participantId), eq(participants.organizationId, ctx.org.id)))
    .where(and(eq(attendances.organizationId, ctx.org.id), eq(attendances.instanceId, instanceId)))
    .orderBy(asc(participants.name), asc(attendances.id));
  return rows.map(({ checkedInAt, ...row }) => ({ ...row, initials: initials(row.name), arrivedAt: checkedInAt?.toISOString() ?? null }));
}

/**
 * Every participant's fixes in one pass, ordered by attendance and time, and thinned per attendance. The time bounds
 * are constants, so PostgreSQL reads only the partitions of the replayed days.
 */
async function readTrails(ctx: OrgContext, instanceId: string, from: Date, until: Date, toleranceM: number) {
  const rows = await getDb()
    .select({ attendanceId: locations.attendanceId, at: locations.recordedAt, lat: locations.lat, lng: locations.lng })
    .from(locations)
    .innerJoin(
      attendances,
      and(
        eq(attendances.id, locations.attendanceId),
        eq(attendances.organizationId, ctx.org.id),
        eq(attendances.instanceId, instanceId),
      ),
    )
    .where(and(eq(locations.organizationId, ctx.org.id), gte(locations.recordedAt, from), lte(locations.recordedAt, until)))
    .orderBy(asc(locations.attendanceId), asc(locations.recordedAt));
  const trails = new Map<string, TrailPoint[]>();
  for (const row of rows) {
    let trail = trails.get(row.attendanceId);
    if (!trail) trails.set(row.attendanceId, (trail = []));
    trail.push([row.at.getTime(), row.lat, row.lng]);
  }
  for (const [id, trail] of trails) trails.set(id, thinTrail(trail, toleranceM));
  return trails;
}

/** "Replayed occurrence X", once per person and occurrence in AUDIT_EVERY_MINUTES (a zoom asks again). */
async function auditReplay(ctx: OrgContext, occurrence: LiveOccurrence) {
  const db = getDb();
  const [recent] = await db
    .select({ id: auditLogs.id })
    .from(auditLogs)
    .where(
      and(
        eq(auditLogs.organizationId, ctx.org.id),
        eq(auditLogs.action, "occurrence.replayed"),
        eq(auditLogs.targetId, occurrence.id),
        sql`${auditLogs.actorUserId} is not distinct from ${actorUserId(ctx)}`,
        sql`${auditLogs.actorApiKeyId} is not distinct from ${actorApiKeyId(ctx)}`,
        sql`${auditLogs.createdAt} > now() - make_interval(mins => ${AUDIT_EVERY_MINUTES})`,
      ),
    )
    .limit(1);
  if (recent) return;
  await writeAudit(db, ctx, {
    action: "occurrence.replayed",
    targetType: "occurrence",
    targetId: occurrence.id,
    data: { title: occurrence.title, startsAt: occurrence.startsAt },
  });
}
