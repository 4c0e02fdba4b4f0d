import { detectArrival, recordGeofenceArrival, startJourney, type Fix } from "@/lib/attendance";
import { AppError, parseInput } from "@/lib/errors";
import { estimateEtaAt, haversineM } from "@/lib/eta";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";
import { metrics } from "@/lib/metrics";
import { createRateLimiter, enforceRateLimit, type RateLimiter } from "@/lib/rate-limit";
import { getRedis } from "@/lib/redis";
import { bufferPoints, type BufferedPoint } from "./buffer";
import { nextReportInMs } from "./cadence";
import { getLinkForIngest, linkRefusal, refusalError, type LinkContext } from "./link-context";
import { CLOCK_SKEW_MS, LINK_REFUSALS, PointBatchInput, type IngestResult, type LinkRefusal } from "./schemas";
import { storePointsDirect } from "./store";

let limiter: RateLimiter | undefined;
function rateLimiter(): RateLimiter {
  limiter ??= createRateLimiter({ prefix: "track", limit: env().TRACKING_RATE_LIMIT_PER_MINUTE, windowSeconds: 60 });
  return limiter;
}

/**
 * The link a token opens, if it takes points now; otherwise the refusal as an AppError (404 unknown, 410 over,
 * 409 arrived / not open yet). Cheap: served from the per-process link cache.
 */
export async function getOpenLinkOrThrow(token: string, now: Date): Promise<LinkContext> {
  const link = await getLinkForIngest(token, now.getTime());
  if (!link) throw refusalError("unknown");
  const refusal = linkRefusal(link, now);
  if (refusal) throw refusalError(refusal);
  return link;
}

/** Per link, so one misbehaving phone cannot starve the others; with Redis down, batches are let through. */
export async function assertWithinRateLimit(link: LinkContext): Promise<void> {
  const message = "Too many batches from this link: wait a moment and send them again.";
  await enforceRateLimit(rateLimiter(), `${link.organizationId}:${link.linkId}`, message);
}

/**
 * Validates a batch against the shape and the link's window: every point must be recorded inside the tracking
 * window and not in the future (CLOCK_SKEW_MS of phone clock drift allowed). One bad point refuses the whole batch,
 * with a message per field, and nothing is stored.
 */
export function parseBatch(body: unknown, link: Pick<LinkContext, "validFrom" | "validUntil">, now: Date) {
  const { points } = parseInput(PointBatchInput, body);
  const fields: Record<string, string[]> = {};
  const latestAllowed = Math.min(now.getTime() + CLOCK_SKEW_MS, link.validUntil.getTime());
  points.forEach((point, i) => {
    const at = Date.parse(point.recordedAt);
    if (at > now.getTime() + CLOCK_SKEW_MS) fields[`points.${i}.recordedAt`] = ["recordedAt is in the future."];
    else if (at < link.validFrom.getTime() || at > latestAllowed) {
      fields[`points.${i}.recordedAt`] = ["recordedAt is outside this link's tracking window."];
    }
  });
  if (Object.keys(fields).length > 0) {
    throw new AppError("VALIDATION", "Some points cannot be accepted; none of this batch was stored.", { fields });
  }
  return points;
}

/**
 * Stores a validated batch for an open link and checks the participant in when the fixes say they arrived.
 * With Redis the points go to the write-behind buffer (no Postgres on the usual request); without it, or when
 * Redis fails, they go to Postgres in one statement. Either way a resent point is stored once.
 */
