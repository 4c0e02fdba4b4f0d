import { logger } from "@/lib/logger";
import { metrics } from "@/lib/metrics";
import type { OrgContext } from "@/lib/tenant";
import { buildLiveSnapshot, type LiveSubject } from "./snapshot";

export type LiveStreamOptions = {
  /** How often the snapshot is rebuilt; a change is sent at once, so a point shows within about this long. */
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
};

const encoder = new TextEncoder();
const PING = encoder.encode("event: ping\ndata: {}\n\n");
const ACCESS_ENDED = encoder.encode('event: end\ndata: {"reason":"access_ended"}\n\n');

type Subscriber = (frame: Uint8Array) => void;

/**
 * One occurrence's snapshot, built once per interval for everyone in this process who watches it (the live map, the
 * arrival board, several staff at once), and sent to each only when it changed.
 */
type Feed = {
  ctx: OrgContext;
  subject: LiveSubject;
  subscribers: Set<Subscriber>;
  /** What the people watching would see (not generatedAt): a new snapshot is sent only when it differs. */
  key: string;
  frame: Uint8Array | null;
  timer: ReturnType<typeof setTimeout> | undefined;
};

const feeds = new Map<string, Feed>();

/** Occurrence feeds running in this process (each with at least one watcher). */
export function activeLiveFeeds(): number {
  return feeds.size;
}

/**
 * Joins the occurrence's feed (starting it for the first watcher) and returns how to leave it; the last one to leave
 * stops it. A watcher who joins a running feed gets its latest snapshot at once. The joining watcher's subject
 * (loaded and authorized for them) replaces the feed's, so a moved occurrence shows its new times.
 */
function joinFeed(ctx: OrgContext, subject: LiveSubject, intervalMs: number, subscriber: Subscriber): () => void {
  const id = `${ctx.org.id}:${subject.occurrence.id}:${intervalMs}`;
  let feed = feeds.get(id);
  if (!feed) {
    const created: Feed = { ctx, subject, subscribers: new Set(), key: "", frame: null, timer: undefined };
    feeds.set(id, created);
    const tick = async () => {
      try {
        const snapshot = await buildLiveSnapshot(created.ctx, created.subject);
        const key = JSON.stringify([snapshot.participants, snapshot.counts, snapshot.activity]);
        if (key !== created.key) {
          created.key = key;
          created.frame = encoder.encode(`event: snapshot\ndata: ${JSON.stringify(snapshot)}\n\n`);
          for (const send of created.subscribers) send(created.frame);
        }
      } catch (error) {
        logger.warn({ err: error, instanceId: created.subject.occurrence.id }, "live snapshot failed, trying again");
      }
      if (feeds.get(id) === created) created.timer = setTimeout(tick, intervalMs);
    };
    void tick();
    feed = created;
  } else {
    feed.ctx = ctx;
    feed.subject = subject;
    if (feed.frame) subscriber(feed.frame);
  }
  feed.subscribers.add(subscriber);
  const joined = feed;
  return () => {
    joined.subscribers.delete(subscriber);
    if (joined.subscribers.size === 0 && feeds.get(id) === joined) {
      feeds.delete(id);
      clearTimeout(joined.timer);
    }
  };
}

/**
 * Server-Sent Events for one occurrence: `event: snapshot` with the whole LiveSnapshot whenever anything in it
 * changed (checked every `intervalMs` by the occurrence's shared feed), `event: ping` in between. The first snapshot
 * goes out as soon as there is one.
 */
export function liveSnapshotStream(
  ctx: OrgContext,
  subject: LiveSubject,
  signal: AbortSignal,
  { intervalMs = 1_000, pingMs = 15_000, maxLifetimeMs = 5 * 60_000, isStillAllowed, recheckMs = 5_000 }: LiveStreamOptions = {},
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
      const leave = joinFeed(ctx, subject, intervalMs, send);
      metrics.liveWatchers.inc();
      if (signal.aborted) stop();
    },
    cancel() {
      stop();
    },
  });
}
