import { logger } from "@/lib/logger";
import type { OrgContext } from "@/lib/tenant/context";
import { buildLiveSnapshot, type LiveSubject } from "./snapshot";

export type LiveStreamOptions = {
  /** How often the snapshot is rebuilt; a change is sent at once, so a point shows within about this long. */
  intervalMs?: number;
  /** A ping this often keeps proxies from closing an idle stream and lets the page notice a dead one. */
  pingMs?: number;
  /** The stream ends after this long; EventSource reconnects, which re-checks the session and membership. */
  maxLifetimeMs?: number;
};

const encoder = new TextEncoder();

/**
 * Server-Sent Events for one occurrence: `event: snapshot` with the whole LiveSnapshot whenever anything in it
 * changed (checked every `intervalMs`), `event: ping` in between. The first message goes out at once.
 */
export function liveSnapshotStream(
  ctx: OrgContext,
  subject: LiveSubject,
  signal: AbortSignal,
  { intervalMs = 1_000, pingMs = 15_000, maxLifetimeMs = 5 * 60_000 }: LiveStreamOptions = {},
): ReadableStream<Uint8Array> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let closed = false;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      const started = Date.now();
      let lastKey = "";
      let lastSentAt = 0;
      const close = () => {
        if (closed) return;
        closed = true;
        clearTimeout(timer);
        try {
          controller.close();
        } catch {
          // Already closed by the client going away.
        }
      };
      signal.addEventListener("abort", close);
      // Reconnect quickly after the server ends the stream or a network drop.
      controller.enqueue(encoder.encode("retry: 1000\n\n"));

      const tick = async () => {
        if (closed) return;
        try {
          const snapshot = await buildLiveSnapshot(ctx, subject);
          // generatedAt changes every time; only what the people watching would see counts as a change.
          const key = JSON.stringify([snapshot.participants, snapshot.counts, snapshot.activity]);
          if (closed) return;
          if (key !== lastKey) {
            controller.enqueue(encoder.encode(`event: snapshot\ndata: ${JSON.stringify(snapshot)}\n\n`));
            lastKey = key;
            lastSentAt = Date.now();
          } else if (Date.now() - lastSentAt >= pingMs) {
            // An event, not a comment: EventSource hides comments from the page, whose watchdog needs to see it.
            controller.enqueue(encoder.encode("event: ping\ndata: {}\n\n"));
            lastSentAt = Date.now();
          }
        } catch (error) {
          logger.warn({ err: error, instanceId: subject.occurrence.id }, "live snapshot failed, trying again");
        }
        if (Date.now() - started >= maxLifetimeMs) return close();
        if (!closed) timer = setTimeout(tick, intervalMs);
      };
      void tick();
    },
    cancel() {
      closed = true;
      clearTimeout(timer);
    },
  });
}
