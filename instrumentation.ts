// Runs once when a server process starts (not while `next build` prerenders). Next serves no request before it ends.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { startServer } = await import("./lib/server/start");
  await startServer(async ({ jobRunner, OTEL_EXPORTER_OTLP_ENDPOINT: otlp, OTEL_SERVICE_NAME: serviceName }) => {
    if (otlp) {
      // Traces only when a collector is configured: without one, no OpenTelemetry SDK code is even loaded.
      const { startTracing } = await import("./lib/metrics/traces");
      startTracing({ endpoint: otlp, serviceName });
    }
    const { wireWebhookKick } = await import("./inngest/webhook-kick");
    if (jobRunner !== "local") {
      const { inngest } = await import("./inngest/client");
      wireWebhookKick((events) => inngest.send(events));
      return;
    }
    const { startLocalRunner } = await import("./inngest/local-runner");
    const { jobLockForThisProcess, jobs } = await import("./lib/jobs");
    const runner = startLocalRunner(jobs, { lock: jobLockForThisProcess() });
    wireWebhookKick((events) => runner.send(events));
  });
}
