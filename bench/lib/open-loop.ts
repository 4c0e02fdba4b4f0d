/** One step of an open-loop load: what was sent, how it was answered, and the latency percentiles. */
export type StepResult = {
  participants: number;
  sent: number;
  ok: number;
  /** Answers other than 2xx, and requests with no answer (network error, timeout), by status or "error". */
  failed: Record<string, number>;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
};

const INTERVAL_MS = 5_000;
const TIMEOUT_MS = 10_000;

/**
 * An open-loop load: `participants` phones, each posting one request every 5 s (spread evenly over the interval), for
 * `durationS`; a slow server does not slow the senders down (they do not wait for answers), so queueing shows in the
 * latency. Latency is measured from the instant a request was due, so a late timer counts against the server too.
 */
export async function openLoop(options: {
  url: string;
  participants: number;
  durationS: number;
  request: (participant: number) => { path: string; body: string; settle?: (status: number, body: string) => void };
}): Promise<StepResult> {
  const { participants, durationS } = options;
  const latencies: number[] = [];
  const failed: Record<string, number> = {};
  let sent = 0;
  let ok = 0;
  const inFlight: Promise<void>[] = [];
  const send = async (participant: number, dueAt: number) => {
    sent++;
    const { path, body, settle } = options.request(participant);
    try {
      const response = await fetch(options.url + path, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body,
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      const text = await response.text();
      latencies.push(performance.now() - dueAt);
      settle?.(response.status, text);
      if (response.ok) ok++;
      else failed[String(response.status)] = (failed[String(response.status)] ?? 0) + 1;
    } catch {
      failed.error = (failed.error ?? 0) + 1;
    }
  };
  const started = performance.now();
  const end = started + durationS * 1000;
  const timers: NodeJS.Timeout[] = [];
  await new Promise<void>((resolve) => {
    for (let i = 0; i < participants; i++) {
      const offset = (i * INTERVAL_MS) / participants;
      let due = started + offset;
      const tick = () => {
        if (due >= end) return;
        inFlight.push(send(i, due));
        due += INTERVAL_MS;
        timers.push(setTimeout(tick, Math.max(0, due - performance.now())));
      };
      timers.push(setTimeout(tick, offset));
    }
    timers.push(setTimeout(resolve, durationS * 1000));
  });
  for (const timer of timers) clearTimeout(timer);
  await Promise.all(inFlight);
  latencies.sort((a, b) => a - b);
  const at = (q: number) => (latencies.length === 0 ? 0 : latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!);
  return { participants, sent, ok, failed, p50Ms: at(0.5), p99Ms: at(0.99), maxMs: latencies.at(-1) ?? 0 };
}

/**
 * The largest N that passes, searched by doubling from `start` until a step fails (or `max`), then bisecting the gap
 * `bisections` times. A step passes when every request got a 2xx and p99 < the limit.
 */
export async function searchCapacity(options: {
  start: number;
  max: number;
  bisections: number;
  step: (participants: number) => Promise<StepResult>;
  passes: (result: StepResult) => boolean;
  log: (line: string) => void;
}): Promise<{ best: StepResult | null; steps: StepResult[] }> {
  const steps: StepResult[] = [];
  let best: StepResult | null = null;
  let failAt: number | null = null;
  const run = async (n: number) => {
    const result = await options.step(n);
    steps.push(result);
    const pass = options.passes(result);
    options.log(
      `    N=${String(n).padStart(5)}: ${result.sent} sent, p50 ${result.p50Ms.toFixed(0)} ms, p99 ${result.p99Ms.toFixed(0)} ms` +
        (Object.keys(result.failed).length > 0 ? `, failed ${JSON.stringify(result.failed)}` : "") +
        ` → ${pass ? "pass" : "fail"}`,
    );
    if (pass && (!best || n > best.participants)) best = result;
    if (!pass) failAt = Math.min(failAt ?? Infinity, n);
    return pass;
  };
  for (let n = options.start; n <= options.max; n *= 2) {
    if (!(await run(n))) break;
    if (n * 2 > options.max && n < options.max) await run(options.max);
  }
  for (let i = 0; i < options.bisections && failAt !== null; i++) {
    const low: number = (best as StepResult | null)?.participants ?? 0;
    const mid = Math.round((low + failAt) / 2);
    if (failAt - low < Math.max(20, low * 0.08) || mid === low) break;
    await run(mid);
  }
  return { best, steps };
}

/** `count` Server-Sent Events connections reading the live map's stream and counting its bytes, until `stop()`. */
export function watchLive(url: string, cookie: string, count: number) {
  const controller = new AbortController();
  let bytes = 0;
  const statuses: number[] = [];
  const watchers = Array.from({ length: count }, async () => {
    try {
      const response = await fetch(url, { headers: { cookie }, signal: controller.signal });
      statuses.push(response.status);
      const reader = response.body!.getReader();
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        bytes += value.byteLength;
      }
    } catch {
      // aborted at the end
    }
  });
  return {
    statuses,
    bytes: () => bytes,
    stop: async () => {
      controller.abort();
      await Promise.all(watchers);
    },
  };
}
