#!/usr/bin/env node
// Upstash-REST-compatible bridge in front of a plain Redis server, so `@upstash/redis` works against your own Redis
// (self-hosting, tests). Plain Node, no dependencies. Speaks the protocol @upstash/redis 1.39 uses:
//   POST /            ["SET","k","v"]            -> {"result":"OK"}            (Redis error -> 400 {"error":"…"})
//   POST /pipeline    [["INCR","n"],["GET","k"]] -> [{"result":1},{"error":"…"}]
//   POST /multi-exec  same body, run in MULTI/EXEC on a dedicated connection
//   GET  /            health (pings Redis: 200 or 503)
// Every POST needs `Authorization: Bearer <token>`. With `Upstash-Encoding: base64` string results are base64 (not "OK").
// Run:  node scripts/upstash-redis-bridge.mjs --port 8079 --redis redis://127.0.0.1:6379 --token s3cret
// then: UPSTASH_REDIS_REST_URL=http://127.0.0.1:8079 UPSTASH_REDIS_REST_TOKEN=s3cret. Flags fall back to the env
// vars UPSTASH_BRIDGE_PORT / _HOST / _REDIS_URL / _TOKEN; `--port 0` picks a free port; with no token a random one is
// made. The first stdout line is JSON: {"url":"http://127.0.0.1:PORT","token":"…"}. Keep it on a private network:
// the token is the only protection. Not supported: SUBSCRIBE/MONITOR streams, WATCH, MULTI/EXEC as plain commands.
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import http from "node:http";
import net from "node:net";
import tls from "node:tls";
import { parseArgs } from "node:util";

const MAX_BODY_BYTES = 64 * 1024 * 1024;
const MAX_CONNECTIONS = 64;
const MAX_IDLE = 16;

// ---------------------------------------------------------------------------------------------------- RESP2

class SimpleString {
  constructor(value) {
    this.value = value;
  }
}
class RedisError {
  constructor(message) {
    this.message = message;
  }
}
class Incomplete extends Error {}
const INCOMPLETE = new Incomplete("incomplete");

function encodeCommand(args) {
  const parts = [Buffer.from(`*${args.length}\r\n`)];
  for (const arg of args) parts.push(Buffer.from(`$${arg.length}\r\n`), arg, Buffer.from("\r\n"));
  return Buffer.concat(parts);
}

/** Incremental RESP2 reader: feed chunks, get complete replies. Bulk strings stay Buffers (binary-safe). */
class RespReader {
  buffer = Buffer.alloc(0);

  push(chunk) {
    this.buffer = this.buffer.length === 0 ? chunk : Buffer.concat([this.buffer, chunk]);
  }

  /** The next complete reply, or INCOMPLETE when more bytes are needed. */
  next() {
    try {
      const { value, end } = this.#parse(0);
      this.buffer = this.buffer.subarray(end);
      return value;
    } catch (error) {
      if (error === INCOMPLETE) return INCOMPLETE;
      throw error;
    }
  }

  #line(offset) {
    const end = this.buffer.indexOf("\r\n", offset);
    if (end === -1) throw INCOMPLETE;
    return { text: this.buffer.toString("utf8", offset, end), end: end + 2 };
  }

  #parse(offset) {
    if (offset >= this.buffer.length) throw INCOMPLETE;
    const type = String.fromCharCode(this.buffer[offset]);
    const { text, end } = this.#line(offset + 1);
    switch (type) {
      case "+":
        return { value: new SimpleString(text), end };
      case "-":
        return { value: new RedisError(text), end };
      case ":":
        return { value: Number(text), end };
      case "$": {
        const length = Number.parseInt(text, 10);
        if (length < 0) return { value: null, end };
        if (this.buffer.length < end + length + 2) throw INCOMPLETE;
        return { value: Buffer.from(this.buffer.subarray(end, end + length)), end: end + length + 2 };
      }
      case "*": {
        const count = Number.parseInt(text, 10);
        if (count < 0) return { value: null, end };
        const items = [];
        let at = end;
        for (let i = 0; i < count; i++) {
          const item = this.#parse(at);
          items.push(item.value);
          at = item.end;
        }
        return { value: items, end: at };
      }
      default:
        throw new Error(`Protocol error from Redis: unexpected reply type ${JSON.stringify(type)}`);
    }
  }
}

