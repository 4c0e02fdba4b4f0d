import { randomUUID } from "node:crypto";
import { Redis } from "@upstash/redis";
import { describe, expect, it } from "vitest";

const url = process.env.UPSTASH_REDIS_REST_URL;
const token = process.env.UPSTASH_REDIS_REST_TOKEN;
const { createRateLimiter } = await import("./index");

// Not a skip: the harness (scripts/test.sh) always starts the Upstash bridge in front of the local Redis, so a
// missing setting means the shared limiter went untested.
describe("rate limiter backed by Redis (Upstash REST)", () => {
  it("two servers (two limiter instances) share one budget per key, stored in Redis", async () => {
    if (!url || !token) {
      throw new Error(
        "UPSTASH_REDIS_REST_URL and UPSTASH_REDIS_REST_TOKEN must be set for this test: run it through `npm test` " +
          "(scripts/test.sh starts scripts/upstash-redis-bridge.mjs in front of Redis and sets both).",
      );
    }
    const prefix = `test-${randomUUID()}`;
    const serverA = createRateLimiter({ prefix, limit: 3, windowSeconds: 60 });
    const serverB = createRateLimiter({ prefix, limit: 3, windowSeconds: 60 });
    const key = `user-${randomUUID()}`;

    expect((await serverA.limit(key)).success).toBe(true);
    expect((await serverB.limit(key)).success).toBe(true);
    expect((await serverA.limit(key)).success).toBe(true);
    const refusedOnB = await serverB.limit(key);
    expect(refusedOnB.success).toBe(false);
    expect(refusedOnB.retryAfterSeconds).toBeGreaterThan(0);
    expect(refusedOnB.retryAfterSeconds).toBeLessThanOrEqual(60);
    expect((await serverA.limit(key)).success).toBe(false);

    // Another key keeps its own budget.
    expect((await serverB.limit(`other-${randomUUID()}`)).success).toBe(true);

    // The counters live in Redis under the limiter's prefix, not in this process.
    const redis = new Redis({ url, token });
    const keys = await redis.keys(`ec:ratelimit:${prefix}:*`);
    expect(keys.length).toBeGreaterThan(0);
    expect(keys.some((k) => k.includes(key))).toBe(true);
  });
});
