import { randomUUID } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { Redis } from "@upstash/redis";
import { describe, expect, it } from "vitest";
import { coalescingRequester, type CoalescingOptions } from "./coalescing-requester";

// Against the real Upstash REST bridge in front of Redis that the harness starts (scripts/test.sh).
const url = process.env.UPSTASH_REDIS_REST_URL;
const token = process.env.UPSTASH_REDIS_REST_TOKEN;
if (!url || !token) throw new Error("UPSTASH_REDIS_REST_URL and UPSTASH_REDIS_REST_TOKEN must be set: run through `npm test`.");

/** A client on the coalescing transport, counting the HTTP requests it makes (real fetch underneath). */
function client(overrides: Partial<CoalescingOptions> = {}) {
  const http = { requests: 0, commands: 0 };
  const redis = new Redis(
    coalescingRequester({
      url: url!,
      token: token!,
      fetch: async (input, init) => {
        http.requests += 1;
        http.commands += (JSON.parse(String(init?.body)) as unknown[]).length;
        return fetch(input, init);
      },
      ...overrides,
    }),
  );
  return { redis, http };
}

/** Callers arriving one per macrotask, as HTTP requests from different participants do. */
async function staggered<T>(count: number, call: (i: number) => Promise<T>): Promise<T[]> {
  const calls: Promise<T>[] = [];
  for (let i = 0; i < count; i++) {
    await new Promise((resolve) => setImmediate(resolve));
    calls.push(call(i));
  }
  return Promise.all(calls);
}

describe("coalescing Upstash transport", () => {
  it("answers each of many concurrent callers with its own result, over far fewer HTTP requests", async () => {
    const { redis, http } = client();
    const prefix = `test:coalesce:${randomUUID()}`;
    const written = await staggered(300, (i) => redis.set(`${prefix}:${i}`, `value-${i}`));
    expect(written).toEqual(Array(300).fill("OK"));
    const read = await staggered(300, (i) => redis.get<string>(`${prefix}:${i}`));
    expect(read).toEqual(Array.from({ length: 300 }, (_, i) => `value-${i}`));

    expect(http.commands).toBe(600);
    expect(http.requests).toBeLessThan(600 / 4);
    await redis.del(...Array.from({ length: 300 }, (_, i) => `${prefix}:${i}`));
  });

  it("sends a lone command at once, on its own", async () => {
    const { redis, http } = client();
    expect(await redis.echo("hello")).toBe("hello");
    expect(http).toEqual({ requests: 1, commands: 1 });
  });

  it("fails a command that Redis refuses for its caller only", async () => {
    const { redis } = client();
    const key = `test:coalesce:${randomUUID()}`;
    await redis.set(key, "not a list");
    const [good, bad, alsoGood] = await Promise.allSettled([redis.incr(`${key}:n`), redis.lpush(key, "x"), redis.get(key)]);
    expect(good).toEqual({ status: "fulfilled", value: 1 });
    expect(bad.status).toBe("rejected");
    expect(String((bad as PromiseRejectedResult).reason)).toMatch(/WRONGTYPE/);
    expect(alsoGood).toEqual({ status: "fulfilled", value: "not a list" });
    await redis.del(key, `${key}:n`);
  });

  it("keeps a pipeline's commands in order among other callers' commands", async () => {
    const { redis } = client();
    const key = `test:coalesce:${randomUUID()}`;
    const pipeline = redis.pipeline().rpush(key, "a").rpush(key, "b").lrange(key, 0, -1);
    const [fromPipeline, other] = await Promise.all([pipeline.exec(), redis.echo("between")]);
    expect(fromPipeline).toEqual([1, 2, ["a", "b"]]);
    expect(other).toBe("between");
    await redis.del(key);
  });

  it("runs scripts, with the NOSCRIPT fallback the rate limiter relies on", async () => {
    const { redis } = client();
    const key = `test:coalesce:${randomUUID()}`;
    const script = "return redis.call('INCRBY', KEYS[1], ARGV[1])";
    await expect(redis.evalsha("0".repeat(40), [key], ["1"])).rejects.toThrow(/NOSCRIPT/);
    expect(await redis.eval(script, [key], ["5"])).toBe(5);
    await redis.del(key);
  });

  it("passes transactions through to /multi-exec", async () => {
    const { redis, http } = client();
    const key = `test:coalesce:${randomUUID()}`;
    expect(await redis.multi().incr(key).incr(key).exec()).toEqual([1, 2]);
    expect(http.requests).toBe(1);
    await redis.del(key);
  });

  it("fails every command of a request the server refuses as a whole (wrong token)", async () => {
    const { redis } = client({ token: "wrong" });
    const results = await Promise.allSettled([redis.get("a"), redis.get("b")]);
    for (const result of results) {
      expect(result.status).toBe("rejected");
      expect(String((result as PromiseRejectedResult).reason)).toMatch(/401/);
    }
  });

  it("retries a network failure, then fails the commands; and works again once the server answers", async () => {
    // A port that refuses connections until we listen on it.
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
    const { port } = probe.address() as AddressInfo;
    await new Promise((resolve) => probe.close(resolve));

    const attempts: number[] = [];
    const { redis, http } = client({ url: `http://127.0.0.1:${port}`, retries: 2, backoffMs: (n) => (attempts.push(n), 5) });
    await expect(redis.get("anything")).rejects.toThrow();
    expect(http.requests).toBe(3);
    expect(attempts).toEqual([0, 1]);

    // The same address, now forwarding to the bridge: the client recovers without being recreated.
    const target = new URL(url!);
    const forward = createServer(async (req, res) => {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const answer = await fetch(new URL(req.url!, target), {
        method: "POST",
        headers: { authorization: req.headers.authorization!, "content-type": "application/json" },
        body: Buffer.concat(chunks),
      });
      res.writeHead(answer.status, { "content-type": "application/json" }).end(await answer.text());
    });
    await new Promise<void>((resolve) => forward.listen(port, "127.0.0.1", resolve));
    try {
      expect(await redis.echo("back")).toBe("back");
    } finally {
      forward.closeAllConnections();
      await new Promise((resolve) => forward.close(resolve));
    }
  });
});
