"use client";

import type { LiveSnapshot } from "@/lib/live/types";

/** "ended": the server closed the stream for good (signed out, removed, or the role no longer allows it). */
export type LiveConnection = "live" | "reconnecting" | "ended";

export type LiveStreamHandlers = {
  snapshot: (snapshot: LiveSnapshot) => void;
  connection: (state: LiveConnection) => void;
};
type Timings = { watchdogMs: number; graceMs: number };

/**
 * Opens the Server-Sent Events stream at `url` and keeps it open: EventSource retries dropped connections itself; this
 * also reopens it when it gave up (an HTTP error closes it for good) and when nothing, not even an `event: ping`,
 * arrived for `watchdogMs`. SSE comments (`: ping`) are invisible to EventSource, so only events keep the watchdog
 * quiet. `event: end` (access ended on the server) closes it for good. Returns how to close it.
 */
export function openLiveStream(url: string, on: LiveStreamHandlers, timings: Timings): () => void {
  const stream = new LiveStream(url, on, timings);
  const onOnline = () => stream.reopenIfDown();
  stream.open();
  window.addEventListener("online", onOnline);
  return () => {
    window.removeEventListener("online", onOnline);
    stream.stop();
  };
}

class LiveStream {
  private source: EventSource | null = null;
  private watchdog: ReturnType<typeof setTimeout> | undefined;
  private retry: ReturnType<typeof setTimeout> | undefined;
  private down: ReturnType<typeof setTimeout> | undefined;
  private failures = 0;
  private stopped = false;

  constructor(
    private readonly url: string,
    private readonly on: LiveStreamHandlers,
    private readonly timings: Timings,
  ) {}

  open() {
    if (this.stopped) return;
    const source = new EventSource(this.url);
    this.source = source;
    source.addEventListener("snapshot", (event) => this.onSnapshot(event));
    for (const alive of ["ping", "message", "open"]) source.addEventListener(alive, () => this.onAlive());
    source.addEventListener("end", () => this.end());
    source.addEventListener("error", () => this.onError());
    this.armWatchdog();
    this.markDown();
  }

  reopenIfDown() {
    if (this.source?.readyState !== EventSource.OPEN) this.reopen();
  }

  stop() {
    this.stopped = true;
    clearTimeout(this.down);
    this.close();
  }

  private onSnapshot(event: MessageEvent<string>) {
    this.onAlive();
    try {
      this.on.snapshot(JSON.parse(event.data) as LiveSnapshot);
    } catch {
      // A malformed message is dropped; the next one carries the whole state again.
    }
  }

  private onAlive() {
    this.armWatchdog();
    this.failures = 0;
    clearTimeout(this.down);
    this.down = undefined;
    this.on.connection("live");
  }

  private end() {
    this.stop();
    this.on.connection("ended");
  }

  private onError() {
    if (this.stopped) return;
    this.markDown();
    // CONNECTING: the browser retries by itself. CLOSED: it gave up (HTTP error, wrong content type).
    if (this.source?.readyState === EventSource.CLOSED) {
      clearTimeout(this.retry);
      this.failures += 1;
      this.retry = setTimeout(() => this.reopen(), Math.min(15_000, 1_000 * 2 ** Math.min(this.failures - 1, 4)));
    }
  }

  /** A reconnect quicker than the grace period does not flash "Reconnecting…". */
  private markDown() {
    this.down ??= setTimeout(() => this.on.connection("reconnecting"), this.timings.graceMs);
  }

  private armWatchdog() {
    clearTimeout(this.watchdog);
    this.watchdog = setTimeout(() => this.reopen(), this.timings.watchdogMs);
  }

  private reopen() {
    this.close();
    this.open();
  }

  private close() {
    clearTimeout(this.watchdog);
    clearTimeout(this.retry);
    this.source?.close();
    this.source = null;
  }
}
