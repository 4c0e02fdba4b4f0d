// Client-safe: an occurrence's replay as the server sends it to the replay page.

import type { CheckInMethod, Rsvp } from "@/lib/attendance";
import type { LiveOccurrence } from "@/lib/live";
import type { TrailPoint } from "./thin";

export type { TrailPoint } from "./thin";

export type ReplayParticipant = {
  attendanceId: string;
  participantId: string;
  name: string;
  /** One or two letters for the marker. */
  initials: string;
  rsvp: Rsvp;
  /** When the participant was checked in (ISO), by the geofence or by hand; null when never. */
  arrivedAt: string | null;
  checkInMethod: CheckInMethod | null;
  /** The stored fixes inside the replayed span, oldest first, thinned for the zoom asked for. */
  trail: TrailPoint[];
};

export type Replay = {
  occurrence: LiveOccurrence;
  /** The span that can be replayed (ISO): the tracking window, cut at the retention period and at now. */
  from: string;
  until: string;
  /** Whether the retention period cut the start of the window off (older fixes are gone). */
  clipped: boolean;
  /** The zoom level the trails were thinned for, and the tolerance (metres) that came to. */
  zoom: number;
  toleranceM: number;
  /** Sorted by name. */
  participants: ReplayParticipant[];
};

/** Why there is nothing to replay: the fixes are past the retention period, or tracking has not started yet. */
export type ReplayUnavailable = { reason: "outside_retention" | "not_started"; occurrence: LiveOccurrence; retentionDays: number };

export type ReplayResult = ({ ok: true } & Replay) | ({ ok: false } & ReplayUnavailable);