// ---------------------------------------------------------------------------------------------------- connections

function parseRedisUrl(raw) {
  const url = new URL(raw);
  if (url.protocol !== "redis:" && url.protocol !== "rediss:") throw new Error(`Unsupported Redis URL: ${raw}`);
  const db = url.pathname.replace(/^\//, "");
  return {
    tls: url.protocol === "rediss:",
    host: url.hostname.replace(/^\[|\]$/g, "") || "127.0.0.1",
    port: Number(url.port || 6379),
    username: decodeURIComponent(url.username),
    password: decodeURIComponent(url.password),
    db: db === "" ? undefined : db,
  };
}

class RedisConnection {
  #socket;
  #reader = new RespReader();
  #pending = [];
  closed = false;

  static async open(target) {
    const connection = new RedisConnection();
    await connection.#connect(target);
    const setup = [];
    if (target.password) {
      setup.push(target.username ? ["AUTH", target.username, target.password] : ["AUTH", target.password]);
    }
    if (target.db !== undefined) setup.push(["SELECT", target.db]);
    if (setup.length > 0) {
      const replies = await connection.send(setup.map((c) => c.map((a) => Buffer.from(a))));
      const failed = replies.find((r) => r instanceof RedisError);
      if (failed) {
        connection.destroy();
        throw new Error(`Redis refused the connection setup: ${failed.message}`);
      }
    }
    return connection;
  }

  #connect(target) {
    return new Promise((resolve, reject) => {
      const options = { host: target.host, port: target.port };
      const socket = target.tls ? tls.connect({ ...options, servername: target.host }) : net.connect(options);
      this.#socket = socket;
      socket.setNoDelay(true);
      socket.setKeepAlive(true, 30_000);
      socket.once(target.tls ? "secureConnect" : "connect", () => {
        socket.off("error", reject);
        socket.on("error", (error) => this.#fail(error));
        resolve();
      });
      socket.once("error", reject);
      socket.on("close", () => this.#fail(new Error("Redis connection closed")));
      socket.on("data", (chunk) => this.#onData(chunk));
    });
  }

  #onData(chunk) {
    this.#reader.push(chunk);
    try {
      for (;;) {
        const reply = this.#reader.next();
        if (reply === INCOMPLETE) return;
        const waiter = this.#pending.shift();
        if (!waiter) throw new Error("Protocol error: a reply from Redis that nobody asked for");
        waiter.resolve(reply);
      }
    } catch (error) {
      this.#fail(error);
      this.#socket.destroy();
    }
  }

  #fail(error) {
    this.closed = true;
    const pending = this.#pending;
    this.#pending = [];
    for (const waiter of pending) waiter.reject(error);
  }

  /** Writes all commands at once (pipelined) and resolves with one reply per command, errors included as values. */
  send(commands) {
    if (this.closed) return Promise.reject(new Error("Redis connection closed"));
    const replies = commands.map(() => new Promise((resolve, reject) => this.#pending.push({ resolve, reject })));
    this.#socket.write(Buffer.concat(commands.map(encodeCommand)));
    return Promise.all(replies);
  }

  destroy() {
    this.closed = true;
    this.#socket?.destroy();
  }
}

/** Each request borrows one connection for its whole command batch, so replies can never interleave. */
class Pool {
  #idle = [];
  #waiting = [];
  #open = 0;

  constructor(target) {
    this.target = target;
  }

  async acquire() {
    while (this.#idle.length > 0) {
      const connection = this.#idle.pop();
      if (!connection.closed) return connection;
      this.#open--;
    }
    if (this.#open >= MAX_CONNECTIONS) return new Promise((resolve, reject) => this.#waiting.push({ resolve, reject }));
    this.#open++;
    try {
      return await RedisConnection.open(this.target);
    } catch (error) {
      this.#open--;
      throw error;
    }
  }

  /** `reusable` is false when the request changed connection state (SELECT, CLIENT …) or failed mid-way. */
  release(connection, reusable) {
    if (!reusable || connection.closed) {
      connection.destroy();
      this.#open--;
      const waiter = this.#waiting.shift();
      if (waiter) this.acquire().then(waiter.resolve, waiter.reject);
      return;
    }
    const waiter = this.#waiting.shift();
    if (waiter) waiter.resolve(connection);
    else if (this.#idle.length < MAX_IDLE) this.#idle.push(connection);
    else {
      connection.destroy();
      this.#open--;
    }
  }

  async run(commands, reusable = true) {
    const connection = await this.acquire();
    let ok = false;
    try {
      const replies = await connection.send(commands);
      ok = true;
      return replies;
    } finally {
      this.release(connection, ok && reusable);
    }
  }

  close() {
    for (const connection of this.#idle) connection.destroy();
    this.#idle = [];
    for (const waiter of this.#waiting) waiter.reject(new Error("bridge shutting down"));
    this.#waiting = [];
  }
}

// ---------------------------------------------------------------------------------------------------- commands

class BadRequest extends Error {}

/** Streams and transaction commands break the one-request-one-batch model; the REST API has /multi-exec for MULTI. */
const REJECTED = new Set([
  "subscribe", "psubscribe", "ssubscribe", "unsubscribe", "punsubscribe", "sunsubscribe", "monitor", "sync", "psync",
  "hello", "quit", "reset", "multi", "exec", "discard", "watch", "unwatch",
]);
/** Commands that change per-connection state: the connection is closed afterwards instead of going back to the pool. */
const STATEFUL = new Set(["select", "client", "auth", "readonly", "readwrite"]);

function toArgs(command) {
  if (!Array.isArray(command) || command.length === 0) {
    throw new BadRequest("ERR a command is a non-empty JSON array, e.g. [\"GET\",\"key\"]");
  }
  return command.map((arg) => {
    if (typeof arg === "string") return Buffer.from(arg, "utf8");
    if (typeof arg === "number" && Number.isFinite(arg)) return Buffer.from(String(arg));
    if (typeof arg === "boolean") return Buffer.from(String(arg));
    throw new BadRequest(`ERR command arguments must be strings or numbers, got ${JSON.stringify(arg)}`);
  });
}

// Upstash's hosted Redis accepts script flags that Redis itself does not (e.g. @upstash/ratelimit's
// `#!lua flags=allow-key-locking`). The bridge drops those flags and remembers which SHA1 the client knows the
// script by, so EVALSHA with the original hash runs the rewritten script.
const REDIS_SCRIPT_FLAGS = new Set(["no-writes", "allow-oom", "allow-stale", "no-cluster", "allow-cross-slot-keys"]);
const scriptAliases = new Map();

function rewriteScript(source) {
  const match = /^#!lua flags=([^\n]*)/.exec(source);
  if (!match) return source;
  const kept = match[1].split(",").map((f) => f.trim()).filter((f) => REDIS_SCRIPT_FLAGS.has(f));
  return (kept.length > 0 ? `#!lua flags=${kept.join(",")}` : "#!lua") + source.slice(match[0].length);
}

function sha1(text) {
  return createHash("sha1").update(text).digest("hex");
}

/** Rewrites EVAL / SCRIPT LOAD scripts and EVALSHA hashes as described above; other commands pass unchanged. */
function adaptScripts(args) {
  const name = commandName(args);
  const scriptIndex = name === "eval" || name === "eval_ro" ? 1 : name === "script" && args[1]?.toString("utf8").toLowerCase() === "load" ? 2 : -1;
  if (scriptIndex > 0 && args[scriptIndex]) {
    const source = args[scriptIndex].toString("utf8");
    const rewritten = rewriteScript(source);
    if (rewritten !== source) {
      scriptAliases.set(sha1(source), sha1(rewritten));
      args[scriptIndex] = Buffer.from(rewritten, "utf8");
    }
  } else if ((name === "evalsha" || name === "evalsha_ro") && args[1]) {
    const alias = scriptAliases.get(args[1].toString("utf8").toLowerCase());
    if (alias) args[1] = Buffer.from(alias);
  }
  return args;
}

function commandName(args) {
  return args[0].toString("utf8").toLowerCase();
}

/** Returns an error message when the bridge refuses the command, otherwise undefined. */
function refusal(args) {
  const name = commandName(args);
  if (REJECTED.has(name)) return `ERR '${name}' is not supported by the Upstash bridge`;
  if (name === "client" && args[1]?.toString("utf8").toLowerCase() === "reply") {
    return "ERR 'client reply' is not supported by the Upstash bridge";
  }
  return undefined;
}

/** Redis reply -> JSON value. In base64 mode every string is base64 except the status reply "OK", as Upstash does. */
function toJson(reply, base64) {
  if (reply === null || typeof reply === "number") return reply;
  if (Buffer.isBuffer(reply)) return base64 ? reply.toString("base64") : reply.toString("utf8");
  if (reply instanceof SimpleString) {
    return base64 && reply.value !== "OK" ? Buffer.from(reply.value, "utf8").toString("base64") : reply.value;
  }
  if (reply instanceof RedisError) return base64 ? Buffer.from(reply.message).toString("base64") : reply.message;
  if (Array.isArray(reply)) return reply.map((item) => toJson(item, base64));
  return null;
}

function entry(reply, base64) {
  return reply instanceof RedisError ? { error: reply.message } : { result: toJson(reply, base64) };
}

async function runSingle(pool, body, base64) {
  const args = adaptScripts(toArgs(body));
  const refused = refusal(args);
  if (refused) return [400, { error: refused }];
  const [reply] = await pool.run([args], !STATEFUL.has(commandName(args)));
  return reply instanceof RedisError ? [400, { error: reply.message }] : [200, { result: toJson(reply, base64) }];
}

function toCommandList(body) {
  if (!Array.isArray(body) || body.length === 0) {
    throw new BadRequest("ERR the body must be a non-empty JSON array of commands");
  }
  return body.map((command) => adaptScripts(toArgs(command)));
}

async function runPipeline(pool, body, base64) {
  const commands = toCommandList(body);
  const refusals = commands.map(refusal);
  const sendable = commands.filter((_, i) => !refusals[i]);
  const reusable = !sendable.some((args) => STATEFUL.has(commandName(args)));
  const replies = sendable.length > 0 ? await pool.run(sendable, reusable) : [];
  let next = 0;
  return [200, commands.map((_, i) => (refusals[i] ? { error: refusals[i] } : entry(replies[next++], base64)))];
}

async function runMultiExec(pool, body, base64) {
  const commands = toCommandList(body);
  const refused = commands.map(refusal).find(Boolean);
  if (refused) return [400, { error: refused }];
  const stateful = commands.some((args) => STATEFUL.has(commandName(args)));
  const batch = [[Buffer.from("MULTI")], ...commands, [Buffer.from("EXEC")]];
  // A failed transaction may leave the connection inside MULTI: only a clean EXEC returns it to the pool.
  const connection = await pool.acquire();
  let reusable = false;
  try {
    const replies = await connection.send(batch);
    const exec = replies[replies.length - 1];
    reusable = !stateful && Array.isArray(exec);
    if (exec instanceof RedisError) {
      const cause = replies.slice(1, -1).find((r) => r instanceof RedisError);
      return [400, { error: cause ? `${exec.message} (${cause.message})` : exec.message }];
    }
    if (!Array.isArray(exec)) return [400, { error: "EXECABORT Transaction aborted" }];
    return [200, exec.map((reply) => entry(reply, base64))];
  } finally {
    pool.release(connection, reusable);
  }
}

// ---------------------------------------------------------------------------------------------------- HTTP

function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    req.on("data", (chunk) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new BadRequest(`ERR request body larger than ${MAX_BODY_BYTES} bytes`));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

function send(res, status, payload) {
  const body = JSON.stringify(payload);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(body) });
  res.end(body);
}

function isAuthorized(req, url, token) {
  const header = req.headers.authorization ?? "";
  const given = header.toLowerCase().startsWith("bearer ") ? header.slice(7).trim() : url.searchParams.get("_token");
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

function createBridge(pool, token) {
  return http.createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? "/", "http://bridge");
      const route = url.pathname.replace(/\/+$/, "") || "/";
      if (req.method === "GET" && (route === "/" || route === "/health")) {
        const up = await pool.run([[Buffer.from("PING")]]).then(([r]) => r instanceof SimpleString, () => false);
        return up ? send(res, 200, { result: "OK" }) : send(res, 503, { error: "ERR Redis is not reachable" });
      }
      if (req.method !== "POST") return send(res, 405, { error: "ERR method not allowed" });
      if (!isAuthorized(req, url, token)) {
        req.resume();
        return send(res, 401, { error: "WRONGPASS invalid or missing auth token" });
      }
      const handler = { "/": runSingle, "/pipeline": runPipeline, "/multi-exec": runMultiExec }[route];
      if (!handler) {
        req.resume();
        return send(res, 404, { error: `ERR unknown endpoint ${route}` });
      }
      let body;
      try {
        body = JSON.parse((await readBody(req)).toString("utf8"));
      } catch (error) {
        throw error instanceof BadRequest ? error : new BadRequest("ERR the body is not valid JSON");
      }
      const base64 = String(req.headers["upstash-encoding"] ?? "").toLowerCase() === "base64";
      const [status, payload] = await handler(pool, body, base64);
      send(res, status, payload);
    } catch (error) {
      if (error instanceof BadRequest) return send(res, 400, { error: error.message });
      console.error("upstash-redis-bridge:", error);
      if (!res.headersSent) send(res, 500, { error: `ERR bridge: ${error.message}` });
    }
  });
}

// ---------------------------------------------------------------------------------------------------- main

async function main() {
  const { values } = parseArgs({
    options: {
      port: { type: "string" },
      host: { type: "string" },
      redis: { type: "string" },
      token: { type: "string" },
    },
  });
  const env = process.env;
  const port = Number(values.port ?? env.UPSTASH_BRIDGE_PORT ?? 8079);
  const host = values.host ?? env.UPSTASH_BRIDGE_HOST ?? "127.0.0.1";
  const redisUrl = values.redis ?? env.UPSTASH_BRIDGE_REDIS_URL ?? "redis://127.0.0.1:6379";
  const token = values.token ?? env.UPSTASH_BRIDGE_TOKEN ?? randomBytes(24).toString("hex");
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`Invalid --port ${values.port}`);

  const pool = new Pool(parseRedisUrl(redisUrl));
  // Fail at start, with the reason, when Redis is unreachable.
  const [pong] = await pool.run([[Buffer.from("PING")]]);
  if (pong instanceof RedisError) throw new Error(`Redis at ${redisUrl} answered PING with ${pong.message}`);

  const server = createBridge(pool, token);
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, resolve);
  });
  const address = server.address();
  const shownHost = ["0.0.0.0", "::"].includes(address.address) ? "127.0.0.1" : address.address;
  const urlHost = shownHost.includes(":") ? `[${shownHost}]` : shownHost;
  process.stdout.write(`${JSON.stringify({ url: `http://${urlHost}:${address.port}`, token })}\n`);

  const shutdown = () => {
    server.close(() => process.exit(0));
    server.closeAllConnections();
    pool.close();
    setTimeout(() => process.exit(0), 2_000).unref();
  };
  process.once("SIGTERM", shutdown);
  process.once("SIGINT", shutdown);
}

main().catch((error) => {
  console.error(`upstash-redis-bridge: ${error.message}`);
  process.exit(1);
});
