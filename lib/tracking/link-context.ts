import { and, eq } from "drizzle-orm";
import { getDb, schema, type Executor } from "@/lib/database";
import { onAttendanceChanged, type Journey } from "@/lib/attendance";
import { AppError } from "@/lib/errors";
import type { LinkRefusal } from "./schemas";
import { hashTrackingToken, isWellFormedToken } from "./token";

const { attendances, eventInstances, events, trackingLinks } = schema;

/** What the ingest path needs to know about a link, loaded in one query and cached briefly per process. */
export type LinkContext = {
  linkId: string;
  organizationId: string;
  attendanceId: string;
  participantId: string;
  instanceId: string;
  validFrom: Date;
  validUntil: Date;
  venue: { lat: number; lng: number; radiusM: number };
  travelMode: "walking" | "driving";
  revokedAt: Date | null;
  stoppedAt: Date | null;
  instanceStatus: "scheduled" | "cancelled" | "completed";
  journey: Journey;
  checkedInAt: Date | null;
};

const linkFields = {
  linkId: trackingLinks.id,
  organizationId: trackingLinks.organizationId,
  attendanceId: trackingLinks.attendanceId,
  participantId: attendances.participantId,
  instanceId: attendances.instanceId,
  validFrom: trackingLinks.validFrom,
  validUntil: trackingLinks.validUntil,
  venueLat: events.venueLat,
  venueLng: events.venueLng,
  radiusM: events.arrivalRadiusM,
  travelMode: events.travelMode,
  revokedAt: trackingLinks.revokedAt,
  stoppedAt: trackingLinks.stoppedAt,
  instanceStatus: eventInstances.status,
  journey: attendances.journey,
  checkedInAt: attendances.checkedInAt,
};

/**
 * The link a token opens, across organizations: the token itself establishes the tenant (it is unguessable and
 * bound to one attendance), so this is one of the few `unsafe` reads. Every join stays inside the link's organization.
 */
export async function unsafeFindLinkByToken(token: string, db: Executor = getDb()): Promise<LinkContext | null> {
  if (!isWellFormedToken(token)) return null;
  const [row] = await db
    .select(linkFields)
    .from(trackingLinks)
    .innerJoin(
      attendances,
      and(eq(attendances.id, trackingLinks.attendanceId), eq(attendances.organizationId, trackingLinks.organizationId)),
    )
    .innerJoin(
      eventInstances,
      and(eq(eventInstances.id, attendances.instanceId), eq(eventInstances.organizationId, trackingLinks.organizationId)),
    )
    .innerJoin(events, and(eq(events.id, eventInstances.eventId), eq(events.organizationId, trackingLinks.organizationId)))
    .where(eq(trackingLinks.tokenHash, hashTrackingToken(token)))
    .limit(1);
  if (!row) return null;
  const { venueLat, venueLng, radiusM, ...rest } = row;
  return { ...rest, venue: { lat: venueLat, lng: venueLng, radiusM } };
}

/**
 * Why a link does not take points at `now`, or null when it does. Order matters: a replaced or cancelled link says so
 * even after arrival, and an arrival is shown rather than "expired" once the window has closed.
 */
export function linkRefusal(link: LinkContext, now: Date): LinkRefusal | null {
  if (link.revokedAt) return "revoked";
  if (link.instanceStatus === "cancelled") return "cancelled";
  if (link.journey === "arrived") return "arrived";
  if (link.stoppedAt) return "stopped";
  if (link.journey === "no_show" || now.getTime() > link.validUntil.getTime()) return "expired";
  if (now.getTime() < link.validFrom.getTime()) return "not_open";
  return null;
}

const REFUSAL_ERRORS: Record<LinkRefusal, { code: "NOT_FOUND" | "GONE" | "CONFLICT"; message: string }> = {
  unknown: { code: "NOT_FOUND", message: "This tracking link does not exist." },
  expired: { code: "GONE", message: "This tracking link has expired." },
  revoked: { code: "GONE", message: "This tracking link was replaced by a newer one." },
  stopped: { code: "GONE", message: "Location sharing was stopped for this link." },
  cancelled: { code: "GONE", message: "This occurrence was cancelled." },
  arrived: { code: "CONFLICT", message: "You have already arrived: no more positions are needed." },
  not_open: { code: "CONFLICT", message: "This tracking link is not open yet." },
};

/** The HTTP-mappable error for a refusal: 404 unknown, 410 for a link that is over, 409 for arrived / not open yet. */
export function refusalError(reason: LinkRefusal): AppError {
  const { code, message } = REFUSAL_ERRORS[reason];
  return new AppError(code, message, { reason });
}

// A short-lived per-process cache keeps the hot path (a batch every few seconds per participant) off the database.
// State changes made in this process evict at once. A stop, a re-issue or an arrival elsewhere is refused by the write
// itself, atomically (in SQL, or in the Redis script through the closed marker); what only the cache knows (the
// window, after an occurrence is moved, and the venue) reaches other processes within CACHE_TTL_MS.
const CACHE_TTL_MS = 60_000;
const CACHE_MAX = 20_000;
const cache = new Map<string, { link: LinkContext | null; loadedAt: number }>();
let subscribed = false;

/** The link for a token, from the cache when fresh. Unknown tokens are cached too, so guessing costs no queries. */
export async function getLinkForIngest(token: string, now = Date.now()): Promise<LinkContext | null> {
  const hit = cache.get(token);
  if (hit && now - hit.loadedAt < CACHE_TTL_MS) return hit.link;
  const link = await unsafeFindLinkByToken(token);
  if (!subscribed) {
    // From the first entry on, every attendance transition made in this process evicts once it has committed.
    onAttendanceChanged(evictAttendanceLinks);
    subscribed = true;
  }
  if (cache.size >= CACHE_MAX) cache.clear();
  cache.set(token, { link, loadedAt: now });
  return link;
}

/** Forgets cached links of an occurrence whose tracking window moved. */
export function evictInstanceLinks(instanceId: string): void {
  for (const [token, entry] of cache) if (entry.link?.instanceId === instanceId) cache.delete(token);
}

/** Forgets cached links of an attendance after its state changed (arrival, stop, re-issue, undo, no-show). */
export function evictAttendanceLinks(attendanceId: string): void {
  for (const [token, entry] of cache) if (entry.link?.attendanceId === attendanceId) cache.delete(token);
}
