import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { trace } from "@opentelemetry/api";
import { afterAll, describe, expect, it } from "vitest";
import { startTracing } from "./traces";

// A fake OTLP/HTTP collector on 127.0.0.1: real HTTP, the exporter's real JSON.
const received: { path: string; body: unknown }[] = [];
const collector = createServer(async (request: IncomingMessage, response) => {
  let raw = "";
  for await (const chunk of request) raw += chunk;
  received.push({ path: request.url ?? "", body: JSON.parse(raw) });
  response.writeHead(200, { "content-type": "application/json" }).end("{}");
});
await new Promise<void>((resolve) => collector.listen(0, "127.0.0.1", resolve));
const endpoint = `http://127.0.0.1:${(collector.address() as AddressInfo).port}/`;
afterAll(() => collector.close());

type OtlpJson = {
  resourceSpans: {
    resource: { attributes: { key: string; value: { stringValue?: string } }[] };
    scopeSpans: { spans: { name: string; traceId: string; parentSpanId?: string }[] }[];
  }[];
};

describe("startTracing", () => {
  it("sends spans, nested in their parent, to the collector's /v1/traces with the service name", async () => {
    const tracing = startTracing({ endpoint, serviceName: "event-coming-test" });
    const tracer = trace.getTracer("test");
    await tracer.startActiveSpan("GET /api/health", async (parent) => {
      tracer.startSpan("select 1").end();
      parent.end();
    });
    await tracing.forceFlush();

    expect(received.map((r) => r.path)).toEqual(["/v1/traces"]);
    const [batch] = (received[0]!.body as OtlpJson).resourceSpans;
    expect(batch!.resource.attributes).toContainEqual({ key: "service.name", value: { stringValue: "event-coming-test" } });
    const spans = batch!.scopeSpans.flatMap((s) => s.spans);
    expect(spans.map((s) => s.name).sort()).toEqual(["GET /api/health", "select 1"]);
    const child = spans.find((s) => s.name === "select 1")!;
    expect(child.parentSpanId).toBeTruthy();
    expect(new Set(spans.map((s) => s.traceId)).size).toBe(1);
    await tracing.shutdown();
  });
});
