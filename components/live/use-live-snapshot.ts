"use client";

import { startTransition, useEffect, useState } from "react";
import type { LiveSnapshot } from "@/lib/live/types";
import { applyDelta, decodeSnapshot } from "@/lib/live/wire";
import { openLiveStream, type LiveConnection } from "./live-stream";

export type { LiveConnection } from "./live-stream";

type Options = {
  /** Without any event for this long the stream is taken for dead (a half-open connection never errors). */
  watchdogMs?: number;
  /** A reconnect quicker than this (the server ends streams now and then) does not flash "Reconnecting…". */
  graceMs?: number;
};

const newer = (a: LiveSnapshot, b: LiveSnapshot) => (Date.parse(b.generatedAt) > Date.parse(a.generatedAt) ? b : a);

/**
 * The occurrence's live snapshot: `initial` from the page's HTML, then the Server-Sent Events stream at `url`
 * (openLiveStream keeps it open): a whole snapshot, then deltas applied in place (unchanged participants keep their
 * objects, so their rows and map features are left alone).
 */
export function useLiveSnapshot(
  initial: LiveSnapshot,
  url: string,
  { watchdogMs = 25_000, graceMs = 1_500 }: Options = {},
): { snapshot: LiveSnapshot; connection: LiveConnection } {
  const [snapshot, setSnapshot] = useState(initial);
  // The snapshot in the page is fresh: "Live" until the first connection takes longer than the grace period.
  const [connection, setConnection] = useState<LiveConnection>("live");
  // A newer page render (e.g. after a server action revalidated the page) wins over an older stream message.
  const [seenInitial, setSeenInitial] = useState(initial);
  if (initial !== seenInitial) {
    setSeenInitial(initial);
    setSnapshot((current) => newer(current, initial));
  }

  useEffect(
    () =>
      openLiveStream(
        url,
        {
          // Transitions: React renders the list in slices that yield to the browser (clicks, map frames) instead of
          // one long task per message, which matters with thousands of people moving.
          snapshot: (wire) => startTransition(() => setSnapshot(decodeSnapshot(wire))),
          delta: (delta) => startTransition(() => setSnapshot((current) => applyDelta(current, delta))),
          connection: setConnection,
        },
        { watchdogMs, graceMs },
      ),
    [url, watchdogMs, graceMs],
  );

  return { snapshot, connection };
}

/**
 * "Now" on the server's clock, for "in 9 min" and "seen 2 min ago": the snapshot's `generatedAt` plus the time
 * elapsed since it arrived, so a phone or kiosk with a wrong clock still counts right. Starts at `generatedAt`
 * (the same on the server and in the browser, so hydration matches) and ticks every `intervalMs`.
 */
export function useServerNow(generatedAt: string, intervalMs = 10_000): number {
  const [clock, setClock] = useState({ key: generatedAt, elapsedMs: 0 });
  useEffect(() => {
    const start = performance.now();
    const timer = setInterval(() => setClock({ key: generatedAt, elapsedMs: performance.now() - start }), intervalMs);
    return () => clearInterval(timer);
  }, [generatedAt, intervalMs]);
  return Date.parse(generatedAt) + (clock.key === generatedAt ? clock.elapsedMs : 0);
}
