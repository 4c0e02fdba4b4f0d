import { randomUUID } from "node:crypto";
import type { Redis } from "@upstash/redis";
import { getDb, type Executor } from "@/lib/database";
import { recordPositions, type PointRowMs } from "@/lib/attendance";
import { logger } from "@/lib/logger";
import { metrics } from "@/lib/metrics";
import { getRedis } from "@/lib/redis";
import { BUFFER_KEY, decodeBufferEntry, DEAD_LETTER_KEY, FLUSH_LOCK_KEY, PROCESSING_KEY } from "./buffer";

/*
 * Draining the buffer without losing or duplicating a point, whatever step a flush dies at:
 *   1. lock     SET lock NX PX — one flusher at a time; a dead flusher's lock expires.
 *   2. claim    (script) entries in the processing list that this flusher does not hold were left by a flusher that
 *               died: they come back first; otherwise the next N entries move from the buffer to the end of the
 *               processing list, atomically.
 *   3. store    INSERT … ON CONFLICT DO NOTHING in Postgres: a batch stored twice is stored once.
 *   4. ack      (script) drop the batch from the head of the processing list, only while still holding the lock.
 * Dying after 2 or 3 leaves the batch in processing for the next flush; a database error is the same.
 * The flush claims batch N+1 while batch N is being stored (the processing list then holds both, in order), so Redis
 * and Postgres work at the same time; batches are stored and acknowledged in claim order.
 */

/** Points per batch (one INSERT): whole buffer entries are taken until the next one would pass this. */
export const DEFAULT_BATCH = 5_000;
/** The claim script returns a batch through Lua's unpack, whose stack holds ~8,000 values. */
const MAX_ENTRIES = 5_000;
const LOCK_MS = 60_000;

// ARGV: 1 max entries, 2 lock token, 3 entries held, 4 max points. An entry's point count is the first number of its
// array, "[<n>," (an entry of the earlier one-point format has none); the first entry is always taken, however many
// points it holds.
const CLAIM_SCRIPT = `
if redis.call('GET', KEYS[3]) ~= ARGV[2] then return {'lost'} end
local function fit(items)
  local take, points, budget = 0, 0, tonumber(ARGV[4])
  for i = 1, #items do
    local n = tonumber(string.match(items[i], '^%[(%d+),')) or 1
    if take > 0 and points + n > budget then break end
    take, points = i, points + n
  end
  return take
end
local held = tonumber(ARGV[3])
if redis.call('LLEN', KEYS[2]) > held then
  local pending = redis.call('LRANGE', KEYS[2], held, held + tonumber(ARGV[1]) - 1)
  return {'retry', unpack(pending, 1, fit(pending))}
end
local items = redis.call('LRANGE', KEYS[1], 0, tonumber(ARGV[1]) - 1)
local take = fit(items)
for i = 1, take, 500 do
  redis.call('RPUSH', KEYS[2], unpack(items, i, math.min(i + 499, take)))
end
if take > 0 then redis.call('LTRIM', KEYS[1], take, -1) end
return {'new', unpack(items, 1, take)}
`;

const ACK_SCRIPT = `
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
redis.call('LTRIM', KEYS[2], tonumber(ARGV[3]), -1)
redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[2]))
return 1
`;

