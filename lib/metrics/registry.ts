import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";

// Every metric the app exports, defined here and nowhere else (docs/operations.md lists them). Counters are per
// process; Prometheus sums them over the servers.

function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  return { registry, ...trackingMetrics([registry]), ...otherMetrics([registry]) };
}

function trackingMetrics(registers: Registry[]) {
  return {
    trackingBatches: new Counter({
      name: "ec_tracking_batches_total",
      help: "Point batches posted by participants' phones, by result: accepted, or the reason they were refused.",
      labelNames: ["result"] as const,
      registers,
    }),
    trackingPointsAccepted: new Counter({
      name: "ec_tracking_points_accepted_total",
      help: "Points accepted from participants' phones (a resent point counts again).",
      registers,
    }),
    bufferBatches: new Gauge({
      name: "ec_location_buffer_batches",
      help: "Batches waiting in the Redis location buffer (list: buffer, processing, dead), read at scrape time.",
      labelNames: ["list"] as const,
      registers,
    }),
    bufferOldestAge: new Gauge({
      name: "ec_location_buffer_oldest_age_seconds",
      help: "How long the oldest batch not yet in PostgreSQL has waited (flush lag), read at scrape time; 0 when none.",
      registers,
    }),
    flushPoints: new Counter({
      name: "ec_location_flush_points_total",
      help: "Points moved from the Redis buffer into PostgreSQL by this process's flushes.",
      registers,
    }),
    flushDuration: new Histogram({
      name: "ec_location_flush_duration_seconds",
      help: "Duration of one flush of the location buffer (runs that found another flusher holding the lock excluded).",
      buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
      registers,
    }),
    flushLastSuccess: new Gauge({
      name: "ec_location_flush_last_success_timestamp_seconds",
      help: "Unix time this process last finished a flush of the location buffer.",
      registers,
    }),
  };
}

function otherMetrics(registers: Registry[]) {
  return {
    etaRefreshDuration: new Histogram({
      name: "ec_eta_refresh_duration_seconds",
      help: "Duration of one ETA refresh over every occurrence in its tracking window.",
      buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    }),
    etaRefreshParticipants: new Gauge({
      name: "ec_eta_refresh_participants",
      help: "Travellers whose ETA the last refresh of this process computed.",
      registers,
    }),
    liveWatchers: new Gauge({
      name: "ec_live_watchers",
      help: "Open live-map and arrival-board streams on this process.",
      registers,
    }),
    liveBytesSent: new Counter({
      name: "ec_live_bytes_sent_total",
      help: "Bytes written to live streams (snapshots, pings), summed over watchers.",
      registers,
    }),
    jobRuns: new Counter({
      name: "ec_job_runs_total",
      help: "Background job runs by job id and outcome (ok, failed: every failed try counts).",
      labelNames: ["job", "outcome"] as const,
      registers,
    }),
    whatsappSends: new Counter({
      name: "ec_whatsapp_sends_total",
      help: "WhatsApp messages handed to the transport, by transport (cloud, log) and outcome (sent, retriable, failed).",
      labelNames: ["transport", "outcome"] as const,
      registers,
    }),
    webhookReceipts: new Counter({
      name: "ec_whatsapp_webhook_receipts_total",
      help: "WhatsApp webhook POSTs by result: applied, ignored (not a notification), bad_signature, failed.",
      labelNames: ["result"] as const,
      registers,
    }),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;

// One set per process, even when the bundler gives instrumentation.ts and the routes separate copies of this module
// (the local job runner starts from instrumentation.ts; /api/metrics is a route).
const KEY = Symbol.for("event-coming.metrics");
const holder = globalThis as typeof globalThis & { [KEY]?: Metrics };

export const metrics: Metrics = (holder[KEY] ??= createMetrics());
