import { Ratelimit } from "@upstash/ratelimit";
import { AppError, type Words } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { getRedis } from "@/lib/redis";

export type RateLimitResult = { success: boolean; retryAfterSeconds: number };
export type RateLimiter = { limit(key: string): Promise<RateLimitResult> };

/**
 * `limit` attempts per `windowSeconds` per key: in Redis (shared by every server) when Upstash is configured,
 * otherwise in this process, which is exact for the single-process embedded mode.
 */
export function createRateLimiter(options: { prefix: string; limit: number; windowSeconds: number }): RateLimiter {
  const redis = getRedis();
  if (redis) {
    const ratelimit = new Ratelimit({
      redis,
      prefix: `ec:ratelimit:${options.prefix}`,
      limiter: Ratelimit.slidingWindow(options.limit, `${options.windowSeconds} s`),
    });
    return {
      async limit(key) {
        const result = await ratelimit.limit(key);
        return { success: result.success, retryAfterSeconds: Math.max(1, Math.ceil((result.reset - Date.now()) / 1000)) };
      },
    };
  }
  return memoryLimiter(options.limit, options.windowSeconds * 1000);
}

/**
 * Counts one request under `key`; past the limit, RATE_LIMITED with `words` and the seconds to wait (Retry-After).
 * Fails open: when the store cannot count (Redis down), refusing every caller would be worse than not limiting.
 */
export async function enforceRateLimit(limiter: RateLimiter, key: string, words: Words): Promise<void> {
  let verdict: RateLimitResult;
  try {
    verdict = await limiter.limit(key);
  } catch (error) {
    logger.warn({ err: error, key }, "rate limiter unavailable, letting the request through");
    return;
  }
  if (!verdict.success) throw new AppError("RATE_LIMITED", words, { retryAfterSeconds: verdict.retryAfterSeconds });
}

function memoryLimiter(limit: number, windowMs: number): RateLimiter {
  const windows = new Map<string, { startedAt: number; count: number }>();
  return {
    async limit(key) {
      const now = Date.now();
      let window = windows.get(key);
      if (!window || now - window.startedAt >= windowMs) {
        window = { startedAt: now, count: 0 };
        windows.set(key, window);
        if (windows.size > 10_000) pruneExpired(windows, now, windowMs);
      }
      window.count += 1;
      const retryAfterSeconds = Math.max(1, Math.ceil((window.startedAt + windowMs - now) / 1000));
      return { success: window.count <= limit, retryAfterSeconds };
    },
  };
}

function pruneExpired(windows: Map<string, { startedAt: number }>, now: number, windowMs: number): void {
  for (const [key, window] of windows) if (now - window.startedAt >= windowMs) windows.delete(key);
}
