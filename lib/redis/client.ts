import { Redis } from "@upstash/redis";
import { env } from "@/lib/env";

let client: Redis | null | undefined;

/** The Upstash Redis client when UPSTASH_REDIS_REST_URL is set, otherwise null (embedded mode). */
export function getRedis(): Redis | null {
  if (client === undefined) {
    const settings = env();
    client =
      settings.UPSTASH_REDIS_REST_URL && settings.UPSTASH_REDIS_REST_TOKEN
        ? new Redis({
            url: settings.UPSTASH_REDIS_REST_URL,
            token: settings.UPSTASH_REDIS_REST_TOKEN,
            // Callers have a fallback (ingest writes to Postgres) or fail open: retry briefly, not for seconds.
            retry: { retries: 2, backoff: (attempt) => 50 * (attempt + 1) },
          })
        : null;
  }
  return client;
}