const RELEASE_SCRIPT = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
return 0
`;

export type FlushLock = { redis: Redis; token: string };

/** Step 1. Null when another flusher holds the lock. */
export async function acquireFlushLock(redis: Redis, lockMs = LOCK_MS): Promise<FlushLock | null> {
  const token = randomUUID();
  const ok = await redis.set(FLUSH_LOCK_KEY, token, { nx: true, px: lockMs });
  return ok === "OK" ? { redis, token } : null;
}

export type ClaimedBatch = { points: PointRowMs[]; raw: number; invalid: number; retried: boolean };

/**
 * Step 2. The batch to store (one a previous flush left behind, or a new one); empty when there is nothing.
 * `size`: points at most (whole entries; a single larger entry is taken alone). `held`: entries at the head of the
 * processing list that this flusher has claimed and not acknowledged yet.
 */
export async function claimBatch(lock: FlushLock, size = DEFAULT_BATCH, held = 0): Promise<ClaimedBatch | "lost"> {
  const reply = await lock.redis.eval<string[], unknown[]>(
    CLAIM_SCRIPT,
    [BUFFER_KEY, PROCESSING_KEY, FLUSH_LOCK_KEY],
    [String(MAX_ENTRIES), lock.token, String(held), String(size)],
  );
  const [kind, ...entries] = reply;
  if (kind === "lost") return "lost";
  const points: PointRowMs[] = [];
  const invalid: unknown[] = [];
  for (const entry of entries) {
    const decoded = decodeBufferEntry(entry);
    if (decoded) points.push(...decoded);
    else invalid.push(entry);
  }
  if (invalid.length > 0) {
    // Kept for a human to look at, never retried forever: one bad entry must not block every other point.
    logger.error({ count: invalid.length }, "invalid entries in the location buffer moved to the dead-letter list");
    await lock.redis.rpush(DEAD_LETTER_KEY, ...invalid.map((e) => (typeof e === "string" ? e : JSON.stringify(e))));
  }
  return { points, raw: entries.length, invalid: invalid.length, retried: kind === "retry" };
}

/** Step 3: lib/attendance records the points and moves each attendance's latest fix and journey on. */
export function storeBatch(batch: ClaimedBatch, db?: Executor): Promise<number> {
  return recordPositions(batch.points, db ?? getDb());
}

/**
 * Step 4: the oldest claimed batch (`batch.raw` entries at the head of the processing list) is done. False when the
 * lock was lost meanwhile (the batch stays for the lock's new holder: stored once anyway).
 */
export async function ackBatch(lock: FlushLock, batch: Pick<ClaimedBatch, "raw">, lockMs = LOCK_MS): Promise<boolean> {
  const done = await lock.redis.eval<string[], number>(
    ACK_SCRIPT,
    [FLUSH_LOCK_KEY, PROCESSING_KEY],
    [lock.token, String(lockMs), String(batch.raw)],
  );
  return done === 1;
}

export async function releaseFlushLock(lock: FlushLock): Promise<void> {
  await lock.redis.eval<string[], number>(RELEASE_SCRIPT, [FLUSH_LOCK_KEY], [lock.token]);
}

export type FlushResult = { skipped: boolean; batches: number; points: number; inserted: number; invalid: number; remaining: number };

/**
 * `flush-location-buffer`: drains the buffer into Postgres in batches until it is empty or `maxMs` has passed.
 * Without Redis there is no buffer and nothing to do.
 */
export async function flushLocationBuffer(options: { batchSize?: number; maxMs?: number; lockMs?: number } = {}): Promise<FlushResult> {
  const result: FlushResult = { skipped: false, batches: 0, points: 0, inserted: 0, invalid: 0, remaining: 0 };
  const redis = getRedis();
  if (!redis) return result;
  const lockMs = options.lockMs ?? LOCK_MS;
  const lock = await acquireFlushLock(redis, lockMs);
  if (!lock) return { ...result, skipped: true };
  const stopTimer = metrics.flushDuration.startTimer();
  const deadline = Date.now() + (options.maxMs ?? 45_000);
  const size = options.batchSize ?? DEFAULT_BATCH;
  try {
    let batch = await claimBatch(lock, size);
    while (batch !== "lost" && batch.raw > 0) {
      // Store this batch while the next one is claimed.
      const [inserted, next] = await Promise.all([
        storeBatch(batch),
        Date.now() < deadline ? claimBatch(lock, size, batch.raw) : null,
      ]);
      if (!(await ackBatch(lock, batch, lockMs))) break;
      result.inserted += inserted;
      result.batches += 1;
      result.points += batch.points.length;
      result.invalid += batch.invalid;
      if (next === null) break;
      batch = next;
    }
  } finally {
    await releaseFlushLock(lock);
    stopTimer();
    metrics.flushPoints.inc(result.points);
  }
  metrics.flushLastSuccess.set(Date.now() / 1000);
  result.remaining = await redis.llen(BUFFER_KEY);
  return result;
}
