import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { once } from "node:events";
import path from "node:path";
import { createInterface } from "node:readline";
import { Redis } from "@upstash/redis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// The bridge as a real child process in front of the real local Redis, driven by the real @upstash/redis client.
const redisUrl = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";
const prefix = `ec:test:bridge:${randomBytes(6).toString("hex")}:`;
const key = (name: string) => `${prefix}${name}`;

let bridge: ChildProcess;
let url: string;
let token: string;
let redis: Redis;

async function startBridge(): Promise<{ url: string; token: string }> {
  const script = path.join(import.meta.dirname, "upstash-redis-bridge.mjs");
  bridge = spawn(process.execPath, [script, "--port", "0", "--redis", redisUrl, "--token", randomBytes(16).toString("hex")], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const lines = createInterface({ input: bridge.stdout! });
  const exited = once(bridge, "exit").then(([code]) => {
    throw new Error(`the bridge exited with code ${code} before it printed its address`);
  });
  const [line] = (await Promise.race([once(lines, "line"), exited])) as [string];
  return JSON.parse(line) as { url: string; token: string };
}

beforeAll(async () => {
  ({ url, token } = await startBridge());
  redis = new Redis({ url, token, retry: false });
});

afterAll(async () => {
  if (redis) {
    const mine = await redis.keys(`${prefix}*`);
    if (mine.length > 0) await redis.del(...mine);
  }
  if (bridge && bridge.exitCode === null) {
    const exited = once(bridge, "exit");
    bridge.kill("SIGTERM");
    const [code] = await exited;
    expect(code).toBe(0);
  }
});

describe("upstash-redis-bridge with @upstash/redis", () => {
  it("answers the health check without a token", async () => {
    const res = await fetch(url);
    expect(res.status).toBe(200);
  });

  it("sets and gets strings and JSON objects", async () => {
    expect(await redis.set(key("s"), "hello")).toBe("OK");
    expect(await redis.get<string>(key("s"))).toBe("hello");
    const event = { id: "e1", title: "Trip", stops: [1, 2], nested: { ok: true } };
    await redis.set(key("obj"), event);
    expect(await redis.get<typeof event>(key("obj"))).toEqual(event);
    expect(await redis.get(key("missing"))).toBeNull();
    expect(await redis.mget<(string | null)[]>(key("s"), key("missing"))).toEqual(["hello", null]);
  });

  it("keeps a literal 'OK' and base64-looking values intact", async () => {
    await redis.set(key("ok"), "OK");
    await redis.set(key("b64"), "T0s=");
    expect(await redis.get(key("ok"))).toBe("OK");
    expect(await redis.get(key("b64"))).toBe("T0s=");
    expect(await redis.ping()).toBe("PONG");
    expect(await redis.type(key("ok"))).toBe("string");
  });

  it("increments numbers", async () => {
    expect(await redis.incr(key("n"))).toBe(1);
    expect(await redis.incrby(key("n"), 41)).toBe(42);
    expect(await redis.decr(key("n"))).toBe(41);
    expect(await redis.get<number>(key("n"))).toBe(41);
  });

  it("sets expiries and reads the ttl", async () => {
    await redis.set(key("ttl"), "x");
    expect(await redis.ttl(key("ttl"))).toBe(-1);
    expect(await redis.expire(key("ttl"), 100)).toBe(1);
    const ttl = await redis.ttl(key("ttl"));
    expect(ttl).toBeGreaterThan(90);
    expect(ttl).toBeLessThanOrEqual(100);
    await redis.set(key("ex"), "y", { ex: 5 });
    expect(await redis.ttl(key("ex"))).toBeGreaterThan(0);
    expect(await redis.ttl(key("gone"))).toBe(-2);
  });

  it("works with lists", async () => {
    expect(await redis.rpush(key("l"), "a", "b", "c")).toBe(3);
    expect(await redis.lrange(key("l"), 0, -1)).toEqual(["a", "b", "c"]);
    expect(await redis.lmove(key("l"), key("l2"), "left", "right")).toBe("a");
    expect(await redis.lrange(key("l"), 0, -1)).toEqual(["b", "c"]);
    expect(await redis.lrange(key("l2"), 0, -1)).toEqual(["a"]);
    expect(await redis.lpop(key("empty"))).toBeNull();
  });

  it("works with hashes", async () => {
    expect(await redis.hset(key("h"), { name: "Ana", seats: 3 })).toBe(2);
    expect(await redis.hget(key("h"), "name")).toBe("Ana");
    expect(await redis.hincrby(key("h"), "seats", 2)).toBe(5);
    expect(await redis.hgetall(key("h"))).toEqual({ name: "Ana", seats: 5 });
    expect(await redis.hgetall(key("no-hash"))).toBeNull();
  });

  it("runs a pipeline in order", async () => {
    const results = await redis
      .pipeline()
      .set(key("p"), "1")
      .incr(key("p"))
      .get(key("p"))
      .rpush(key("pl"), "x", "y")
      .lrange(key("pl"), 0, -1)
      .exec();
    expect(results).toEqual(["OK", 2, 2, 2, ["x", "y"]]);
  });

  it("keeps per-command errors inside a pipeline", async () => {
    await redis.set(key("pe"), "text");
    const results = await redis.pipeline().incr(key("pe")).get(key("pe")).exec({ keepErrors: true });
    expect(results[0]!.error).toMatch(/not an integer/);
    expect(results[1]).toEqual({ error: undefined, result: "text" });
  });

  it("runs a transaction with multi/exec", async () => {
    const results = await redis.multi().set(key("m"), 10).incrby(key("m"), 5).get(key("m")).exec();
    expect(results).toEqual(["OK", 15, 15]);
    await expect(redis.multi().set(key("m2"), "a").incr(key("m2")).exec()).rejects.toThrow(/not an integer/);
    // The transaction still ran: Redis does not roll back on a runtime error.
    expect(await redis.get(key("m2"))).toBe("a");
  });

  it("runs many concurrent commands without mixing replies", async () => {
    const plain = new Redis({ url, token, retry: false, enableAutoPipelining: false });
    await Promise.all(Array.from({ length: 50 }, () => plain.incr(key("c"))));
    await Promise.all(Array.from({ length: 50 }, () => redis.incr(key("c"))));
    const values = await Promise.all(Array.from({ length: 20 }, (_, i) => plain.set(key(`c${i}`), `v${i}`)));
    expect(values.every((v) => v === "OK")).toBe(true);
    const read = await Promise.all(Array.from({ length: 20 }, (_, i) => plain.get(key(`c${i}`))));
    expect(read).toEqual(Array.from({ length: 20 }, (_, i) => `v${i}`));
    expect(await redis.get(key("c"))).toBe(100);
  });

  it("surfaces a Redis error as a thrown error, through the pipeline and the single-command endpoint", async () => {
    await redis.set(key("e"), "not a number");
    await expect(redis.incr(key("e"))).rejects.toThrow(/value is not an integer/);
    const plain = new Redis({ url, token, retry: false, enableAutoPipelining: false });
    await expect(plain.incr(key("e"))).rejects.toThrow(/value is not an integer/);
    await expect(plain.lpush(key("e"), "x")).rejects.toThrow(/WRONGTYPE/);
  });

  it("refuses a wrong token", async () => {
    const wrong = new Redis({ url, token: "wrong-token", retry: false });
    await expect(wrong.get(key("s"))).rejects.toThrow(/WRONGPASS/);
    const res = await fetch(url, { method: "POST", body: JSON.stringify(["PING"]) });
    expect(res.status).toBe(401);
  });

  it("round-trips unicode and binary-ish strings", async () => {
    const samples = [
      "héllo wörld ✓",
      "emoji 🎉👨‍👩‍👧 and 中文 and العربية",
      "control \u0000\u0001\t\r\n chars",
      '"quoted" \\ backslash {"not":"json"',
      " spaces ",
      "",
    ];
    for (const [i, value] of samples.entries()) {
      await redis.set(key(`u${i}`), value);
      expect(await redis.get(key(`u${i}`))).toBe(value);
      expect(await redis.strlen(key(`u${i}`))).toBe(Buffer.byteLength(value, "utf8"));
    }
    await redis.hset(key("uh"), { "clé 🔑": "valeur ✓" });
    expect(await redis.hgetall(key("uh"))).toEqual({ "clé 🔑": "valeur ✓" });
    const big = "ä€𝄞".repeat(100_000);
    await redis.set(key("big"), big);
    expect(await redis.get(key("big"))).toBe(big);
  });

  it("also speaks the plain (non-base64) encoding", async () => {
    const plain = new Redis({ url, token, retry: false, responseEncoding: false, automaticDeserialization: false });
    await plain.set(key("raw"), "ünïcode 🎉");
    expect(await plain.get(key("raw"))).toBe("ünïcode 🎉");
    expect(await plain.rpush(key("rawl"), "a", "b")).toBe(2);
    expect(await plain.lrange(key("rawl"), 0, -1)).toEqual(["a", "b"]);
  });
});
