import type { Requester, UpstashRequest, UpstashResponse } from "@upstash/redis";
import { coalesce } from "@/lib/utils/coalesce";

/**
 * The HTTP transport under `@upstash/redis`, sending the commands of concurrent callers together.
 *
 * Every Upstash call is an HTTP request, and on a busy server the request itself (fetch, headers, JSON, the socket
 * write and read) costs far more CPU than the Redis command. The client's own auto-pipelining only joins commands
 * issued in the same tick; requests from different participants arrive in different ticks. This transport keeps at
 * most `maxInFlight` HTTP requests open and queues what arrives meanwhile: the next request carries the whole queue
 * to `/pipeline`, and each caller gets its own command's answer. When the server is idle a command goes out at once
 * (no added latency); under load one HTTP request serves many callers.
 *
 * A command that fails in Redis fails for its caller only (the pipeline answers per command). A request that fails
 * as a whole (network, 5xx, 401) fails every command it carried, after `retries` attempts for network errors.
 * Commands on other endpoints (`/multi-exec` transactions, streams) go out on their own, unchanged.
 */
export type CoalescingOptions = {
  url: string;
  token: string;
  /** HTTP requests open at once; commands arriving meanwhile wait for the next one. */
  maxInFlight?: number;
  /** Commands per HTTP request at most. */
  maxBatch?: number;
  /** Attempts after a network error, and the wait before each (ms). */
  retries?: number;
  backoffMs?: (attempt: number) => number;
  fetch?: typeof fetch;
};

const DEFAULT_MAX_IN_FLIGHT = 2;
const DEFAULT_MAX_BATCH = 200;

export class UpstashTransportError extends Error {
  override name = "UpstashTransportError";
}

export function coalescingRequester(options: CoalescingOptions): Requester {
  const baseUrl = options.url.replace(/\/$/, "");
  const maxInFlight = options.maxInFlight ?? DEFAULT_MAX_IN_FLIGHT;
  const maxBatch = options.maxBatch ?? DEFAULT_MAX_BATCH;
  const retries = options.retries ?? 2;
  const backoffMs = options.backoffMs ?? ((attempt: number) => 50 * (attempt + 1));
  const doFetch = options.fetch ?? fetch;
  // Read-your-writes across Upstash replicas: each answer's sync token goes with the next request.
  let syncToken = "";

  async function post(path: string, body: unknown): Promise<unknown> {
    const init: RequestInit = {
      method: "POST",
      headers: {
        authorization: `Bearer ${options.token}`,
        "content-type": "application/json",
        ...(syncToken ? { "upstash-sync-token": syncToken } : {}),
      },
      body: JSON.stringify(body),
      keepalive: true,
    };
    let response: Response | undefined;
    for (let attempt = 0; ; attempt++) {
      try {
        response = await doFetch(`${baseUrl}${path}`, init);
        break;
      } catch (error) {
        if (attempt >= retries) throw error;
        await new Promise((resolve) => setTimeout(resolve, backoffMs(attempt)));
      }
    }
    syncToken = response.headers.get("upstash-sync-token") ?? syncToken;
    const text = await response.text();
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw new UpstashTransportError(`Upstash answered ${response.status} with a body that is not JSON: ${text.slice(0, 200)}`);
    }
    if (!response.ok) {
      const message = (parsed as { error?: unknown } | null)?.error;
      throw new UpstashTransportError(`Upstash answered ${response.status}: ${String(message ?? text.slice(0, 200))}`);
    }
    return parsed;
  }

  // One command in, its own answer out; the pipeline answers per command, so a Redis error stays with its caller.
  const enqueue = coalesce<unknown, UpstashResponse<unknown>>({
    maxInFlight,
    maxBatch,
    async run(commands) {
      const answers = await post("/pipeline", commands);
      if (!Array.isArray(answers) || answers.length !== commands.length) {
        throw new UpstashTransportError(`Upstash answered a pipeline of ${commands.length} commands with something else.`);
      }
      return answers.map((answer) => ({ ok: true, value: answer as UpstashResponse<unknown> }));
    },
  });

  return {
    async request<TResult>(req: UpstashRequest): Promise<UpstashResponse<TResult>> {
      const path = req.path ?? [];
      const plain = !req.isStreaming && !req.onMessage && !req.signal && !req.headers;
      if (plain && path.length === 0) {
        return (await enqueue(req.body)) as UpstashResponse<TResult>;
      }
      if (plain && path.length === 1 && path[0] === "pipeline" && Array.isArray(req.body)) {
        // The client reads a pipeline's answer as an array of per-command answers.
        return (await Promise.all(req.body.map((command) => enqueue(command)))) as unknown as UpstashResponse<TResult>;
      }
      return (await post(`/${path.join("/")}`, req.body)) as UpstashResponse<TResult>;
    },
  };
}
