import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "@playwright/test";
import { startDedicatedServer, type DedicatedServer } from "./support/server";

// The built app, started as an operator would: /api/metrics with its token, and Next's own spans reaching an
// OTLP/HTTP collector (a fake one on 127.0.0.1: real HTTP, the exporter's real JSON).

const METRICS_TOKEN = "metrics-token-for-the-e2e-test-0123";

type OtlpJson = {
  resourceSpans?: {
    resource: { attributes: { key: string; value: { stringValue?: string } }[] };
    scopeSpans: { spans: { name: string }[] }[];
  }[];
};

let collector: Server;
const spans: { service: string | undefined; name: string }[] = [];
let server: DedicatedServer;

test.beforeAll(async () => {
  collector = createServer(async (request, response) => {
    let raw = "";
    for await (const chunk of request) raw += chunk;
    if (request.url === "/v1/traces") {
      for (const batch of (JSON.parse(raw) as OtlpJson).resourceSpans ?? []) {
        const service = batch.resource.attributes.find((a) => a.key === "service.name")?.value.stringValue;
        for (const span of batch.scopeSpans.flatMap((s) => s.spans)) spans.push({ service, name: span.name });
      }
    }
    response.writeHead(200, { "content-type": "application/json" }).end("{}");
  });
  await new Promise<void>((resolve) => collector.listen(0, "127.0.0.1", resolve));
  const otlp = `http://127.0.0.1:${(collector.address() as AddressInfo).port}`;
  server = await startDedicatedServer({ METRICS_TOKEN, OTEL_EXPORTER_OTLP_ENDPOINT: otlp, OTEL_SERVICE_NAME: "event-coming-e2e" });
});

test.afterAll(async () => {
  await server?.stop();
  collector?.close();
});

test("an operator scrapes /api/metrics with the token and sees the jobs this process ran; nobody else does", async ({ request, baseURL }) => {
  test.setTimeout(120_000);
  const scrape = (headers: Record<string, string>) => request.get(`${server.url}/api/metrics`, { headers });

  expect((await scrape({})).status()).toBe(401);
  expect((await scrape({ authorization: "Bearer not-the-token-not-the-token" })).status()).toBe(401);
  // The shared test server has no METRICS_TOKEN: there is no such page.
  expect((await request.get(`${baseURL}/api/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })).status()).toBe(404);

  // The local runner (started by instrumentation.ts) and the route (a separate bundle) count into one registry.
  await expect
    .poll(async () => (await (await scrape({ authorization: `Bearer ${METRICS_TOKEN}` })).text()).match(/^ec_job_runs_total\{job="ensure-location-partitions",outcome="ok"\} (\d+)$/m)?.[1], {
      timeout: 30_000,
    })
    .toBe("1");
  const text = await (await scrape({ authorization: `Bearer ${METRICS_TOKEN}` })).text();
  expect(text).toMatch(/^process_cpu_seconds_total \d/m);
  expect(text).toContain("# TYPE ec_tracking_batches_total counter");
});

test("Next's spans of a request reach the OTLP collector with the configured service name", async ({ request }) => {
  test.setTimeout(60_000);
  expect((await request.get(`${server.url}/api/health`)).ok()).toBe(true);
  await expect
    .poll(() => spans.filter((s) => s.service === "event-coming-e2e" && s.name.includes("/api/health")).length, { timeout: 20_000 })
    .toBeGreaterThan(0);
});
