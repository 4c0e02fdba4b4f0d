import { assertMetricsScrape, renderMetrics } from "@/lib/health/metrics";
import { withRoute } from "@/lib/http";

export const dynamic = "force-dynamic";

/** Prometheus scrapes this with METRICS_TOKEN; docs/operations.md lists every metric. */
export const GET = withRoute("metrics", async (request) => {
  assertMetricsScrape(request);
  const { text, contentType } = await renderMetrics();
  return new Response(text, { headers: { "content-type": contentType, "cache-control": "no-store" } });
});
