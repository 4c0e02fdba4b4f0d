import { randomUUID } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { Redis } from "@upstash/redis";
import { afterEach, describe, expect, it } from "vitest";
import { coalescingRequester, type CoalescingOptions } from "./coalescing-requester";

// Against the real Upstash REST bridge in front of Redis that the harness starts (scripts/test.sh).
const url = process.env.UPSTASH_REDIS_REST_URL;
const token = process.env.UPSTASH_REDIS_REST_TOKEN;
if (!url || !token) throw new Error("UPSTASH_REDIS_REST_URL and UPSTASH_REDIS_REST_TOKEN must be set: run through `npm test`.");

/** A forwarding server in front of the bridge that counts the HTTP requests and the commands they carry. */
async function countingProxy(port = 0) {
  const counts = { requests: 0, commands: 0 };
  const target = new URL(url!);
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    counts.requests += 1;
    const parsed = JSON.parse(body.toString("utf8")) as unknown[];
    counts.commands += req.url === "/pipeline" ? parsed.length : 1;
    const answer = await fetch(new URL(req.url!, target), {
      method: "POST",
      headers: { authorization: req.headers.authorization ?? "", "content-type": "application/json" },
      body,
    });
    res.writeHead(answer.status, { "content-type": "application/json" }).end(await answer.text());
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const address = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const close = async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  };
  return { url: address, counts, close };
}

/** A client on the coalescing transport, through a counting proxy. */
async function client(overrides: Partial<CoalescingOptions> = {}) {
  const proxy = await countingProxy();
  proxies.push(proxy);
  const redis = new Redis(coalescingRequester({ url: proxy.url, token: token!, ...overrides }));
  return { redis, http: proxy.counts };
}

const proxies: { close: () => Promise<void> }[] = [];
afterEach(async () => {
  await Promise.all(proxies.splice(0).map((p) => p.close()));
});

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
    const { redis, http } = await client();
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
    const { redis, http } = await client();
    expect(await redis.echo("hello")).toBe("hello");
    expect(http).toEqual({ requests: 1, commands: 1 });
  });

  it("fails a command that Redis refuses for its caller only", async () => {
    const { redis } = await client();
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
    const { redis } = await client();
    const key = `test:coalesce:${randomUUID()}`;
    const pipeline = redis.pipeline().rpush(key, "a").rpush(key, "b").lrange(key, 0, -1);
    const [fromPipeline, other] = await Promise.all([pipeline.exec(), redis.echo("between")]);
    expect(fromPipeline).toEqual([1, 2, ["a", "b"]]);
    expect(other).toBe("between");
    await redis.del(key);
  });

  it("runs scripts, with the NOSCRIPT fallback the rate limiter relies on", async () => {
    const { redis } = await client();
    const key = `test:coalesce:${randomUUID()}`;
    const script = "return redis.call('INCRBY', KEYS[1], ARGV[1])";
    await expect(redis.evalsha("0".repeat(40), [key], ["1"])).rejects.toThrow(/NOSCRIPT/);
    expect(await redis.eval(script, [key], ["5"])).toBe(5);
    await redis.del(key);
  });

  it("passes transactions through to /multi-exec", async () => {
    const { redis, http } = await client();
    const key = `test:coalesce:${randomUUID()}`;
    expect(await redis.multi().incr(key).incr(key).exec()).toEqual([1, 2]);
    expect(http.requests).toBe(1);
    await redis.del(key);
  });

  it("fails every command of a request the server refuses as a whole (wrong token)", async () => {
    const { redis } = await client({ token: "wrong" });
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
    const redis = new Redis(
      coalescingRequester({ url: `http://127.0.0.1:${port}`, token: token!, retries: 2, backoffMs: (n) => (attempts.push(n), 5) }),
    );
    await expect(redis.get("anything")).rejects.toThrow(/ECONNREFUSED/);
    expect(attempts).toEqual([0, 1]);

    // The same address, now forwarding to the bridge: the client recovers without being recreated.
    const proxy = await countingProxy(port);
    proxies.push(proxy);
    expect(await redis.echo("back")).toBe("back");
    expect(proxy.counts).toEqual({ requests: 1, commands: 1 });
  });

  it("gives up on a server that accepts the connection but never answers, after the timeout", async () => {
    const silent = createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const { port } = silent.address() as AddressInfo;
    try {
      const redis = new Redis(coalescingRequester({ url: `http://127.0.0.1:${port}`, token: token!, retries: 0, timeoutMs: 200 }));
      const started = Date.now();
      await expect(redis.get("anything")).rejects.toThrow(/did not answer within 200 ms/);
      expect(Date.now() - started).toBeLessThan(2_000);
    } finally {
      silent.closeAllConnections();
      await new Promise((resolve) => silent.close(resolve));
    }
  });
});
