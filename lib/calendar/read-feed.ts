import { and, eq, gte, lt, sql } from "drizzle-orm";
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

/** The UTC day `now` falls in, so a feed read twice in a day is the same text (and the same ETag). */
export function feedWindow(now: Date): { from: Date; to: Date; today: Date } {
  const today = new Date(Math.floor(now.getTime() / DAY) * DAY);
  return { today, from: new Date(today.getTime() - FEED_DAYS_BACK * DAY), to: new Date(today.getTime() + FEED_DAYS_AHEAD * DAY) };
}

/**
 * The stored occurrences a feed holds in its window: the event's (any status), or every active event's for the
 * organization's feed. Past the cap, those nearest to today are kept. Sorted by start.
 */
export async function listFeedOccurrences(feed: FeedSource, window: { from: Date; to: Date; today: Date }) {
  const scope = feed.eventId ? eq(events.id, feed.eventId) : eq(events.status, "active");
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
    .innerJoin(events, and(eq(events.id, eventInstances.eventId), eq(events.organizationId, eventInstances.organizationId)))
    .where(
      and(
        eq(eventInstances.organizationId, feed.organizationId),
        scope,
        gte(eventInstances.startsAt, window.from),
        lt(eventInstances.startsAt, window.to),
      ),
    )
    .orderBy(sql`abs(extract(epoch from ${eventInstances.startsAt} - ${window.today.toISOString()}::timestamptz))`)
    .limit(FEED_MAX_OCCURRENCES);
  return rows.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime() || a.id.localeCompare(b.id));
}
