// Rendering is the costly part of a feed (ical-generator takes ~0.1 ms per occurrence, measured: ~200 ms for 2,000),
// and calendar apps poll unchanged feeds over and over. So this process keeps the latest text of the most recently
// read feeds, each under a fingerprint of everything the text is made from (see feedFingerprint); a change anywhere
// changes the fingerprint. The token is still looked up on every request, so a regenerated address stops at once.

export type RenderedFeed = { fingerprint: string; body: string; etag: string };

const MAX_FEEDS = 50;
const feeds = new Map<string, RenderedFeed>();

export function cachedFeed(feedId: string, fingerprint: string): RenderedFeed | undefined {
  const entry = feeds.get(feedId);
  if (!entry || entry.fingerprint !== fingerprint) return undefined;
  // Most recently used last: the first key is the one to drop.
  feeds.delete(feedId);
  feeds.set(feedId, entry);
  return entry;
}

export function rememberFeed(feedId: string, entry: RenderedFeed): void {
  feeds.delete(feedId);
  feeds.set(feedId, entry);
  while (feeds.size > MAX_FEEDS) feeds.delete(feeds.keys().next().value!);
}
