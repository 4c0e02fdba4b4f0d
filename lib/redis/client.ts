import { Redis } from "@upstash/redis";
import { env } from "@/lib/env";
import { coalescingRequester } from "./coalescing-requester";

let client: Redis | null | undefined;

/**
 * The Upstash Redis client when UPSTASH_REDIS_REST_URL is set, otherwise null (embedded mode). Commands of concurrent
 * requests share HTTP requests (see coalescing-requester.ts). Answers come as plain JSON, not base64: everything we
 * keep in Redis is text.
 */
export function getRedis(): Redis | null {
  if (client === undefined) {
    const settings = env();
    client =
      settings.UPSTASH_REDIS_REST_URL && settings.UPSTASH_REDIS_REST_TOKEN
        ? new Redis(
            coalescingRequester({
              url: settings.UPSTASH_REDIS_REST_URL,
              token: settings.UPSTASH_REDIS_REST_TOKEN,
              // Callers have a fallback (ingest writes to Postgres) or fail open: retry briefly, not for seconds.
              retries: 2,
              backoffMs: (attempt) => 50 * (attempt + 1),
            }),
          )
        : null;
  }
  return client;
}
