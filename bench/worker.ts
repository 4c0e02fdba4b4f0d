// The benchmark's steps that use the app's own modules, run as `tsx bench/worker.ts <command> <input.json> <output.json>`
// in a child process with one mode's settings (the app reads its settings once per process, and a PGlite folder
// must be closed before `next start` opens it). Started by bench/ingest.ts and bench/flush.ts, not by hand.
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import { and, count, eq, inArray, sql } from "drizzle-orm";
import { getDatabaseHandle, schema } from "@/lib/database";
import { seedBenchOccurrence, seedRoster } from "./lib/seed";
import { migrateDatabase } from "@/db/migrate";
import { getRedis } from "@/lib/redis/client";
import { BUFFER_KEY, bufferPoints, PROCESSING_KEY, type BufferedPoint } from "@/lib/tracking/buffer";
import { flushLocationBuffer } from "@/lib/tracking/flush";
import { issueTrackingLink } from "@/lib/tracking/links";
import { hashTrackingToken, newTrackingToken } from "@/lib/tracking/token";

export type SeedInput = { attendances: number; links: boolean };
export type SeedOutput = {
  organizationId: string;
  instanceId: string;
  validFromMs: number;
  validUntilMs: number;
  attendanceIds: string[];
  tokens: string[];
  seconds: number;
};
/** Points whose outcome stayed unknown after the retries: (attendance, first instant, size, spacing). */
export type CountInput = { organizationId: string; unresolved: { attendanceId: string; firstMs: number; size: number; stepMs: number }[] };
export type CountOutput = { stored: number; storedUnresolved: number; flush: FlushSummary | null };
export type FlushSummary = { calls: number; points: number; inserted: number; seconds: number; skippedWaits: number };
export type FillInput = { organizationId: string; attendanceIds: string[]; points: number; batch: number; concurrency: number };
export type FillOutput = { buffered: number; seconds: number; bufferLength: number };

const VENUE = { venueName: "Bench venue (far from every point)", venueLat: 48.8566, venueLng: 2.3522 };

async function seed(input: SeedInput): Promise<SeedOutput> {
  const started = performance.now();
  const handle = getDatabaseHandle();
  await migrateDatabase(handle);
  const db = handle.db;
  // A one-off event starting in 30 minutes, its tracking window open now and for hours.
  const { org, ctx, event, instance } = await seedBenchOccurrence(db, {
    name: "Bench",
    startsInMinutes: 30,
    event: { title: "Benchmark", ...VENUE },
  });
  await seedRoster(db, ctx, event.id, input.attendances, (n) => ({
    name: `Bench participant ${n + 1}`,
    phone: `+4915${String(100_000_000 + n).padStart(9, "0")}`,
  }));
  const attendances = await db
    .select({ id: schema.attendances.id })
    .from(schema.attendances)
    .where(and(eq(schema.attendances.instanceId, instance.id), eq(schema.attendances.organizationId, org.id)))
    .orderBy(schema.attendances.id);
  if (attendances.length !== input.attendances) throw new Error(`expected ${input.attendances} attendances, got ${attendances.length}`);

  // The first link through the app's own issuer (checks the occurrence, stores the hash, takes the window); the
  // others are written the same way in bulk (issuing 1,000 one by one takes minutes on PGlite): LEAD's token
  // generator and hash, the window issueTrackingLink just returned.
  const tokens: string[] = [];
  let window = { validFrom: new Date(0), validUntil: new Date(0) };
  if (input.links && attendances.length > 0) {
    const first = await issueTrackingLink(ctx, attendances[0]!.id);
    tokens.push(first.token);
    window = { validFrom: first.validFrom, validUntil: first.validUntil };
    const rest = attendances.slice(1).map((a) => ({ attendanceId: a.id, token: newTrackingToken() }));
    for (let i = 0; i < rest.length; i += 1_000) {
      await db.insert(schema.trackingLinks).values(
        rest.slice(i, i + 1_000).map((r) => ({
          organizationId: org.id,
          attendanceId: r.attendanceId,
          tokenHash: hashTrackingToken(r.token),
          ...window,
        })),
      );
    }
    tokens.push(...rest.map((r) => r.token));
  }
  await handle.close();
  return {
    organizationId: org.id,
    instanceId: instance.id,
    validFromMs: window.validFrom.getTime(),
    validUntilMs: window.validUntil.getTime(),
    attendanceIds: attendances.map((a) => a.id),
    tokens,
    seconds: (performance.now() - started) / 1000,
  };
}