export async function ingestPoints(link: LinkContext, points: PointBatchInput["points"], now: Date): Promise<IngestResult> {
  const receivedAt = now.toISOString();
  const rows: BufferedPoint[] = points.map((p) => ({
    o: link.organizationId,
    a: link.attendanceId,
    t: new Date(p.recordedAt).toISOString(),
    r: receivedAt,
    la: p.lat,
    ln: p.lng,
    ac: p.accuracy,
    al: p.altitude ?? null,
    sp: p.speed ?? null,
    hd: p.heading ?? null,
  }));
  const newest = rows.reduce((a, b) => (b.t > a.t ? b : a));
  const distanceM = haversineM({ lat: newest.la, lng: newest.ln }, link.venue);
  const etaAt = estimateEtaAt({ distanceM, travelMode: link.travelMode, speedMps: newest.sp, now });

  const write = await writePoints(link, rows, { fix: newest, distanceM, etaAt });
  if (!write.ok) throw refusalError(write.refusal);

  const fixes: Fix[] = rows.map((r) => ({ lat: r.la, lng: r.ln, accuracyM: r.ac, recordedAt: new Date(r.t) }));
  const arrival = detectArrival(write.previous, fixes, { ...link.venue });
  if (arrival) {
    const arrivedAt = await recordGeofenceArrival(link, arrival.recordedAt);
    const answer = { accepted: rows.length, journey: "arrived" as const, arrivedAt: arrivedAt.toISOString(), distanceM: Math.round(distanceM) };
    return { ...answer, etaAt: null, nextReportInMs: null };
  }
  return {
    accepted: rows.length,
    journey: "on_the_way",
    arrivedAt: null,
    distanceM: Math.round(distanceM),
    etaAt: etaAt.toISOString(),
    nextReportInMs: nextReportInMs({ distanceM, radiusM: link.venue.radiusM, etaAt, now }),
  };
}

/**
 * One POST of points, start to end: the link, the rate limit, the body (read only once both allow it), the store.
 * Every batch is counted, accepted or with the reason it was refused.
 */
export async function receivePoints(token: string, readBody: () => Promise<unknown>, now: Date): Promise<IngestResult> {
  try {
    const link = await getOpenLinkOrThrow(token, now);
    await assertWithinRateLimit(link);
    const result = await ingestPoints(link, parseBatch(await readBody(), link, now), now);
    metrics.trackingBatches.inc({ result: "accepted" });
    metrics.trackingPointsAccepted.inc(result.accepted);
    return result;
  } catch (error) {
    metrics.trackingBatches.inc({ result: refusalLabel(error) });
    throw error;
  }
}

/** A bounded label: the link refusal, rate_limited, invalid, another error code, or error for a failure of ours. */
function refusalLabel(error: unknown): string {
  if (!(error instanceof AppError)) return "error";
  const reason = error.details.reason;
  if (reason && (LINK_REFUSALS as readonly string[]).includes(reason)) return reason;
  if (error.code === "RATE_LIMITED") return "rate_limited";
  if (error.code === "VALIDATION") return "invalid";
  return error.code.toLowerCase();
}

type Write = { ok: true; previous: Fix | null } | { ok: false; refusal: LinkRefusal };

async function writePoints(
  link: LinkContext,
  rows: BufferedPoint[],
  latest: { fix: BufferedPoint; distanceM: number; etaAt: Date },
): Promise<Write> {
  if (getRedis()) {
    try {
      const buffered = await bufferPoints(link, rows, {
        ms: Date.parse(latest.fix.t),
        lat: latest.fix.la,
        lng: latest.fix.ln,
        acc: latest.fix.ac,
        spd: latest.fix.sp,
        d: Math.round(latest.distanceM),
        eta: latest.etaAt.toISOString(),
      });
      if (!buffered.ok) return { ok: false, refusal: buffered.closed };
      // The first point of a journey is the one write that reaches Postgres at once: the organizer sees "on the way".
      if (buffered.isFirst) await startJourney(link);
      return { ok: true, previous: buffered.previous };
    } catch (error) {
      // The participant's points matter more than the buffer: fall back to the database.
      logger.warn({ err: error, attendanceId: link.attendanceId }, "Redis buffer unavailable, writing points directly");
    }
  }
  const direct = await storePointsDirect(link, rows, latest);
  if (direct.ok) return { ok: true, previous: direct.previous };
  const { state } = direct;
  const refusal: LinkRefusal = state.revoked
    ? "revoked"
    : state.cancelled
      ? "cancelled"
      : state.journey === "arrived"
        ? "arrived"
        : state.stopped
          ? "stopped"
          : "expired";
  return { ok: false, refusal };
}
