import { and, eq, sql } from "drizzle-orm";
import { getDatabaseHandle, getDb, schema, type Executor } from "@/lib/database";
import { onAttendanceChanged, type Journey } from "@/lib/attendance";
import { AppError } from "@/lib/errors";
import { logger } from "@/lib/logger";
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
  eventId: string;
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
  eventId: events.id,
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
// itself, atomically (in SQL, or in the Redis script through the closed marker). What only the cache knows (the venue,
// the window after an occurrence is moved) reaches the other server processes through PostgreSQL's LISTEN/NOTIFY:
// the change announces itself in its transaction (announceLinkChange), PostgreSQL delivers it when that commits, and
// every process listening evicts what it names. CACHE_TTL_MS bounds what a lost notification could leave behind.
const CACHE_TTL_MS = 60_000;
const CACHE_MAX = 20_000;
const CHANNEL = "ec_tracking_links";
const cache = new Map<string, { link: LinkContext | null; loadedAt: number }>();
let subscribed = false;
/** PostgreSQL: links are cached only once LISTEN is established, since a change announced before that is not heard. */
let listening = false;
/** Bumped by every eviction: a load that raced one is returned but not cached (it may have read the old row). */
let generation = 0;

/** The link for a token, from the cache when fresh. Unknown tokens are cached too, so guessing costs no queries. */
export async function getLinkForIngest(token: string, now = Date.now()): Promise<LinkContext | null> {
  const hit = cache.get(token);
  if (hit && now - hit.loadedAt < CACHE_TTL_MS) return hit.link;
  if (!subscribed) subscribe();
  const before = generation;
  const link = await unsafeFindLinkByToken(token);
  if (generation !== before || (!listening && getDatabaseHandle().kind === "postgres")) return link;
  if (cache.size >= CACHE_MAX) cache.clear();
  cache.set(token, { link, loadedAt: now });
  return link;
}

function subscribe(): void {
  subscribed = true;
  // From the first entry on, every attendance transition made in this process evicts once it has committed.
  onAttendanceChanged(evictAttendanceLinks);
  // And every change another process announces. While not listening (at first, after a dropped connection) nothing
  // is heard, so each (re)start of the listening forgets everything.
  const onListen = () => {
    listening = true;
    evictAll();
  };
  getDatabaseHandle()
    .listen?.(CHANNEL, (payload) => evictScope(payload), onListen)
    .catch((error: unknown) => logger.error({ err: error }, "could not listen for tracking link changes"));
}

type LinkScope = { eventId: string } | { instanceId: string } | { attendanceId: string };

/**
 * Tells every server process, once `tx` commits, to forget the cached links of an event (its venue, radius or travel
 * mode changed), an occurrence (its window moved) or an attendance. The embedded database has one process: it forgets
 * here and now.
 */
export async function announceLinkChange(tx: Executor, scope: LinkScope): Promise<void> {
  if (getDatabaseHandle().kind !== "postgres") return evictScope(JSON.stringify(scope));
  await tx.execute(sql`select pg_notify(${CHANNEL}, ${JSON.stringify(scope)})`);
}

function evictScope(payload: string): void {
  let scope: Partial<Record<"eventId" | "instanceId" | "attendanceId", unknown>>;
  try {
    scope = JSON.parse(payload) as typeof scope;
  } catch {
    return evictAll();
  }
  if (typeof scope.eventId === "string") evict((link) => link.eventId === scope.eventId);
  else if (typeof scope.instanceId === "string") evictInstanceLinks(scope.instanceId);
  else if (typeof scope.attendanceId === "string") evictAttendanceLinks(scope.attendanceId);
  else evictAll();
}

function evict(matches: (link: LinkContext) => boolean): void {
  generation += 1;
  for (const [token, entry] of cache) if (entry.link && matches(entry.link)) cache.delete(token);
}

function evictAll(): void {
  generation += 1;
  cache.clear();
}

/** Forgets cached links of an occurrence whose tracking window moved. */
export function evictInstanceLinks(instanceId: string): void {
  evict((link) => link.instanceId === instanceId);
}

/** Forgets cached links of an attendance after its state changed (arrival, stop, re-issue, undo, no-show). */
export function evictAttendanceLinks(attendanceId: string): void {
  evict((link) => link.attendanceId === attendanceId);
}
