import { createHmac } from "node:crypto";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { connectTestDatabase } from "@/test/database";
import type { LocalRunner } from "@/inngest/local-runner";

// Real actions through the real routes and runners (PostgreSQL, Redis through the Upstash bridge, the log transport
// for WhatsApp), then a scrape of /api/metrics: the counters a Prometheus would alert on must move.
const METRICS_TOKEN = "metrics-token-for-the-metrics-test";
process.env.METRICS_TOKEN = METRICS_TOKEN;
connectTestDatabase();
const { GET } = await import("@/app/api/metrics/route");
const { POST: postWebhook } = await import("@/app/api/webhooks/whatsapp/route");
const { eventOf, flushLocationBufferJob, runScheduledActionJob, scheduledActionClaimed } = await import("@/lib/jobs");
const { refreshEtas } = await import("@/lib/live");
const { loadLiveSubject } = await import("@/lib/live/snapshot");
const { liveSnapshotStream } = await import("@/lib/live/stream");
const { webhookSecret } = await import("@/lib/whatsapp/secrets");
const { startLocalRunner } = await import("@/inngest/local-runner");
const { given } = await import("@/test/given");
const { point, postPoints: post } = await import("@/test/tracking");

const params = <P>(p: P) => ({ params: Promise.resolve(p) });

async function scrape(headers: Record<string, string> = { authorization: `Bearer ${METRICS_TOKEN}` }) {
  return GET(new Request("http://test/api/metrics", { headers }), params({}));
}

/** The value of one sample in Prometheus' text format; 0 when the series has not been written yet. */
async function sample(name: string, labels: Record<string, string> = {}): Promise<number> {
  const text = await (await scrape()).text();
  const wanted = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  for (const line of text.split("\n")) {
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const have = match[2] ? match[2].split(",") : [];
    if (wanted.length === have.length && wanted.every((w) => have.includes(w))) return Number(match[3]);
  }
  return 0;
}

let runner: LocalRunner | undefined;
afterEach(() => runner?.stop());

describe("GET /api/metrics", () => {
  it("answers 401 with the JSON error shape without the right bearer token, and never shows a metric", async () => {
    const attempts: Record<string, string>[] = [{}, { authorization: "Bearer wrong-token-wrong-token-wrong" }, { authorization: METRICS_TOKEN }];
    for (const headers of attempts) {
      const response = await scrape(headers);
      expect(response.status).toBe(401);
      expect(await response.json()).toMatchObject({ error: { code: "UNAUTHORIZED", message: expect.any(String) } });
    }
  });

  it("serves Prometheus' text format, with the Node process metrics", async () => {
    const response = await scrape();
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await response.text();
    expect(text).toContain("# TYPE ec_tracking_batches_total counter");
    expect(text).toContain("# TYPE ec_eta_refresh_duration_seconds histogram");
    expect(await sample("process_cpu_seconds_total")).toBeGreaterThan(0);
    expect(await sample("nodejs_heap_size_used_bytes")).toBeGreaterThan(0);
  });
});

