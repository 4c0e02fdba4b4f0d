import { and, desc, eq, inArray, isNull } from "drizzle-orm";
import { getDb, schema, type Executor } from "@/lib/database";
import { lockAttendance, trackingWindow } from "@/lib/attendance";
import { writeAudit } from "@/lib/audit";
import { AppError, problem } from "@/lib/errors";
import { assertCan, type OrgContext } from "@/lib/tenant";
import { isUuid } from "@/lib/utils";
import { closeLinkInBuffer } from "./buffer";
import { distanceUnitsForPhone } from "./distance-units";
import { announceLinkChange, evictAttendanceLinks, linkRefusal, unsafeFindLinkByToken } from "./link-context";
import type { TrackingPageView } from "./schemas";
import { hashTrackingToken, isWellFormedToken, newTrackingToken } from "./token";

const { attendances, eventInstances, events, organizations, participants, trackingLinks } = schema;


/**
 * A new tracking link for one attendance, valid for its occurrence's tracking window; earlier links of that attendance
 * stop working. The token is returned once and only its hash is kept, so the caller shows or sends it right away.
 */
export async function issueTrackingLink(
  ctx: OrgContext,
  attendanceId: string,
): Promise<{ token: string; path: string; validFrom: Date; validUntil: Date }> {
  assertCan(ctx, "live.checkIn");
  const token = newTrackingToken();
  const now = new Date();
  const result = await getDb().transaction(async (tx) => {
    const row = await lockAttendance(tx, ctx, attendanceId);
    if (row.instance.status === "cancelled") {
      throw new AppError("PRECONDITION_FAILED", problem("tracking.cancelled"));
    }
    const window = trackingWindow(row.instance, row.event);
    if (window.validUntil.getTime() <= now.getTime()) {
      throw new AppError("PRECONDITION_FAILED", problem("tracking.windowClosed"));
    }
    const revoked = await tx
      .update(trackingLinks)
      .set({ revokedAt: now })
      .where(
        and(
          eq(trackingLinks.organizationId, ctx.org.id),
          eq(trackingLinks.attendanceId, attendanceId),
          isNull(trackingLinks.revokedAt),
        ),
      )
      .returning({ id: trackingLinks.id, validUntil: trackingLinks.validUntil });
    const [link] = await tx
      .insert(trackingLinks)
      .values({ organizationId: ctx.org.id, attendanceId, tokenHash: hashTrackingToken(token), ...window })
      .returning({ id: trackingLinks.id });
    await writeAudit(tx, ctx, {
      action: revoked.length > 0 ? "tracking_link.reissued" : "tracking_link.issued",
      targetType: "attendance",
      targetId: attendanceId,
      data: { linkId: link!.id, revoked: revoked.map((r) => r.id) },
    });
    await announceLinkChange(tx, { attendanceId });
    return { ...window, revoked };
  });
  evictAttendanceLinks(attendanceId);
  for (const old of result.revoked) {
    await closeLinkInBuffer(ctx.org.id, { linkId: old.id, reason: "revoked", until: old.validUntil });
  }
  return { token, path: `/t/${token}`, validFrom: result.validFrom, validUntil: result.validUntil };
}

/** The newest working (not revoked) link of each attendance of an occurrence, for the organizer's table. */
export async function listTrackingLinkStatus(ctx: OrgContext, instanceId: string) {
  assertCan(ctx, "events.read");
  const status = new Map<
    string,
    { issuedAt: Date; validFrom: Date; validUntil: Date; firstOpenedAt: Date | null; stoppedAt: Date | null }
  >();
  if (!isUuid(instanceId)) return status;
  const rows = await getDb()
    .select({
      attendanceId: trackingLinks.attendanceId,
      issuedAt: trackingLinks.createdAt,
      validFrom: trackingLinks.validFrom,
      validUntil: trackingLinks.validUntil,
      firstOpenedAt: trackingLinks.firstOpenedAt,
      stoppedAt: trackingLinks.stoppedAt,
    })
    .from(trackingLinks)
    .innerJoin(
      attendances,
      and(eq(attendances.id, trackingLinks.attendanceId), eq(attendances.organizationId, ctx.org.id)),
    )
    .where(
      and(
        eq(trackingLinks.organizationId, ctx.org.id),
        eq(attendances.instanceId, instanceId),
        isNull(trackingLinks.revokedAt),
      ),
    )
    .orderBy(desc(trackingLinks.createdAt));
  for (const { attendanceId, ...link } of rows) if (!status.has(attendanceId)) status.set(attendanceId, link);
  return status;
}

/**
 * What the participant page shows for a token. Opening a working link for the first time is recorded, unless the
 * caller says the visitor is a link-preview robot (WhatsApp fetches every link it delivers).
 */
