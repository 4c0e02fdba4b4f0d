import { context, propagation, trace } from "@opentelemetry/api";
import { AsyncLocalStorageContextManager } from "@opentelemetry/context-async-hooks";
import { W3CTraceContextPropagator } from "@opentelemetry/core";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { resourceFromAttributes } from "@opentelemetry/resources";
import { BasicTracerProvider, BatchSpanProcessor } from "@opentelemetry/sdk-trace-base";

// Loaded by instrumentation.ts only when OTEL_EXPORTER_OTLP_ENDPOINT is set (never through lib/metrics/index.ts, so
// nothing of the SDK is loaded otherwise). Next.js writes its own request and render spans through the global
// @opentelemetry/api; this gives them a provider that batches them to an OTLP/HTTP collector (JSON over HTTP).
// The SDK packages are the ones Inngest already installs: no second tracing stack.

export type Tracing = { forceFlush(): Promise<void>; shutdown(): Promise<void> };

export function startTracing({ endpoint, serviceName }: { endpoint: string; serviceName: string }): Tracing {
  const exporter = new OTLPTraceExporter({ url: `${endpoint.replace(/\/+$/, "")}/v1/traces` });
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes({ "service.name": serviceName }),
    spanProcessors: [new BatchSpanProcessor(exporter)],
  });
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  // An incoming traceparent header joins the caller's trace; it carries ids only and decides nothing here.
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  trace.setGlobalTracerProvider(provider);
  return provider;
}
