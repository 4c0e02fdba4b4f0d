// Client-safe: the live view of one occurrence, as the server sends it to the live map and the arrival board
// (first in the page's HTML, then over Server-Sent Events whenever something changes).

import type { ActivityKind, CheckInMethod, Journey, Rsvp } from "@/lib/attendance";
import type { EtaConfidence, EtaMethod } from "@/lib/eta";

/** What a participant's marker and row show, strongest first: arrived beats late beats stale beats on the way. */
export const LIVE_STATES = ["arrived", "late", "stale", "on_the_way", "not_sharing", "declined"] as const;
export type LiveState = (typeof LIVE_STATES)[number];

export type { EtaConfidence, EtaMethod } from "@/lib/eta";

export type LiveParticipant = {
  attendanceId: string;
  name: string;
  /** One or two letters for the marker. */
  initials: string;
  rsvp: Rsvp;
  journey: Journey;
  state: LiveState;
  /** The latest accepted fix; null when the participant has not shared a position. */
  position: { lat: number; lng: number; accuracyM: number; at: string } | null;
  /** Predicted arrival (ISO); null when arrived or without a position. */
  etaAt: string | null;
  etaMethod: EtaMethod | null;
  etaConfidence: EtaConfidence | null;
  /** Straight-line distance to the venue from the latest fix (metres), as the participant's page shows it; null without a position. */
  distanceM: number | null;
  /** Minutes after start + grace the prediction lands; null when not late. */
  lateMinutes: number | null;
  /** No fix for longer than the stale threshold (and not arrived). */
  stale: boolean;
  checkedInAt: string | null;
  checkInMethod: CheckInMethod | null;
};

export type LiveCounts = {
  confirmed: number;
  onTheWay: number;
  arrived: number;
  late: number;
  notSharing: number;
  declined: number;
};

export type LiveActivity = {
  id: string;
  kind: ActivityKind;
  attendanceId: string | null;
  participantName: string | null;
  /** E.g. { lateMinutes: 7 } for "late", { method: "geofence" } for "arrived". */
  data: Record<string, unknown>;
  at: string;
};

export type LiveOccurrence = {
  id: string;
  eventId: string;
  title: string;
  startsAt: string;
  endsAt: string;
  status: "scheduled" | "cancelled" | "completed";
  timeZone: string;
  travelMode: "walking" | "driving";
  lateGraceMinutes: number;
  venue: { name: string; address: string; lat: number; lng: number; radiusM: number };
  trackingWindow: { opensAt: string; closesAt: string } | null;
};

export type LiveSnapshot = {
  occurrence: LiveOccurrence;
  /** Server time the snapshot was built (ISO): "last fix 2 min ago" is computed against this plus elapsed time. */
  generatedAt: string;
  /** Sorted for the list: see sortLiveParticipants. Declined participants are included (filtered in the UI). */
  participants: LiveParticipant[];
  counts: LiveCounts;
  /** Newest first, at most 30. */
  activity: LiveActivity[];
};
