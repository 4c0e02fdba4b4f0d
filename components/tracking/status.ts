import { estimateEtaAt, haversineM, type TravelMode } from "@/lib/eta/estimate";
import type { IngestResult } from "@/lib/tracking/schemas";
import { positions } from "./format";

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
export function describeStatus(s: StatusInput): StatusView {
  if (!s.online) {
    return {
      tone: "offline",
      title: s.pending > 0 ? `Offline · ${positions(s.pending)} waiting` : "Offline",
      detail: "Your positions are kept on this phone and sent as soon as you are back online.",
    };
  }
  if (!s.visible) {
    return { tone: "paused", title: "Paused", detail: "Sharing pauses while this page is in the background. Come back to this page to continue." };
  }
  if (s.phase === "locating" || s.noFix) {
    return {
      tone: "waiting",
      title: s.phase === "locating" ? "Finding your position…" : "Sharing · waiting for a GPS fix",
      detail: "This can take a moment. Being outdoors or near a window helps.",
    };
  }
  if (s.pending > 0 && s.retrying) {
    return {
      tone: "waiting",
      title: `Sharing · ${positions(s.pending)} waiting`,
      detail: "The connection is poor. Your positions are kept on this phone and sent again shortly.",
    };
  }
  return { tone: "sharing", title: "Sharing your location", detail: "Keep this page open until you arrive." };
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
