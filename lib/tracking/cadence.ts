// Client-safe and pure: how soon the participant's phone should report again, from where the server sees them.
// Fewer requests while someone is far away is the biggest lever on capacity; near the venue the phone reports often,
// so the check-in happens as soon as they are inside the arrival radius.

/** Far away (ETA over FAR_ETA_MS): a report every 12 s. */
export const FAR_REPORT_MS = 12_000;
/** Neither far nor near: the page's long-standing 5 s. */
export const CRUISE_REPORT_MS = 5_000;
/** Near the arrival radius (or about to arrive): every 2.5 s. */
export const NEAR_REPORT_MS = 2_500;
export const FAR_ETA_MS = 10 * 60_000;
export const NEAR_ETA_MS = 2 * 60_000;
/** "Near": within the arrival radius plus this margin (or twice the radius, whichever is more). */
export const NEAR_MARGIN_M = 250;

export type CadenceInput = {
  /** Straight-line metres from the newest fix to the venue. */
  distanceM: number;
  radiusM: number;
  /** Expected arrival; null when it cannot be estimated. */
  etaAt: Date | null;
  now: Date;
};

/** The interval the server suggests in `nextReportInMs` of the ingest answer. */
export function nextReportInMs({ distanceM, radiusM, etaAt, now }: CadenceInput): number {
  const etaMs = etaAt ? etaAt.getTime() - now.getTime() : Number.POSITIVE_INFINITY;
  if (distanceM <= Math.max(radiusM + NEAR_MARGIN_M, 2 * radiusM) || etaMs <= NEAR_ETA_MS) return NEAR_REPORT_MS;
  if (etaMs > FAR_ETA_MS) return FAR_REPORT_MS;
  return CRUISE_REPORT_MS;
}
