import { logger } from "@/lib/logger";
import { metrics } from "@/lib/metrics";
import type { OrgContext } from "@/lib/tenant";
import { advanceFeed, newFeedCursor, type FeedCursor } from "./feed-tick";
import type { LiveSubject } from "./snapshot";

export type LiveStreamOptions = {
  /** How often the feed looks for changes; a change is sent at once, so a point shows within about this long. */
  intervalMs?: number;
  /** A ping this often keeps proxies from closing an idle stream and lets the page notice a dead one. */
  pingMs?: number;
  /** The stream ends after this long; EventSource reconnects, which re-checks the session and membership. */
  maxLifetimeMs?: number;
  /**
   * Whether the watcher may still see the occurrence (session on, still a member with the role): asked every
   * `recheckMs`, and a "no" ends the stream with `event: end`, so a removed member stops seeing names at once.
   */
  isStillAllowed?: () => Promise<boolean>;
  recheckMs?: number;
  /** The id of the last event the watcher applied (EventSource's Last-Event-ID): resume from there if possible. */
  lastEventId?: string | null;
  /** A feed nobody watches is kept this long, so a watcher who reconnects at once gets only what they missed. */
  lingerMs?: number;
};

const encoder = new TextEncoder();
const PING = encoder.encode("event: ping\ndata: {}\n\n");
const ACCESS_ENDED = encoder.encode('event: end\ndata: {"reason":"access_ended"}\n\n');
/** Deltas kept for resuming watchers: a minute at one tick per second. */
const RECENT = 60;

type Subscriber = (frame: Uint8Array) => void;
type Frame = { seq: number; bytes: Uint8Array };

/**
 * One occurrence's feed, computed once per interval for everyone in this process who watches it (the live map, the
 * arrival board, several staff at once): a snapshot for who joins, then a delta per tick in which anything changed.
 * Event ids are `<epoch>-<seq>`; the epoch is new for every feed, so an id from another feed or process never matches.
 */
type Feed = {
  ctx: OrgContext;
  subject: LiveSubject;
  subscribers: Set<Subscriber>;
  cursor: FeedCursor;
  epoch: string;
  seq: number;
  ready: boolean;
  recent: Frame[];
  snapshotFrame: Frame | null;
  timer: ReturnType<typeof setTimeout> | undefined;
  linger: ReturnType<typeof setTimeout> | undefined;
};

const feeds = new Map<string, Feed>();

/** Occurrence feeds running in this process (each with a watcher, or just left by one). */
export function activeLiveFeeds(): number {
  return feeds.size;
}

const frameOf = (feed: Feed, event: string, data: unknown): Frame => ({
  seq: feed.seq,
  bytes: encoder.encode(`id: ${feed.epoch}-${feed.seq}\nevent: ${event}\ndata: ${JSON.stringify(data)}\n\n`),
});

function snapshotFrame(feed: Feed): Uint8Array {
  if (feed.snapshotFrame?.seq !== feed.seq) feed.snapshotFrame = frameOf(feed, "snapshot", feed.cursor.state.snapshot());
  return feed.snapshotFrame.bytes;
}

/** What a joining watcher is sent: the deltas after their last event when this feed still has them, else a snapshot. */
function catchUp(feed: Feed, lastEventId: string | null | undefined): Uint8Array[] {
  const match = lastEventId ? /^([a-z0-9]{1,16})-(\d{1,12})$/.exec(lastEventId) : null;
  const seen = match && match[1] === feed.epoch ? Number(match[2]) : NaN;
  const oldest = feed.recent[0]?.seq ?? feed.seq + 1;
  if (seen >= oldest - 1 && seen <= feed.seq) return feed.recent.filter((f) => f.seq > seen).map((f) => f.bytes);
  return [snapshotFrame(feed)];
}

async function tick(feed: Feed) {
  const delta = await advanceFeed(feed.ctx, feed.subject, feed.cursor);
  if (!feed.ready) {
    feed.ready = true;
    const first = snapshotFrame(feed);
    for (const send of feed.subscribers) send(first);
    return;
  }
  if (!delta) return;
  feed.seq += 1;
  const frame = frameOf(feed, "delta", delta);
  feed.recent.push(frame);
  if (feed.recent.length > RECENT) feed.recent.shift();
  for (const send of feed.subscribers) send(frame.bytes);
}

