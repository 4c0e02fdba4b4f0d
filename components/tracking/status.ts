import { estimateEtaAt, haversineM, type TravelMode } from "@/lib/eta/estimate";
import type { Translator } from "@/lib/i18n/translator-type";
import type { IngestResult } from "@/lib/tracking/schemas";

export type SharingPhase = "locating" | "sharing";

export type StatusInput = {
  phase: SharingPhase;
  online: boolean;
  visible: boolean;
  /** Points kept on the phone, not yet taken by the server. */
  pending: number;
  /** A send failed and the next try waits (backoff or Retry-After). */
  retrying: boolean;
  /** The phone could not get a fix lately (no signal, indoors). */
  noFix: boolean;
};

export type StatusView = { tone: "sharing" | "paused" | "offline" | "waiting"; title: string; detail: string };

/** The one sentence in the live region: what is happening to the person's location right now. */
export function describeStatus(t: Translator<"tracking">, s: StatusInput): StatusView {
  if (!s.online) {
    return {
      tone: "offline",
      title: s.pending > 0 ? t("status.offlineWaiting", { count: s.pending }) : t("status.offline"),
      detail: t("status.offlineDetail"),
    };
  }
  if (!s.visible) return { tone: "paused", title: t("status.paused"), detail: t("status.pausedDetail") };
  if (s.phase === "locating" || s.noFix) {
    return {
      tone: "waiting",
      title: s.phase === "locating" ? t("status.locating") : t("status.noFix"),
      detail: t("status.waitingDetail"),
    };
  }
  if (s.pending > 0 && s.retrying) {
    return { tone: "waiting", title: t("status.retrying", { count: s.pending }), detail: t("status.retryingDetail") };
  }
  return { tone: "sharing", title: t("status.sharing"), detail: t("status.sharingDetail") };
}

export type Figures = { distanceM: number; etaAt: string | null; atVenue: boolean };

/**
 * Distance and ETA to show. The server's answer is used while it describes the newest position (nothing waits to be
 * sent); otherwise, and before any answer, the same straight-line estimate is made on the phone.
 */
export function journeyFigures(input: {
  fix: { lat: number; lng: number; accuracy: number; speed: number | null } | null;
  lastResult: IngestResult | null;
  pending: number;
  venue: { lat: number; lng: number; radiusM: number };
  travelMode: TravelMode;
  now: Date;
}): Figures | null {
  const { fix, lastResult, venue } = input;
  if (lastResult && (input.pending === 0 || !fix)) {
    return { distanceM: lastResult.distanceM, etaAt: lastResult.etaAt, atVenue: lastResult.distanceM <= venue.radiusM };
  }
  if (!fix) return null;
  const distanceM = haversineM(fix, venue);
  const atVenue = distanceM <= venue.radiusM;
  const etaAt = atVenue ? null : estimateEtaAt({ distanceM, travelMode: input.travelMode, speedMps: fix.speed, now: input.now }).toISOString();
  return { distanceM, etaAt, atVenue };
}
