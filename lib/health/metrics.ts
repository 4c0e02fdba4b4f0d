import { AppError } from "@/lib/errors";
import { env } from "@/lib/env";
import { hasBearerToken } from "@/lib/http";
import { logger } from "@/lib/logger";
import { metrics } from "@/lib/metrics";
import { readBufferStats } from "@/lib/tracking";

/**
 * Who may scrape /api/metrics: nobody unless METRICS_TOKEN is set (404, as if there were no such page), then only
 * `Authorization: Bearer <METRICS_TOKEN>` (401 otherwise).
 */
export function assertMetricsScrape(request: Request): void {
  const token = env().METRICS_TOKEN;
  if (!token) throw new AppError("NOT_FOUND", "There is nothing here.");
  if (!hasBearerToken(request, token)) {
    throw new AppError("UNAUTHORIZED", "Send Authorization: Bearer <METRICS_TOKEN> to read the metrics.");
  }
}

/** Every metric in Prometheus' text format, with the values that are read at scrape time brought up to date. */
export async function renderMetrics(): Promise<{ text: string; contentType: string }> {
  try {
    const stats = await readBufferStats();
    if (stats) {
      metrics.bufferBatches.set({ list: "buffer" }, stats.buffer);
      metrics.bufferBatches.set({ list: "processing" }, stats.processing);
      metrics.bufferBatches.set({ list: "dead" }, stats.dead);
      metrics.bufferOldestAge.set(stats.oldestAgeMs / 1000);
    }
  } catch (error) {
    // Redis being down must not hide every other metric; the buffer gauges keep their last values.
    logger.warn({ err: error }, "metrics: the location buffer could not be read");
  }
  return { text: await metrics.registry.metrics(), contentType: metrics.registry.contentType };
}