/** Drains the Redis buffer completely (waiting out a lock a stopped server may have left), timing it. */
async function flushAll(): Promise<FlushSummary | null> {
  const redis = getRedis();
  if (!redis) return null;
  const summary: FlushSummary = { calls: 0, points: 0, inserted: 0, seconds: 0, skippedWaits: 0 };
  const started = performance.now();
  const deadline = Date.now() + 180_000;
  for (;;) {
    const result = await flushLocationBuffer({ maxMs: 60_000 });
    summary.calls += 1;
    summary.points += result.points;
    summary.inserted += result.inserted;
    if (result.skipped) {
      summary.skippedWaits += 1; // a flusher that died holds the lock until it expires
    } else if (result.remaining === 0 && (await redis.llen(PROCESSING_KEY)) === 0) {
      break;
    }
    if (Date.now() > deadline) throw new Error(`the buffer is still not empty after 180 s (last flush: ${JSON.stringify(result)})`);
    if (result.skipped) await new Promise((r) => setTimeout(r, 1_000));
  }
  summary.seconds = (performance.now() - started) / 1000;
  return summary;
}

async function countStored(input: CountInput): Promise<CountOutput> {
  const flush = await flushAll();
  const handle = getDatabaseHandle();
  const db = handle.db;
  const [total] = await db
    .select({ n: count() })
    .from(schema.locations)
    .where(eq(schema.locations.organizationId, input.organizationId));
  let storedUnresolved = 0;
  for (const batch of input.unresolved) {
    const instants = Array.from({ length: batch.size }, (_, i) => new Date(batch.firstMs + i * batch.stepMs));
    const [found] = await db
      .select({ n: count() })
      .from(schema.locations)
      .where(and(eq(schema.locations.attendanceId, batch.attendanceId), inArray(schema.locations.recordedAt, instants)));
    storedUnresolved += found?.n ?? 0;
  }
  await handle.close();
  return { stored: total?.n ?? 0, storedUnresolved, flush };
}

/** Fills the buffer through the app's own writer (the ingest route's Redis path), `batch` points per call. */
async function fill(input: FillInput): Promise<FillOutput> {
  const redis = getRedis();
  if (!redis) throw new Error("fill needs UPSTASH_REDIS_REST_URL");
  const started = performance.now();
  const base = Date.now() - 60 * 60_000;
  const calls = Math.ceil(input.points / input.batch);
  let next = 0;
  let buffered = 0;
  const receivedAt = new Date().toISOString();
  const worker = async () => {
    for (let call = next++; call < calls; call = next++) {
      const link = call % input.attendanceIds.length;
      const attendanceId = input.attendanceIds[link]!;
      const round = Math.floor(call / input.attendanceIds.length);
      const size = Math.min(input.batch, input.points - call * input.batch);
      const points: BufferedPoint[] = Array.from({ length: size }, (_, i) => ({
        o: input.organizationId,
        a: attendanceId,
        t: new Date(base + (round * input.batch + i) * 10).toISOString(),
        r: receivedAt,
        la: 52.5 + link * 0.0001,
        ln: 13.4 + i * 0.00001,
        ac: 12,
        al: null,
        sp: 1.4,
        hd: null,
      }));
      const newest = points.at(-1)!;
      const outcome = await bufferPoints(
        { linkId: randomUUID(), organizationId: input.organizationId, attendanceId },
        points,
        { ms: Date.parse(newest.t), lat: newest.la, lng: newest.ln, acc: newest.ac, spd: newest.sp, d: 880_000, eta: null },
      );
      if (!outcome.ok) throw new Error(`bufferPoints refused: ${outcome.closed}`);
      buffered += size;
    }
  };
  await Promise.all(Array.from({ length: input.concurrency }, worker));
  return { buffered, seconds: (performance.now() - started) / 1000, bufferLength: await redis.llen(BUFFER_KEY) };
}

