import { sql } from "drizzle-orm";
import { getDatabaseHandle } from "@/lib/database";
import { getMigrationState } from "@/db/migrate";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";
import { getRedis } from "@/lib/redis";

type Check = { ok: boolean; latencyMs?: number; error?: string };

export type Health = {
  status: "ok" | "degraded" | "down";
  mode: "embedded" | "production";
  parts: {
    database: Check & { kind: "pglite" | "postgres"; migrated?: boolean; migrations?: string };
    redis: Check & { configured: boolean };
    jobs: { runner: "inngest" | "local" };
    whatsapp: { configured: boolean; transport: "cloud" | "log" };
    mail: { transport: "smtp" | "log" };
    routing: { osrm: boolean };
  };
};

/** What anyone may see: up, degraded or down, and nothing about how the deployment is built. */
export function publicHealth(health: Health): Pick<Health, "status"> {
  return { status: health.status };
}

/** The state of every part. The database being unreachable is the only thing that makes the app "down". */
export async function getHealth(): Promise<Health> {
  const settings = env();
  const handle = getDatabaseHandle();
  const database = await timed("database", async () => {
    await handle.db.execute(sql`select 1`);
    return getMigrationState(handle);
  });
  const redisClient = getRedis();
  const redis = redisClient ? await timed("redis", () => redisClient.ping()) : undefined;

  const migrated = database.value?.upToDate;
  const status = !database.ok ? "down" : !migrated || (redis && !redis.ok) ? "degraded" : "ok";
  return {
    status,
    mode: settings.mode,
    parts: {
      database: {
        kind: handle.kind,
        ok: database.ok,
        latencyMs: database.latencyMs,
        ...(database.error ? { error: database.error } : {}),
        ...(database.value
          ? { migrated, migrations: `${database.value.applied}/${database.value.expected}` }
          : {}),
      },
      redis: redis
        ? { configured: true, ok: redis.ok, latencyMs: redis.latencyMs, ...(redis.error ? { error: redis.error } : {}) }
        : { configured: false, ok: true },
      jobs: { runner: settings.jobRunner },
      whatsapp: { configured: settings.whatsapp === "cloud", transport: settings.whatsapp },
      mail: { transport: settings.mail },
      routing: { osrm: settings.OSRM_URL !== undefined },
    },
  };
}

class TimeoutError extends Error {}

async function timed<T>(part: string, fn: () => Promise<T>): Promise<Check & { value?: T }> {
  const started = performance.now();
  try {
    const value = await withTimeout(fn(), 3000);
    return { ok: true, value, latencyMs: Math.round(performance.now() - started) };
  } catch (error) {
    // The cause goes to the log; the public answer names no host, port or connection string.
    logger.warn({ err: error, part }, "health check failed");
    return { ok: false, error: error instanceof TimeoutError ? error.message : "unreachable" };
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return Promise.race([
    promise,
    new Promise<T>((_, reject) => setTimeout(() => reject(new TimeoutError(`no answer within ${ms} ms`)), ms).unref()),
  ]);
}
