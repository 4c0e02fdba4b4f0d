import { and, count, eq, gte, lt, max, sql } from "drizzle-orm";
import { getDb, schema } from "@/lib/database";
import { FEED_DAYS_AHEAD, FEED_DAYS_BACK, FEED_MAX_OCCURRENCES } from "./schemas";

const { calendarFeeds, eventInstances, events, organizations } = schema;
const DAY = 86_400_000;

/** A feed as its token opens it: the organization it belongs to and, for an event's feed, the event. */
export type FeedSource = {
  feedId: string;
  organizationId: string;
  orgName: string;
  orgSlug: string;
  orgTimeZone: string;
  eventId: string | null;
  eventTitle: string | null;
  eventTimeZone: string | null;
};

export type FeedOccurrence = Awaited<ReturnType<typeof listFeedOccurrences>>[number];

/**
 * The feed a token opens, or null. The one read not scoped by a session: the token is the credential. It still
 * reaches the organization and the event only through the feed's own organization id, so a feed can never show
 * another organization's rows.
 */
export async function findFeedByToken(token: string): Promise<FeedSource | null> {
  const [row] = await getDb()
    .select({
      feedId: calendarFeeds.id,
      organizationId: organizations.id,
      orgName: organizations.name,
      orgSlug: organizations.slug,
      orgTimeZone: organizations.timeZone,
      eventId: calendarFeeds.eventId,
      eventTitle: events.title,
      eventTimeZone: events.timeZone,
    })
    .from(calendarFeeds)
    .innerJoin(organizations, eq(organizations.id, calendarFeeds.organizationId))
    .leftJoin(events, and(eq(events.id, calendarFeeds.eventId), eq(events.organizationId, calendarFeeds.organizationId)))
    .where(eq(calendarFeeds.token, token))
    .limit(1);
  // An event feed whose event is not in its organization (cannot happen: the foreign key cascades) opens nothing.
  if (!row || (row.eventId && !row.eventTitle)) return null;
  return row;
}

type FeedWindow = { from: Date; to: Date; today: Date };

/** The UTC day `now` falls in, so a feed read twice in a day is the same text (and the same ETag). */
export function feedWindow(now: Date): FeedWindow {
  const today = new Date(Math.floor(now.getTime() / DAY) * DAY);
  return { today, from: new Date(today.getTime() - FEED_DAYS_BACK * DAY), to: new Date(today.getTime() + FEED_DAYS_AHEAD * DAY) };
}

/** The feed's occurrences: its event's (any status), or every active event's for the organization's feed. */
function occurrencesWhere(feed: FeedSource, window: FeedWindow) {
  return and(
    eq(eventInstances.organizationId, feed.organizationId),
    feed.eventId ? eq(events.id, feed.eventId) : eq(events.status, "active"),
    gte(eventInstances.startsAt, window.from),
    lt(eventInstances.startsAt, window.to),
  );
}

const sameOrganization = and(eq(events.id, eventInstances.eventId), eq(events.organizationId, eventInstances.organizationId));

/**
 * Everything a feed's text depends on, in one cheap aggregate: the day (the window), the names and zones, and how
 * many occurrences there are and when any of them or their events last changed (every write bumps updated_at).
 */
export async function feedFingerprint(feed: FeedSource, window: FeedWindow): Promise<string> {
  const [row] = await getDb()
    .select({ rows: count(), instances: max(eventInstances.updatedAt), events: max(events.updatedAt) })
    .from(eventInstances)
    .innerJoin(events, sameOrganization)
    .where(occurrencesWhere(feed, window));
  const changed = [row?.instances, row?.events].map((date) => (date ? new Date(date).getTime() : 0));
  return JSON.stringify([window.today.getTime(), feed.orgName, feed.orgTimeZone, feed.eventTitle, row?.rows ?? 0, ...changed]);
}

/** The stored occurrences a feed holds in its window; past the cap, those nearest to today. Sorted by start. */
export async function listFeedOccurrences(feed: FeedSource, window: FeedWindow) {
  const rows = await getDb()
    .select({
      id: eventInstances.id,
      startsAt: eventInstances.startsAt,
      endsAt: eventInstances.endsAt,
      status: eventInstances.status,
      createdAt: eventInstances.createdAt,
      updatedAt: eventInstances.updatedAt,
      eventId: events.id,
      title: events.title,
      description: events.description,
      venueName: events.venueName,
      venueAddress: events.venueAddress,
      venueLat: events.venueLat,
      venueLng: events.venueLng,
      arrivalRadiusM: events.arrivalRadiusM,
      timeZone: events.timeZone,
    })
    .from(eventInstances)
    .innerJoin(events, sameOrganization)
    .where(occurrencesWhere(feed, window))
    .orderBy(sql`abs(extract(epoch from ${eventInstances.startsAt} - ${window.today.toISOString()}::timestamptz))`)
    .limit(FEED_MAX_OCCURRENCES);
  return rows.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime() || a.id.localeCompare(b.id));
}