describe("metrics after real actions", () => {
  let setup: Awaited<ReturnType<typeof openOccurrence>>;
  const openOccurrence = () => given.org().occurrence({ open: true }).people(2).links();
  beforeAll(async () => {
    setup = await openOccurrence();
  });

  it("counts accepted points, and refused batches by reason", async () => {
    const accepted = await sample("ec_tracking_batches_total", { result: "accepted" });
    const points = await sample("ec_tracking_points_accepted_total");
    const unknown = await sample("ec_tracking_batches_total", { result: "unknown" });
    const invalid = await sample("ec_tracking_batches_total", { result: "invalid" });

    const now = Date.now();
    const ok = await post(setup.people[0]!.link.token, { points: [point(2000, new Date(now - 9_000)), point(1990, new Date(now - 4_000))] });
    expect(ok.status).toBe(200);
    expect((await post("x".repeat(43), { points: [point(10, new Date(now))] })).status).toBe(404);
    expect((await post(setup.people[0]!.link.token, { points: [{ ...point(10, new Date(now)), lat: 200 }] })).status).toBe(422);

    expect(await sample("ec_tracking_batches_total", { result: "accepted" })).toBe(accepted + 1);
    expect(await sample("ec_tracking_points_accepted_total")).toBe(points + 2);
    expect(await sample("ec_tracking_batches_total", { result: "unknown" })).toBe(unknown + 1);
    expect(await sample("ec_tracking_batches_total", { result: "invalid" })).toBe(invalid + 1);
  });

  it("shows what waits in the Redis buffer and how long, and a flush job run empties it", async () => {
    await post(setup.people[1]!.link.token, { points: [point(1500, new Date(Date.now() - 3_000))] });
    expect(await sample("ec_location_buffer_batches", { list: "buffer" })).toBeGreaterThan(0);
    expect(await sample("ec_location_buffer_oldest_age_seconds")).toBeGreaterThan(0);
    const runs = await sample("ec_job_runs_total", { job: "flush-location-buffer", outcome: "ok" });
    const flushed = await sample("ec_location_flush_points_total");

    // Not on start: the run this test makes is the one it counts.
    runner = startLocalRunner([{ ...flushLocationBufferJob, runOnStart: false }]);
    await runner.runNow("flush-location-buffer");

    expect(await sample("ec_job_runs_total", { job: "flush-location-buffer", outcome: "ok" })).toBe(runs + 1);
    expect(await sample("ec_location_flush_points_total")).toBeGreaterThan(flushed);
    expect(await sample("ec_location_flush_last_success_timestamp_seconds")).toBeGreaterThan(Date.now() / 1000 - 60);
    expect(await sample("ec_location_buffer_batches", { list: "buffer" })).toBe(0);
    expect(await sample("ec_location_buffer_oldest_age_seconds")).toBe(0);
  });

  it("counts a failed job run by its job", async () => {
    const failing = { id: "always-fails", cron: "0 0 1 1 *", runOnStart: false, handler: () => Promise.reject(new Error("boom")) };
    runner = startLocalRunner([failing]);
    await runner.runNow("always-fails");
    expect(await sample("ec_job_runs_total", { job: "always-fails", outcome: "failed" })).toBe(1);
    expect(await sample("ec_job_runs_total", { job: "always-fails", outcome: "ok" })).toBe(0);
  });

  it("times the ETA refresh", async () => {
    const before = await sample("ec_eta_refresh_duration_seconds_count");
    await refreshEtas(new Date());
    expect(await sample("ec_eta_refresh_duration_seconds_count")).toBe(before + 1);
    expect(await sample("ec_eta_refresh_participants")).toBeGreaterThan(0);
  });

  it("counts live watchers while they watch and the bytes they were sent", async () => {
    const watchers = await sample("ec_live_watchers");
    const bytes = await sample("ec_live_bytes_sent_total");
    const abort = new AbortController();
    const subject = await loadLiveSubject(setup.owner.ctx, setup.instance.id);
    const reader = liveSnapshotStream(setup.owner.ctx, subject, abort.signal, { intervalMs: 200 }).getReader();
    await reader.read(); // retry:
    await reader.read(); // the first snapshot
    expect(await sample("ec_live_watchers")).toBe(watchers + 1);
    expect(await sample("ec_live_bytes_sent_total")).toBeGreaterThan(bytes + 100);
    abort.abort();
    await reader.cancel();
    expect(await sample("ec_live_watchers")).toBe(watchers);
  });

  it("counts WhatsApp sends by outcome and webhook receipts by result", async () => {
    const sent = await sample("ec_whatsapp_sends_total", { transport: "log", outcome: "sent" });
    const f = await given.org().occurrence().people([{ name: "Ada" }, { name: "Ben", wroteHoursAgo: 1 }]).action("confirmation");
    runner = startLocalRunner([runScheduledActionJob]);
    runner.send([eventOf(scheduledActionClaimed, f.action.ref)]);
    await runner.idle();
    expect(await sample("ec_whatsapp_sends_total", { transport: "log", outcome: "sent" })).toBe(sent + 2);
    expect(await sample("ec_job_runs_total", { job: "run-scheduled-action", outcome: "ok" })).toBeGreaterThanOrEqual(1);

    const receipts = async (result: string) => sample("ec_whatsapp_webhook_receipts_total", { result });
    const [badBefore, ignoredBefore] = [await receipts("bad_signature"), await receipts("ignored")];
    const webhook = (body: string, signature: string) =>
      postWebhook(
        new Request("http://test/api/webhooks/whatsapp", { method: "POST", body, headers: { "x-hub-signature-256": signature } }),
        params({}),
      );
    expect((await webhook("{}", "sha256=00")).status).toBe(401);
    const signed = `sha256=${createHmac("sha256", webhookSecret()).update("{}").digest("hex")}`;
    expect((await webhook("{}", signed)).status).toBe(200);
    expect(await receipts("bad_signature")).toBe(badBefore + 1);
    expect(await receipts("ignored")).toBe(ignoredBefore + 1);
  });
});
