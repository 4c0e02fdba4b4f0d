import { z } from "zod";
import { closedAttendanceKey, markClosed, type Fix, type PointRow, type PointRowMs } from "@/lib/attendance";
import { getRedis } from "@/lib/redis";

/**
 * The write-behind buffer in Redis (production with Upstash): accepted points are appended to one list that
 * `flush-location-buffer` drains into Postgres, and the newest fix of each attendance is kept for the live map.
 * The buffer and processing lists are one system queue across organizations; each entry carries its organization.
 *
 * One entry per accepted batch, a JSON array: `[<points>, org, attendance, receivedAt, [[recordedAtMs, lat, lng,
 * accuracy, altitude, speed, heading], …]]`. The leading count lets the flush's claim script take whole entries up
 * to a number of points without decoding them; organization and attendance are written once, not per point; and the
 * client's automatic JSON decoding of replies parses it without throwing. (Entries of one point as a JSON object, the
 * earlier format, are still read.)
 */
export const BUFFER_KEY = "ec:locations:buffer";
export const PROCESSING_KEY = "ec:locations:processing";
export const FLUSH_LOCK_KEY = "ec:locations:flush-lock";
export const DEAD_LETTER_KEY = "ec:locations:dead";
export const latestKey = (orgId: string, attendanceId: string) => `ec:locations:${orgId}:latest:${attendanceId}`;
const closedLinkKey = (orgId: string, linkId: string) => `ec:tracking:${orgId}:closed-link:${linkId}`;

const LATEST_TTL_SECONDS = 2 * 86_400;

/** One point as buffered (and as handed to the Postgres insert): short keys, since there are many of them. */
export const BufferedPoint = z.object({
  o: z.uuid(),
  a: z.uuid(),
  t: z.iso.datetime({ offset: true }),
  r: z.iso.datetime({ offset: true }),
  la: z.number().min(-90).max(90),
  ln: z.number().min(-180).max(180),
  ac: z.number().positive(),
  al: z.number().nullable(),
  sp: z.number().nullable(),
  hd: z.number().nullable(),
}) satisfies z.ZodType<PointRow>;
export type BufferedPoint = z.infer<typeof BufferedPoint>;

const nullableNumber = z.number().nullable();
/** One batch as buffered: see the format above. */
const BufferedBatch = z.tuple([
  z.number().int().positive(),
  z.uuid(),
  z.uuid(),
  z.iso.datetime({ offset: true }),
  z
    .array(
      z.tuple([
        z.number().int().nonnegative(),
        z.number().min(-90).max(90),
        z.number().min(-180).max(180),
        z.number().positive(),
        nullableNumber,
        nullableNumber,
        nullableNumber,
      ]),
    )
    .min(1),
]);

/** A batch of one attendance's points as one buffer entry. */
export function encodeBufferEntry(link: { organizationId: string; attendanceId: string }, points: BufferedPoint[]): string {
  const p = points.map((x) => [Date.parse(x.t), x.la, x.ln, x.ac, x.al, x.sp, x.hd]);
  return JSON.stringify([points.length, link.organizationId, link.attendanceId, points[0]!.r, p]);
}

/**
 * The points of a buffer entry (either format), or null when it is not one. @upstash/redis hands over a reply that
 * is valid JSON already parsed.
 */
