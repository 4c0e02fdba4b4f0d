import { z } from "zod";

// Client-safe: the dashboard reads the types and limits from here.

/** 32 random bytes, base64url: 43 characters. Anything else is not a feed, and is answered like an unknown one. */
export const FeedToken = z.string().regex(/^[A-Za-z0-9_-]{43}$/);
export type FeedToken = z.infer<typeof FeedToken>;

/** The last path segment of a feed's address: `<token>.ics` (calendar apps want the extension; the bare token works too). */
export const FeedFileName = z
  .string()
  .max(64)
  .transform((name) => name.replace(/\.ics$/i, ""))
  .pipe(FeedToken);

export const EventFeedInput = z.object({ eventId: z.uuid() });
export type EventFeedInput = z.infer<typeof EventFeedInput>;

/** Which occurrences a feed holds, around the day it is read. */
export const FEED_DAYS_BACK = 60;
export const FEED_DAYS_AHEAD = 400;
/** At most this many occurrences per feed: those nearest to today. */
export const FEED_MAX_OCCURRENCES = 2000;
/** Calendar apps are asked to poll this often (REFRESH-INTERVAL, X-PUBLISHED-TTL) and may cache a response this long. */
export const FEED_REFRESH_SECONDS = 3600;
export const FEED_CACHE_SECONDS = 300;
/** Requests per minute: per address (before the token is looked up) and per feed (every subscriber together). */
export const FEED_REQUESTS_PER_ADDRESS = 60;
export const FEED_REQUESTS_PER_FEED = 120;

export type FeedScope = "event" | "organization";

/** What the dashboard shows of a feed: its two addresses (https and webcal), never built from request headers. */
export type FeedAddress = { id: string; scope: FeedScope; url: string; webcalUrl: string; createdAt: Date };
