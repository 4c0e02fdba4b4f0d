import type { IngestResult, LinkRefusal } from "@/lib/tracking/schemas";
import {
  classifyResponse,
  emptyQueue,
  enqueue,
  FLUSH_INTERVAL_MS,
  isBigJump,
  parseStored,
  reportIntervalMs,
  retryNow,
  settle,
  takeBatch,
  type QueuedPoint,
  type QueueState,
  type SendOutcome,
} from "./point-queue";

// The glue between the pure queue and the browser: one request at a time, the queue mirrored to localStorage after
// every change (so a reload or a dead battery loses nothing), and a listener told whenever something visible changed.

export type SenderStatus = {
  pending: number;
  /** The last attempt failed (network, 5xx, 429) and the queue waits for the next one. */
  retrying: boolean;
  lastResult: IngestResult | null;
  /** Epoch ms of the last accepted batch. */
  lastSentAt: number | null;
  /** The link takes no more points (arrival counts): stop everything and show why. */
  ended: LinkRefusal | null;
};

export type SenderDeps = {
  url: string;
  storageKey: string;
  fetch: typeof fetch;
  storage: Pick<Storage, "getItem" | "setItem" | "removeItem"> | null;
  now: () => number;
  isOnline: () => boolean;
  onChange: (status: SenderStatus) => void;
  /** Metres between two fixes: a big jump from the last fix sent goes out at once. */
  distanceM?: (a: QueuedPoint, b: QueuedPoint) => number;
};

const REQUEST_TIMEOUT_MS = 20_000;

export class PointSender {
  private state: QueueState;
  private inFlight = false;
  private status: SenderStatus;
  /** How long a fix may wait before it is sent: what the server suggested in its last answer. */
  private intervalMs = FLUSH_INTERVAL_MS;
  private lastSent: QueuedPoint | null = null;

  constructor(private readonly deps: SenderDeps) {
    let stored: QueuedPoint[] = [];
    try {
      stored = parseStored(deps.storage?.getItem(deps.storageKey) ?? null);
    } catch {
      // Storage can be disabled (private mode, blocked cookies): the queue then lives in memory only.
    }
    this.state = { ...emptyQueue, points: stored };
    this.status = { pending: stored.length, retrying: false, lastResult: null, lastSentAt: null, ended: null };
  }

  get current(): SenderStatus {
    return this.status;
  }

  get reportIntervalMs(): number {
    return this.intervalMs;
  }

  add(point: QueuedPoint): void {
    if (this.status.ended) return;
    this.state = enqueue(this.state, point);
    this.persist();
    this.emit();
    // The first fix goes out at once, so the organizer sees "on the way" without waiting for a batch; so does a jump.
    const jumped = this.deps.distanceM !== undefined && isBigJump(this.lastSent, point, this.deps.distanceM);
    void this.flush(this.status.lastSentAt === null || jumped);
  }

  /** Called every second or so; sends when a batch is due. */
  tick(): void {
    this.emit();
    void this.flush(false);
  }

  /** Back online: skip what is left of a backoff and send at once. */
  wake(): void {
    this.state = retryNow(this.state);
    void this.flush(true);
  }

  /** The link is finished (stopped by the person, arrived, refused): forget the queue and send nothing more. */
  end(reason: LinkRefusal): void {
    this.state = emptyQueue;
    this.persist();
    this.emit({ ended: reason });
  }

  /** Sends what is due (or everything waiting, when forced). Resolves when this attempt is answered. */
  async flush(force: boolean, keepalive = false): Promise<void> {
    if (this.inFlight || this.status.ended || !this.deps.isOnline()) return;
    const batch = takeBatch(this.state, this.deps.now(), force, this.intervalMs);
    if (!batch) return;
    this.inFlight = true;
    const outcome = await this.post(batch, keepalive);
    this.inFlight = false;
    this.state = settle(this.state, batch, outcome, this.deps.now());
    let ended: LinkRefusal | null = null;
    const patch: Partial<SenderStatus> = {};
    if (outcome.kind === "accepted") {
      Object.assign(patch, { lastResult: outcome.result, lastSentAt: this.deps.now() });
      this.intervalMs = reportIntervalMs(outcome.result.nextReportInMs);
      this.lastSent = batch[batch.length - 1]!;
      if (outcome.result.journey === "arrived") ended = "arrived";
    } else if (outcome.kind === "refused") {
      ended = outcome.reason;
    }
    if (ended) {
      this.state = emptyQueue;
      patch.ended = ended;
    }
    this.persist();
    this.emit(patch);
    // A backlog (after being offline) drains batch after batch while the server keeps accepting.
    if (!ended && (outcome.kind === "accepted" || outcome.kind === "rejected") && this.state.points.length > 0) {
      await this.flush(force, keepalive);
    }
  }

  private async post(batch: QueuedPoint[], keepalive: boolean): Promise<SendOutcome> {
    try {
      const response = await this.deps.fetch(this.deps.url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ points: batch }),
        keepalive,
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
      const body: unknown = await response.json().catch(() => null);
      return classifyResponse(response.status, body, response.headers.get("retry-after"));
    } catch {
      return classifyResponse(0, null, null);
    }
  }

  private persist(): void {
    try {
      if (this.state.points.length === 0) this.deps.storage?.removeItem(this.deps.storageKey);
      else this.deps.storage?.setItem(this.deps.storageKey, JSON.stringify(this.state.points));
    } catch {
      // Quota or disabled storage: the points stay in memory and are still sent.
    }
  }

  private emit(patch: Partial<SenderStatus> = {}): void {
    const next: SenderStatus = {
      ...this.status,
      ...patch,
      pending: this.state.points.length,
      // Until a send works again (not just while a delay runs), so the status does not flicker between tries.
      retrying: this.state.retryAt > 0,
    };
    const prev = this.status;
    this.status = next;
    if (
      prev.pending !== next.pending ||
      prev.retrying !== next.retrying ||
      prev.lastResult !== next.lastResult ||
      prev.ended !== next.ended ||
      prev.lastSentAt !== next.lastSentAt
    ) {
      this.deps.onChange(next);
    }
  }
}
