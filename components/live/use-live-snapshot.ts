"use client";

import { useEffect, useState } from "react";
import type { LiveSnapshot } from "@/lib/live/types";

/** "ended": the server closed the stream for good (signed out, removed, or the role no longer allows it). */
export type LiveConnection = "live" | "reconnecting" | "ended";

type Options = {
  /** Without any event for this long the stream is taken for dead (a half-open connection never errors). */
  watchdogMs?: number;
  /** A reconnect quicker than this (the server ends streams now and then) does not flash "Reconnecting…". */
  graceMs?: number;
};

const newer = (a: LiveSnapshot, b: LiveSnapshot) => (Date.parse(b.generatedAt) > Date.parse(a.generatedAt) ? b : a);

/**
 * The occurrence's live snapshot: `initial` from the page's HTML, then every `event: snapshot` from the
 * Server-Sent Events stream at `url`. EventSource retries dropped connections itself; this also reopens it when it
 * gave up (an HTTP error closes it for good) and when nothing, not even an `event: ping`, arrived for `watchdogMs`.
 * SSE comments (`: ping`) are invisible to EventSource, so only events keep the watchdog quiet.
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

  useEffect(() => {
    let source: EventSource | null = null;
    let watchdog: ReturnType<typeof setTimeout> | undefined;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let down: ReturnType<typeof setTimeout> | undefined;
    let failures = 0;
    let stopped = false;

    const markDown = () => {
      down ??= setTimeout(() => setConnection("reconnecting"), graceMs);
    };
    const markUp = () => {
      clearTimeout(down);
      down = undefined;
      setConnection("live");
    };
    const armWatchdog = () => {
      clearTimeout(watchdog);
      watchdog = setTimeout(reopen, watchdogMs);
    };
    const onSnapshot = (event: MessageEvent<string>) => {
      armWatchdog();
      failures = 0;
      markUp();
      try {
        setSnapshot(JSON.parse(event.data) as LiveSnapshot);
      } catch {
        // A malformed message is dropped; the next one carries the whole state again.
      }
    };
    const onAlive = () => {
      armWatchdog();
      failures = 0;
      markUp();
    };
    const onEnd = () => {
      stopped = true;
      clearTimeout(down);
      close();
      setConnection("ended");
    };
    const onError = () => {
      if (stopped) return;
      markDown();
      // CONNECTING: the browser retries by itself. CLOSED: it gave up (HTTP error, wrong content type).
      if (source?.readyState === EventSource.CLOSED) {
        clearTimeout(retry);
        failures += 1;
        retry = setTimeout(reopen, Math.min(15_000, 1_000 * 2 ** Math.min(failures - 1, 4)));
      }
    };
    function open() {
      if (stopped) return;
      source = new EventSource(url);
      source.addEventListener("snapshot", onSnapshot);
      source.addEventListener("ping", onAlive);
      source.addEventListener("end", onEnd);
      source.addEventListener("message", onAlive);
      source.addEventListener("open", onAlive);
      source.addEventListener("error", onError);
      armWatchdog();
      markDown();
    }
    function close() {
      clearTimeout(watchdog);
      clearTimeout(retry);
      source?.close();
      source = null;
    }
    function reopen() {
      close();
      open();
    }
    const onOnline = () => {
      if (source?.readyState !== EventSource.OPEN) reopen();
    };

    open();
    window.addEventListener("online", onOnline);
    return () => {
      stopped = true;
      window.removeEventListener("online", onOnline);
      clearTimeout(down);
      close();
    };
  }, [url, watchdogMs, graceMs]);

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