export function decodeBufferEntry(entry: unknown): PointRowMs[] | null {
  const json = typeof entry === "string" ? safeJson(entry) : entry;
  const batch = BufferedBatch.safeParse(json);
  if (batch.success) {
    const [, o, a, r, p] = batch.data;
    return p.map(([ms, la, ln, ac, al, sp, hd]) => ({ o, a, ms, r, la, ln, ac, al, sp, hd }));
  }
  const single = BufferedPoint.safeParse(json);
  if (!single.success) return null;
  const { t, ...rest } = single.data;
  return [{ ...rest, ms: Date.parse(t) }];
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The newest fix of an attendance as the live map reads it. */
export const LatestFix = z.object({
  ms: z.number(),
  lat: z.number(),
  lng: z.number(),
  acc: z.number(),
  spd: z.number().nullable(),
  d: z.number(),
  eta: z.string().nullable(),
});
export type LatestFix = z.infer<typeof LatestFix>;

// One round trip per request, atomic: refuse if the link or attendance was closed, append the batch, keep the newer
// of the stored and the new latest fix, and hand back the previous one (the geofence needs it).
const BUFFER_SCRIPT = `
local closed = redis.call('GET', KEYS[1]) or redis.call('GET', KEYS[2])
if closed then return {0, closed} end
redis.call('RPUSH', KEYS[4], ARGV[4])
local prev = redis.call('GET', KEYS[3])
if (not prev) or cjson.decode(prev).ms < tonumber(ARGV[2]) then
  redis.call('SET', KEYS[3], ARGV[1], 'EX', tonumber(ARGV[3]))
end
return {1, prev or false}
`;

export type BufferOutcome =
  | { ok: true; previous: Fix | null; isFirst: boolean }
  | { ok: false; closed: "revoked" | "stopped" | "arrived" | "expired" };

/**
 * Appends accepted points to the buffer. Throws when Redis is unreachable (the caller then writes to Postgres
 * directly: the flush dedupes, so a request that reached Redis and also took the fallback stores each point once).
 */
export async function bufferPoints(
  link: { linkId: string; organizationId: string; attendanceId: string },
  points: BufferedPoint[],
  latest: LatestFix,
): Promise<BufferOutcome> {
  const redis = getRedis();
  if (!redis) throw new Error("bufferPoints needs Redis");
  const { organizationId: org, attendanceId, linkId } = link;
  // Numbers, not strings, for the status: the client JSON-decodes every reply value, and a bare word makes it throw.
  const reply = await redis.eval<string[], [number, unknown]>(
    BUFFER_SCRIPT,
    [closedLinkKey(org, linkId), closedAttendanceKey(org, attendanceId), latestKey(org, attendanceId), BUFFER_KEY],
    [JSON.stringify(latest), String(latest.ms), String(LATEST_TTL_SECONDS), encodeBufferEntry(link, points)],
  );
  const [status, value] = reply;
  if (status !== 1) return { ok: false, closed: parseClosed(value) };
  const previous = parseLatest(value);
  return {
    ok: true,
    isFirst: previous === null,
    previous: previous && {
      lat: previous.lat,
      lng: previous.lng,
      accuracyM: previous.acc,
      recordedAt: new Date(previous.ms),
    },
  };
}

function parseClosed(value: unknown): "revoked" | "stopped" | "arrived" | "expired" {
  const parsed = z.enum(["revoked", "stopped", "arrived", "expired"]).safeParse(value);
  return parsed.success ? parsed.data : "expired";
}

/** The stored latest fix, or null for none (the script answers false) or anything else. @upstash/redis may already have parsed the JSON. */
function parseLatest(value: unknown): LatestFix | null {
  const parsed = LatestFix.safeParse(typeof value === "string" ? safeJson(value) : value);
  return parsed.success ? parsed.data : null;
}

/** A revoked or stopped link takes no more points through the buffer either (an arrival closes the attendance). */
export async function closeLinkInBuffer(orgId: string, link: { linkId: string; reason: "revoked" | "stopped"; until: Date }): Promise<void> {
  await markClosed(closedLinkKey(orgId, link.linkId), link.reason, link.until);
}

/** The newest buffered fix of each attendance (Redis mode only), for the live map. */
export async function readLatestFixes(orgId: string, attendanceIds: string[]): Promise<Map<string, LatestFix>> {
  const redis = getRedis();
  const out = new Map<string, LatestFix>();
  if (!redis || attendanceIds.length === 0) return out;
  const values = await redis.mget<unknown[]>(...attendanceIds.map((id) => latestKey(orgId, id)));
  attendanceIds.forEach((id, i) => {
    const fix = parseLatest(values[i]);
    if (fix) out.set(id, fix);
  });
  return out;
}