/** Is the dedicated Redis database empty? (The bench never touches a database that holds anything.) */
async function redisKeys(): Promise<{ keys: number }> {
  const redis = getRedis();
  if (!redis) throw new Error("no Redis configured");
  return { keys: await redis.dbsize() };
}

/** Deletes the app's keys (`ec:*`) from the bench's dedicated Redis database, nothing else. */
async function redisClean(): Promise<{ deleted: number }> {
  const redis = getRedis();
  if (!redis) throw new Error("no Redis configured");
  let cursor = "0";
  let deleted = 0;
  do {
    const [nextCursor, keys] = await redis.scan(cursor, { match: "ec:*", count: 1_000 });
    cursor = String(nextCursor);
    if (keys.length > 0) deleted += await redis.del(...keys);
  } while (cursor !== "0");
  return { deleted };
}

/** For bench/flush: stored rows of the organization. */
async function countRows(input: { organizationId: string }): Promise<{ stored: number }> {
  const handle = getDatabaseHandle();
  const result = await handle.db.execute<{ n: number }>(
    sql`select count(*)::int as n from locations where organization_id = ${input.organizationId}`,
  );
  await handle.close();
  return { stored: result[0]?.n ?? 0 };
}

async function flushOnly(): Promise<FlushSummary | null> {
  return flushAll();
}

/**
 * For bench/capacity: an owner of the bench organization and a signed session cookie for them (the token Auth.js
 * would set at sign-in, made with the server's AUTH_SECRET), so the benchmark can watch the live map as organizers do.
 */
async function organizerSession(input: { organizationId: string }): Promise<{ cookie: string; slug: string }> {
  const { encode } = await import("next-auth/jwt");
  const { createSession } = await import("@/lib/auth/sessions");
  const handle = getDatabaseHandle();
  const db = handle.db;
  const [org] = await db.select().from(schema.organizations).where(eq(schema.organizations.id, input.organizationId));
  const [user] = await db
    .insert(schema.users)
    .values({ name: "Bench organizer", email: `bench-${randomUUID()}@example.test`, emailVerified: new Date() })
    .returning();
  await db.insert(schema.memberships).values({ organizationId: input.organizationId, userId: user!.id, role: "owner" });
  const sid = await createSession(user!.id);
  const salt = "authjs.session-token";
  const token = await encode({ token: { sub: user!.id, sid, name: user!.name, email: user!.email }, secret: process.env.AUTH_SECRET!, salt });
  await handle.close();
  return { cookie: `${salt}=${token}`, slug: org!.slug };
}

const commands: Record<string, (input: never) => Promise<unknown>> = {
  "organizer-session": organizerSession,
  seed,
  count: countStored,
  fill,
  flush: flushOnly,
  "count-rows": countRows,
  "redis-keys": redisKeys,
  "redis-clean": redisClean,
};

const [command, inputFile, outputFile] = process.argv.slice(2);
const run = command ? commands[command] : undefined;
if (!run || !inputFile || !outputFile) {
  console.error(`usage: tsx bench/worker.ts <${Object.keys(commands).join("|")}> <input.json> <output.json>`);
  process.exit(2);
}
try {
  const output = await run(JSON.parse(fs.readFileSync(inputFile, "utf8")) as never);
  fs.writeFileSync(outputFile, JSON.stringify(output));
  process.exit(0);
} catch (error) {
  console.error(`bench worker ${command} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
}
