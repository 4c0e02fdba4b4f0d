"use client";

import type { WireDelta, WireSnapshot } from "@/lib/live/wire";

/** "ended": the server closed the stream for good (signed out, removed, or the role no longer allows it). */
export type LiveConnection = "live" | "reconnecting" | "ended";

export type LiveStreamHandlers = {
  snapshot: (snapshot: WireSnapshot) => void;
  delta: (delta: WireDelta) => void;
  connection: (state: LiveConnection) => void;
};
type Timings = { watchdogMs: number; graceMs: number };

/**
 * Opens the Server-Sent Events stream at `url` and keeps it open: EventSource retries dropped connections itself; this
 * also reopens it when it gave up (an HTTP error closes it for good) and when nothing, not even an `event: ping`,
 * arrived for `watchdogMs`. SSE comments (`: ping`) are invisible to EventSource, so only events keep the watchdog
 * quiet. `event: end` (access ended on the server) closes it for good. A reopened stream names the last event applied,
 * so the server sends only the deltas missed (or a snapshot when it cannot). Returns how to close it.
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
  /** The id of the last snapshot or delta applied: where a reopened stream resumes. */
  private lastEventId = "";

  constructor(
    private readonly url: string,
    private readonly on: LiveStreamHandlers,
    private readonly timings: Timings,
  ) {}

  open() {
    if (this.stopped) return;
    const url = new URL(this.url, window.location.href);
    if (this.lastEventId) url.searchParams.set("lastEventId", this.lastEventId);
    const source = new EventSource(url);
    this.source = source;
    source.addEventListener("snapshot", (event) => this.onFrame(event, (data) => this.on.snapshot(data as WireSnapshot)));
    source.addEventListener("delta", (event) => this.onFrame(event, (data) => this.on.delta(data as WireDelta)));
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

  private onFrame(event: MessageEvent<string>, apply: (data: unknown) => void) {
    this.onAlive();
    let data: unknown;
    try {
      data = JSON.parse(event.data);
    } catch {
      // A delta cannot be skipped: start again from a whole snapshot.
      this.lastEventId = "";
      this.reopen();
      return;
    }
    apply(data);
    this.lastEventId = event.lastEventId;
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
