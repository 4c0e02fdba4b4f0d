import { z } from "zod";

// Client-safe: the participant page and the ingest route share these shapes. No server imports.

export const MAX_POINTS_PER_BATCH = 100;
/** A batch of 100 points is ~15 KB: anything far bigger is not from our page and is refused while it streams in. */
export const MAX_BATCH_BODY_BYTES = 64 * 1024;
/** How far ahead of the server clock a phone's clock may be before its points count as "from the future". */
export const CLOCK_SKEW_MS = 2 * 60_000;

// zod 4's number() refuses NaN and ±Infinity itself. The messages are zod's issues worded once (lib/problems.ts):
// the field's path (`points.3.lat`) says which value, the message its limit ("Use 90 or less.").

/** One fix as the phone reports it (GeolocationPosition, flattened). */
export const PointInput = z.object({
  lat: z.number().min(-90).max(90),
  lng: z.number().min(-180).max(180),
  /** Metres. */
  accuracy: z.number().positive().max(100_000),
  altitude: z.number().min(-1_000).max(20_000).nullish(),
  /** Metres per second. */
  speed: z.number().min(0).max(200).nullish(),
  heading: z.number().min(0).max(360).nullish(),
  recordedAt: z.iso.datetime({ offset: true }),
});
export type PointInput = z.infer<typeof PointInput>;

export const PointBatchInput = z.object({
  points: z
    .array(PointInput)
    .min(1)
    .max(MAX_POINTS_PER_BATCH),
});
export type PointBatchInput = z.infer<typeof PointBatchInput>;

/** What a successful POST /api/track/<token>/points answers (200). */
export type IngestResult = {
  /** Points taken from this batch (a point already stored counts too: resending is safe). */
  accepted: number;
  journey: "on_the_way" | "arrived";
  /** ISO time of the check-in when this batch (or an earlier one) arrived. */
  arrivedAt: string | null;
  /** Straight-line metres from the newest fix to the venue. */
  distanceM: number;
  /** ISO time the participant is expected at the venue; null when it cannot be estimated. */
  etaAt: string | null;
  /**
   * When the page should report next (ms), following the journey (lib/tracking/cadence.ts): 12 s far away, 5 s on
   * the way, 2.5 s near the venue; null once arrived. Added later: a client that ignores it keeps its own pace.
   */
  nextReportInMs?: number | null;
};

/**
 * The `error.reason` of a refused POST, so the page knows what to show:
 * 404 unknown · 410 expired | revoked | stopped | cancelled · 409 arrived | not_open.
 */
export const LINK_REFUSALS = ["unknown", "expired", "revoked", "stopped", "cancelled", "arrived", "not_open"] as const;
export type LinkRefusal = (typeof LINK_REFUSALS)[number];

/** Everything the participant page shows. The token's holder sees only their own attendance. */
export type TrackingPageInfo = {
  participantName: string;
  organizationName: string;
  eventTitle: string;
  /** ISO instants. */
  startsAt: string;
  endsAt: string;
  timeZone: string;
  venue: { name: string; address: string; lat: number; lng: number; radiusM: number };
  travelMode: "walking" | "driving";
  /** Miles for a phone from the US or the UK, kilometres otherwise (lib/i18n's DistanceUnits). */
  distanceUnits: "metric" | "imperial";
  /** The tracking window: points are accepted from `validFrom` to `validUntil`. */
  validFrom: string;
  validUntil: string;
  arrivedAt: string | null;
  /** The last fix the server has, to draw before the phone reports a new one. */
  lastFix: { lat: number; lng: number; accuracyM: number; at: string } | null;
};

export type TrackingPageView =
  | { state: "unknown" }
  | ({ state: "open" | "not_open" | "arrived" | "stopped" | "expired" | "revoked" | "cancelled" } & TrackingPageInfo);