function startFeed(id: string, ctx: OrgContext, subject: LiveSubject, intervalMs: number): Feed {
  const feed: Feed = {
    ctx,
    subject,
    subscribers: new Set(),
    cursor: newFeedCursor(),
    epoch: Math.random().toString(36).slice(2, 10),
    seq: 0,
    ready: false,
    recent: [],
    snapshotFrame: null,
    timer: undefined,
    linger: undefined,
  };
  feeds.set(id, feed);
  const loop = async () => {
    try {
      await tick(feed);
    } catch (error) {
      logger.warn({ err: error, instanceId: feed.subject.occurrence.id }, "live feed tick failed, trying again");
    }
    if (feeds.get(id) === feed) feed.timer = setTimeout(loop, intervalMs);
  };
  void loop();
  return feed;
}

/**
 * Joins the occurrence's feed (starting it for the first watcher) and returns how to leave it; a feed nobody watches
 * stops after `lingerMs`. The joining watcher's subject (loaded and authorized for them) replaces the feed's, so a
 * moved occurrence shows its new times.
 */
function joinFeed(ctx: OrgContext, subject: LiveSubject, options: { intervalMs: number; lingerMs: number; lastEventId?: string | null }, subscriber: Subscriber): () => void {
  const id = `${ctx.org.id}:${subject.occurrence.id}:${options.intervalMs}`;
  let feed = feeds.get(id);
  if (!feed) feed = startFeed(id, ctx, subject, options.intervalMs);
  else {
    feed.ctx = ctx;
    feed.subject = subject;
    clearTimeout(feed.linger);
    if (feed.ready) for (const frame of catchUp(feed, options.lastEventId)) subscriber(frame);
  }
  feed.subscribers.add(subscriber);
  const joined = feed;
  return () => {
    joined.subscribers.delete(subscriber);
    if (joined.subscribers.size > 0 || feeds.get(id) !== joined) return;
    const stop = () => {
      if (joined.subscribers.size > 0 || feeds.get(id) !== joined) return;
      feeds.delete(id);
      clearTimeout(joined.timer);
    };
    if (options.lingerMs > 0) joined.linger = setTimeout(stop, options.lingerMs);
    else stop();
  };
}

/**
 * Server-Sent Events for one occurrence: `event: snapshot` (a WireSnapshot) first, then `event: delta` (a WireDelta)
 * for every tick in which something changed, `event: ping` in between. A watcher resuming with the id of the last
 * event it applied gets only the deltas it missed, when the feed still has them.
 */
export function liveSnapshotStream(
  ctx: OrgContext,
  subject: LiveSubject,
  signal: AbortSignal,
  { intervalMs = 1_000, pingMs = 15_000, maxLifetimeMs = 5 * 60_000, isStillAllowed, recheckMs = 5_000, lastEventId, lingerMs = 15_000 }: LiveStreamOptions = {},
): ReadableStream<Uint8Array> {
  let stop = () => {};
  return new ReadableStream<Uint8Array>({
    start(controller) {
      let closed = false;
      let lastSentAt = Date.now();
      const send = (frame: Uint8Array) => {
        if (closed) return;
        controller.enqueue(frame);
        metrics.liveBytesSent.inc(frame.byteLength);
        lastSentAt = Date.now();
      };
      // An event, not a comment: EventSource hides comments from the page, whose watchdog needs to see it.
      const pinger = setInterval(() => {
        if (Date.now() - lastSentAt >= pingMs) send(PING);
      }, Math.min(pingMs, 1_000));
      const lifetime = setTimeout(() => stop(), maxLifetimeMs);
      const recheck = isStillAllowed
        ? setInterval(() => {
            void isStillAllowed().then(
              (allowed) => {
                if (allowed) return;
                send(ACCESS_ENDED);
                stop();
              },
              (error: unknown) => logger.warn({ err: error }, "live stream access re-check failed, trying again"),
            );
          }, recheckMs)
        : undefined;
      stop = () => {
        if (closed) return;
        closed = true;
        metrics.liveWatchers.dec();
        leave();
        clearInterval(pinger);
        clearInterval(recheck);
        clearTimeout(lifetime);
        signal.removeEventListener("abort", stop);
        try {
          controller.close();
        } catch {
          // Already closed by the client going away.
        }
      };
      signal.addEventListener("abort", stop);
      // Reconnect quickly after the server ends the stream or a network drop.
      controller.enqueue(encoder.encode("retry: 1000\n\n"));
      const leave = joinFeed(ctx, subject, { intervalMs, lingerMs, lastEventId }, send);
      metrics.liveWatchers.inc();
      if (signal.aborted) stop();
    },
    cancel() {
      stop();
    },
  });
}
