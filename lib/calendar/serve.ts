import { createHash } from "node:crypto";
import { AppError } from "@/lib/errors";
import { addressBucket, appUrl } from "@/lib/http";
import { createRateLimiter, enforceRateLimit, type RateLimiter } from "@/lib/rate-limit";
import { renderCalendar } from "./ics";
import { cachedFeed, rememberFeed } from "./feed-cache";
import { feedFingerprint, feedWindow, findFeedByToken, listFeedOccurrences } from "./read-feed";
import { FEED_REQUESTS_PER_ADDRESS, FEED_REQUESTS_PER_FEED, FeedFileName } from "./schemas";

let limiters: { byAddress: RateLimiter; byFeed: RateLimiter } | undefined;
function rateLimiters() {
  limiters ??= {
    byAddress: createRateLimiter({ prefix: "calendar-ip", limit: FEED_REQUESTS_PER_ADDRESS, windowSeconds: 60 }),
    byFeed: createRateLimiter({ prefix: "calendar-feed", limit: FEED_REQUESTS_PER_FEED, windowSeconds: 60 }),
  };
  return limiters;
}

const TOO_MANY = "Too many requests for this calendar: try again later.";

/** Unknown, regenerated and malformed addresses all get this, so none of them tells anything. */
const notFound = () => new AppError("NOT_FOUND", "Not found.");

/** `notModified`: the client's If-None-Match already names this text (answer 304, no body). */
export type ServedFeed = { body: string; etag: string; filename: string; notModified: boolean };

function matchesEtag(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(",").some((tag) => tag.trim().replace(/^W\//, "") === etag || tag.trim() === "*");
}

/**
 * A feed's iCalendar text for the last segment of its address (`<token>.ics`). Counted per client address before
 * the token is looked up (guessing costs the guesser), then per feed (every subscriber of one address together).
 */
export async function serveCalendarFeed(input: {
  file: string;
  address: string | null;
  ifNoneMatch?: string | null;
  now?: Date;
}): Promise<ServedFeed> {
  const { byAddress, byFeed } = rateLimiters();
  if (input.address) await enforceRateLimit(byAddress, addressBucket(input.address), TOO_MANY);
  const token = FeedFileName.safeParse(input.file);
  if (!token.success) throw notFound();
  const feed = await findFeedByToken(token.data);
  if (!feed) throw notFound();
  await enforceRateLimit(byFeed, `${feed.organizationId}:${feed.feedId}`, TOO_MANY);
  const window = feedWindow(input.now ?? new Date());
  // The fingerprint is read before the rows: a change in between makes the next request's fingerprint differ.
  const fingerprint = await feedFingerprint(feed, window);
  let rendered = cachedFeed(feed.feedId, fingerprint);
  if (!rendered) {
    const body = renderCalendar(feed, await listFeedOccurrences(feed, window), { appUrl: appUrl(), window });
    rendered = { fingerprint, body, etag: `"${createHash("sha256").update(body).digest("base64url").slice(0, 32)}"` };
    rememberFeed(feed.feedId, rendered);
  }
  const { body, etag } = rendered;
  return {
    body,
    etag,
    filename: feed.eventId ? "event.ics" : "calendar.ics",
    notModified: matchesEtag(input.ifNoneMatch ?? null, etag),
  };
}