export async function getTrackingPage(
  token: string,
  { now = new Date(), recordOpen = true }: { now?: Date; recordOpen?: boolean } = {},
): Promise<TrackingPageView> {
  if (!isWellFormedToken(token)) return { state: "unknown" };
  const db = getDb();
  const link = await unsafeFindLinkByToken(token, db);
  if (!link) return { state: "unknown" };
  const org = { id: link.organizationId };
  const [row] = await db
    .select({
      participantName: participants.name,
      participantPhone: participants.phone,
      organizationName: organizations.name,
      eventTitle: events.title,
      startsAt: eventInstances.startsAt,
      endsAt: eventInstances.endsAt,
      timeZone: events.timeZone,
      venueName: events.venueName,
      venueAddress: events.venueAddress,
      lastLat: attendances.lastLat,
      lastLng: attendances.lastLng,
      lastAccuracyM: attendances.lastAccuracyM,
      lastFixAt: attendances.lastFixAt,
      firstOpenedAt: trackingLinks.firstOpenedAt,
    })
    .from(trackingLinks)
    .innerJoin(organizations, eq(organizations.id, org.id))
    .innerJoin(attendances, and(eq(attendances.id, link.attendanceId), eq(attendances.organizationId, org.id)))
    .innerJoin(participants, and(eq(participants.id, attendances.participantId), eq(participants.organizationId, org.id)))
    .innerJoin(eventInstances, and(eq(eventInstances.id, link.instanceId), eq(eventInstances.organizationId, org.id)))
    .innerJoin(events, and(eq(events.id, eventInstances.eventId), eq(events.organizationId, org.id)))
    .where(and(eq(trackingLinks.id, link.linkId), eq(trackingLinks.organizationId, org.id)));
  if (!row) return { state: "unknown" };

  const refusal = linkRefusal(link, now);
  if (refusal === null && recordOpen && !row.firstOpenedAt) {
    await db
      .update(trackingLinks)
      .set({ firstOpenedAt: now })
      .where(and(eq(trackingLinks.id, link.linkId), eq(trackingLinks.organizationId, org.id), isNull(trackingLinks.firstOpenedAt)));
  }
  return {
    state: refusal ?? "open",
    participantName: row.participantName,
    organizationName: row.organizationName,
    eventTitle: row.eventTitle,
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt.toISOString(),
    timeZone: row.timeZone,
    venue: { name: row.venueName, address: row.venueAddress, ...link.venue },
    travelMode: link.travelMode,
    distanceUnits: distanceUnitsForPhone(row.participantPhone),
    validFrom: link.validFrom.toISOString(),
    validUntil: link.validUntil.toISOString(),
    arrivedAt: link.journey === "arrived" ? (link.checkedInAt?.toISOString() ?? null) : null,
    lastFix:
      row.lastLat !== null && row.lastLng !== null && row.lastFixAt
        ? { lat: row.lastLat, lng: row.lastLng, accuracyM: row.lastAccuracyM ?? 0, at: row.lastFixAt.toISOString() }
        : null,
  };
}

/**
 * The participant's "Stop sharing": the link takes no more points (410 "stopped"). Only a working link can be
 * stopped; for any other the page simply shows its current state.
 */
export async function stopSharing(token: string, now = new Date()): Promise<TrackingPageView> {
  const link = isWellFormedToken(token) ? await unsafeFindLinkByToken(token) : null;
  if (link && linkRefusal(link, now) === null) {
    await getDb()
      .update(trackingLinks)
      .set({ stoppedAt: now })
      .where(
        and(
          eq(trackingLinks.id, link.linkId),
          eq(trackingLinks.organizationId, link.organizationId),
          isNull(trackingLinks.stoppedAt),
        ),
      );
    evictAttendanceLinks(link.attendanceId);
    await announceLinkChange(getDb(), { attendanceId: link.attendanceId });
    await closeLinkInBuffer(link.organizationId, { linkId: link.linkId, reason: "stopped", until: link.validUntil });
  }
  return getTrackingPage(token, { now, recordOpen: false });
}

/** Keeps unrevoked links of these occurrences on their (possibly moved) tracking windows. */
export async function retimeTrackingLinks(
  tx: Executor,
  ctx: OrgContext,
  schedule: { trackingOffsetMinutes: number | null; closureOffsetMinutes: number | null },
  instances: { id: string; startsAt: Date; endsAt: Date }[],
): Promise<void> {
  for (const instance of instances) {
    const window = trackingWindow(instance, schedule);
    const ids = tx
      .select({ id: attendances.id })
      .from(attendances)
      .where(and(eq(attendances.organizationId, ctx.org.id), eq(attendances.instanceId, instance.id)));
    await tx
      .update(trackingLinks)
      .set(window)
      .where(
        and(
          eq(trackingLinks.organizationId, ctx.org.id),
          isNull(trackingLinks.revokedAt),
          inArray(trackingLinks.attendanceId, ids),
        ),
      );
    await announceLinkChange(tx, { instanceId: instance.id });
  }
}

const LINK_PREVIEW_AGENTS = /whatsapp|facebookexternalhit|facebot|telegrambot|slackbot|twitterbot|discordbot|linkedinbot|skypeuripreview|googlebot|bingbot|crawler|spider/i;

/** Messengers fetch a link to draw its preview; that is not the participant opening it. */
export function isLinkPreviewAgent(userAgent: string | null): boolean {
  return userAgent !== null && LINK_PREVIEW_AGENTS.test(userAgent);
}
