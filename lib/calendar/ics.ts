import { TZDate } from "@date-fns/tz";
import ical, { ICalEventStatus } from "ical-generator";
import type { FeedOccurrence, FeedSource } from "./read-feed";
import { FEED_REFRESH_SECONDS } from "./schemas";
import { vtimezone } from "./vtimezone";

const MAX_SEQUENCE = 2_147_483_647;

/**
 * SEQUENCE grows with every change to the occurrence row (moved, cancelled, re-timed by an edit): the seconds from
 * its creation to its last change, rounded up, so any change counts. An untouched occurrence is 0.
 */
export function sequenceOf(occurrence: Pick<FeedOccurrence, "createdAt" | "updatedAt">): number {
  const seconds = Math.ceil((occurrence.updatedAt.getTime() - occurrence.createdAt.getTime()) / 1000);
  return Math.min(MAX_SEQUENCE, Math.max(0, seconds));
}

function location(occurrence: FeedOccurrence) {
  return {
    title: occurrence.venueName,
    address: occurrence.venueAddress || undefined,
    radius: occurrence.arrivalRadiusM,
    geo: { lat: occurrence.venueLat, lon: occurrence.venueLng },
  };
}

type RenderOptions = { appUrl: string; window: { from: Date; to: Date } };

/**
 * The iCalendar text of a feed: one VEVENT per occurrence with a stable UID, its times in the event's zone (TZID)
 * with a VTIMEZONE per zone for the feed's window. TZDate makes ical-generator write the zone's wall time whatever
 * the server's own zone is (a plain Date would be read in the host's zone).
 */
export function renderCalendar(feed: FeedSource, occurrences: FeedOccurrence[], options: RenderOptions): string {
  const zone = feed.eventTimeZone ?? feed.orgTimeZone;
  const calendar = ical({
    name: feed.eventTitle ? `${feed.eventTitle} · ${feed.orgName}` : feed.orgName,
    prodId: { company: "Event-Coming", product: "Calendar feed", language: "EN" },
    ttl: FEED_REFRESH_SECONDS,
    // No calendar-wide zone name: DTSTAMP, CREATED and LAST-MODIFIED then stay in UTC; the generator still writes
    // a VTIMEZONE for every zone the events use.
    timezone: { name: null, generator: (tz) => vtimezone(tz, options.window.from, options.window.to) },
  });
  calendar.x("X-WR-TIMEZONE", zone);
  for (const occurrence of occurrences) {
    calendar.createEvent({
      id: `${occurrence.id}@event-coming`,
      sequence: sequenceOf(occurrence),
      stamp: occurrence.updatedAt,
      created: occurrence.createdAt,
      lastModified: occurrence.updatedAt,
      start: new TZDate(occurrence.startsAt.getTime(), occurrence.timeZone),
      end: new TZDate(occurrence.endsAt.getTime(), occurrence.timeZone),
      timezone: occurrence.timeZone,
      summary: occurrence.title,
      description: occurrence.description || null,
      location: location(occurrence),
      status: occurrence.status === "cancelled" ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      url: `${options.appUrl}/${feed.orgSlug}/occurrences/${occurrence.id}`,
    });
  }
  return calendar.toString();
}
