import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it, vi } from "vitest";

// The in-process limiter is the one used without Upstash. The harness sets Upstash for every test process, so this
// file removes it before the settings are first read (each test file runs in its own process).
delete process.env.UPSTASH_REDIS_REST_URL;
delete process.env.UPSTASH_REDIS_REST_TOKEN;
const { getRedis } = await import("@/lib/redis/client");
const { createRateLimiter } = await import("./index");

describe("in-process rate limiter (no Upstash configured)", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("is the one in use", () => {
    expect(getRedis()).toBeNull();
  });

  it("allows the limit, then refuses with a positive retry-after, separately per key", async () => {
    const limiter = createRateLimiter({ prefix: `test-${randomUUID()}`, limit: 3, windowSeconds: 60 });
    for (let i = 0; i < 3; i++) expect(await limiter.limit("alice")).toMatchObject({ success: true });
    const refused = await limiter.limit("alice");
    expect(refused.success).toBe(false);
    expect(refused.retryAfterSeconds).toBeGreaterThan(0);
    expect(refused.retryAfterSeconds).toBeLessThanOrEqual(60);
    expect((await limiter.limit("alice")).success).toBe(false);

    expect((await limiter.limit("bob")).success).toBe(true);
  });

  it("allows again once the window has passed, and the retry-after counts down", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2030-01-01T10:00:00Z"));
    const limiter = createRateLimiter({ prefix: `test-${randomUUID()}`, limit: 2, windowSeconds: 60 });
    await limiter.limit("carol");
    await limiter.limit("carol");
    vi.setSystemTime(new Date("2030-01-01T10:00:20Z"));
    expect(await limiter.limit("carol")).toEqual({ success: false, retryAfterSeconds: 40 });
    vi.setSystemTime(new Date("2030-01-01T10:01:00Z"));
    expect((await limiter.limit("carol")).success).toBe(true);
  });

  it("two limiters do not share a budget in memory, even with the same prefix", async () => {
    const prefix = `test-${randomUUID()}`;
    const first = createRateLimiter({ prefix, limit: 1, windowSeconds: 60 });
    const second = createRateLimiter({ prefix, limit: 1, windowSeconds: 60 });
    expect((await first.limit("dave")).success).toBe(true);
    expect((await first.limit("dave")).success).toBe(false);
    expect((await second.limit("dave")).success).toBe(true);
  });
});
