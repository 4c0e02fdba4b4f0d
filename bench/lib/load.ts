import autocannon, { type RequestContext, type Result } from "autocannon";
import { isStopping, sleep } from "./processes";

/** A batch posted to the ingest route: its points are keyed by (link, recordedAt), unique across the whole run. */
export type Batch = { id: number; link: number; firstMs: number; size: number; body: string };

const STEP_MS = 5; // recordedAt spacing of one link's points; every point of a run gets its own instant

function pointsBody(link: number, firstMs: number, size: number): string {
  const points = [];
  for (let i = 0; i < size; i++) {
    points.push({
      // Around Berlin; the bench venue is far away, so no batch ever triggers an arrival.
      lat: 52.5 + (link % 200) * 0.0005 + i * 0.00001,
      lng: 13.3 + Math.floor(link / 200) * 0.0005 + i * 0.00001,
      accuracy: 12,
      altitude: 40,
      speed: 1.4,
      heading: 90,
      recordedAt: new Date(firstMs + i * STEP_MS).toISOString(),
    });
  }
  return JSON.stringify({ points });
}

/**
 * What happened to every point sent to the ingest route. A batch is settled by its first answer: 2xx = accepted,
 * 4xx = refused (nothing stored), otherwise (no answer, timeout, 5xx) it stays unknown until `retryUnknown` gets a
 * definite answer for it. Points are idempotent, so resending an unknown batch is what a phone would do, too.
 */
export class Ledger {
  acceptedPoints = 0;
  acceptedRequests = 0;
  refusedPoints = 0;
  /** Responses whose `accepted` differed from the batch size. */
  acceptedMismatches = 0;
  refusedByStatus = new Map<number, number>();
  unknown = new Map<number, Batch>();
  private nextId = 1;
  private readonly counters: number[];

  constructor(
    readonly tokens: string[],
    private readonly firstInstantMs: number,
  ) {
    this.counters = tokens.map(() => 0);
  }

  private rr = 0;
  next(size: number): Batch {
    const link = this.rr++ % this.tokens.length;
    const firstMs = this.firstInstantMs + this.counters[link]! * STEP_MS;
    this.counters[link]! += size;
    const batch = { id: this.nextId++, link, firstMs, size, body: pointsBody(link, firstMs, size) };
    this.unknown.set(batch.id, batch);
    return batch;
  }

  path(batch: Batch): string {
    return `/api/track/${this.tokens[batch.link]}/points`;
  }

  settle(batch: Batch, status: number, body: string): void {
    if (status >= 200 && status < 300) {
      this.unknown.delete(batch.id);
      this.acceptedPoints += batch.size;
      this.acceptedRequests += 1;
      if (readAccepted(body) !== batch.size) this.acceptedMismatches += 1;
    } else if (status >= 400 && status < 500) {
      this.unknown.delete(batch.id);
      this.refusedPoints += batch.size;
      this.refusedByStatus.set(status, (this.refusedByStatus.get(status) ?? 0) + 1);
    }
  }

  get sentPoints(): number {
    return this.counters.reduce((sum, n) => sum + n, 0);
  }
}

function readAccepted(body: string): number | undefined {
  try {
    return (JSON.parse(body) as { accepted?: number }).accepted;
  } catch {
    return undefined;
  }
}

export type LoadResult = {
  durationS: number;
  requests2xx: number;
  non2xx: Record<string, number>;
  errors: number;
  timeouts: number;
  p50Ms: number;
  p99Ms: number;
  meanMs: number;
  reqPerS: number;
  /** Requests answered (any status). */
  answered: number;
  /** CPU time of the server's processes per answered request (µs), when measured: immune to other load. */
  cpuUsPerReq?: number;
};

/**
 * One bounded autocannon run against `url`. `makeBatch` gives each request its own body (and path); with
 * pipelining 1 a connection has one request in flight, so the context set when a request is built is the one its
 * response sees.
 */
export function drive(options: {
  url: string;
  connections: number;
  durationS: number;
  makeBatch: () => { path: string; body: string; batch?: Batch };
  onAnswer?: (batch: Batch, status: number, body: string) => void;
}): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url: options.url,
        connections: options.connections,
        pipelining: 1,
        duration: options.durationS,
        timeout: 10,
        requests: [
          {
            method: "POST",
            headers: { "content-type": "application/json" },
            setupRequest: (request, context: RequestContext) => {
              const { path, body, batch } = options.makeBatch();
              context.batch = batch;
              return { ...request, path, body };
            },
            onResponse: (status, body, context) => {
              const batch = context.batch as Batch | undefined;
              if (batch && options.onAnswer) options.onAnswer(batch, status, body);
            },
          },
        ],
      },
      (error, result) => (error ? reject(error) : resolve(summarize(result))),
    );
  });
}

function summarize(result: Result): LoadResult {
  const non2xx: Record<string, number> = {};
  let answered = 0;
  for (const [code, { count }] of Object.entries(result.statusCodeStats)) {
    answered += count;
    if (!code.startsWith("2")) non2xx[code] = count;
  }
  return {
    durationS: result.duration,
    requests2xx: result["2xx"],
    non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    meanMs: result.latency.mean,
    reqPerS: result["2xx"] / result.duration,
    answered,
  };
}

/**
 * Resends every batch whose outcome is unknown (in flight when the run stopped, timed out, 5xx) until it gets a
 * definite answer: 429 waits Retry-After, 5xx and network errors back off. Returns how many stayed unknown.
 */
export async function retryUnknown(ledger: Ledger, baseUrl: string, maxAttempts = 8): Promise<number> {
  const queue = [...ledger.unknown.values()];
  const worker = async () => {
    for (let batch = queue.shift(); batch && !isStopping(); batch = queue.shift()) {
      for (let attempt = 0; attempt < maxAttempts && ledger.unknown.has(batch.id); attempt++) {
        let wait = Math.min(500 * 2 ** attempt, 10_000);
        try {
          const response = await fetch(baseUrl + ledger.path(batch), {
            method: "POST",
            headers: { "content-type": "application/json" },
            body: batch.body,
            signal: AbortSignal.timeout(15_000),
          });
          const text = await response.text();
          if (response.status === 429) {
            wait = Math.min(Number(response.headers.get("retry-after") ?? 1), 60) * 1000;
          } else {
            ledger.settle(batch, response.status, text);
          }
        } catch {
          // network error: back off and resend
        }
        if (ledger.unknown.has(batch.id)) await sleep(wait);
      }
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  return ledger.unknown.size;
}

/** A body of the same size as the ingest route's, for the bare parse route. */
export function bareBody(size: number): string {
  return pointsBody(0, Date.now() - 60_000, size);
}
