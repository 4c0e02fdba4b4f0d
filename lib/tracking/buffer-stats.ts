import { getRedis } from "@/lib/redis";
import { BUFFER_KEY, DEAD_LETTER_KEY, PROCESSING_KEY } from "./buffer";

export type BufferStats = { buffer: number; processing: number; dead: number; oldestAgeMs: number };

/**
 * How much waits in the location buffer and how long the oldest batch not yet in PostgreSQL has waited (a claimed
 * batch is older than any still in the buffer). Null without Redis. One pipelined round trip.
 */
export async function readBufferStats(now = Date.now()): Promise<BufferStats | null> {
  const redis = getRedis();
  if (!redis) return null;
  const [buffer, processing, dead, claimed, waiting] = await redis
    .pipeline()
    .llen(BUFFER_KEY)
    .llen(PROCESSING_KEY)
    .llen(DEAD_LETTER_KEY)
    .lindex(PROCESSING_KEY, 0)
    .lindex(BUFFER_KEY, 0)
    .exec<[number, number, number, unknown, unknown]>();
  const receivedAt = receivedAtOf(claimed ?? waiting);
  return { buffer, processing, dead, oldestAgeMs: receivedAt === null ? 0 : Math.max(0, now - receivedAt) };
}

/** The receipt time of a buffer entry in either format (buffer.ts), parsed or not; null when unreadable. */
function receivedAtOf(entry: unknown): number | null {
  let value = entry;
  if (typeof value === "string") {
    try {
      value = JSON.parse(value);
    } catch {
      return null;
    }
  }
  const raw = Array.isArray(value) ? value[3] : (value as { r?: unknown } | null)?.r;
  const ms = typeof raw === "string" ? Date.parse(raw) : NaN;
  return Number.isFinite(ms) ? ms : null;
}
