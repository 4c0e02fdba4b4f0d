// Client-safe and pure: where everyone was, and how they stood, at one instant of a replay.

import type { Replay, ReplayParticipant, TrailPoint } from "./types";

export const REPLAY_STATUSES = ["arrived", "on_the_way", "not_sharing", "declined"] as const;
export type ReplayStatus = (typeof REPLAY_STATUSES)[number];

export type ReplayMoment = {
  attendanceId: string;
  name: string;
  initials: string;
  status: ReplayStatus;
  /** Where the participant was at that instant; null before their first fix. */
  position: { lat: number; lng: number } | null;
  /** The arrival (ISO) once it has happened by that instant, else null. */
  arrivedAt: string | null;
};

/** Index of the last fix at or before `at`, or -1 (binary search: the trail is oldest first). */
function lastIndexAtOrBefore(trail: readonly TrailPoint[], at: number): number {
  let low = 0;
  let high = trail.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (trail[mid]![0] <= at) {
      found = mid;
      low = mid + 1;
    } else high = mid - 1;
  }
  return found;
}

/**
 * The position at `at`: between two fixes, the steady move from one to the next (the trail was thinned so that this
 * stays within its tolerance of every fix); after the last fix, the last fix; before the first, none.
 */
export function positionAt(trail: readonly TrailPoint[], at: number): { lat: number; lng: number } | null {
  const i = lastIndexAtOrBefore(trail, at);
  if (i < 0) return null;
  const a = trail[i]!;
  const b = trail[i + 1];
  if (!b || b[0] === a[0]) return { lat: a[1], lng: a[2] };
  const share = (at - a[0]) / (b[0] - a[0]);
  return { lat: a[1] + share * (b[1] - a[1]), lng: a[2] + share * (b[2] - a[2]) };
}

function statusAt(p: ReplayParticipant, at: number, position: ReplayMoment["position"]): ReplayStatus {
  if (p.arrivedAt !== null && Date.parse(p.arrivedAt) <= at) return "arrived";
  if (p.rsvp === "declined") return "declined";
  return position ? "on_the_way" : "not_sharing";
}

/** Everyone at instant `at` (ms): position, and arrived / on the way / not sharing (yet) / declined. */
export function replayAt(replay: Pick<Replay, "participants">, at: number): ReplayMoment[] {
  return replay.participants.map((p) => {
    const position = positionAt(p.trail, at);
    const status = statusAt(p, at, position);
    return {
      attendanceId: p.attendanceId,
      name: p.name,
      initials: p.initials,
      status,
      position,
      arrivedAt: status === "arrived" ? p.arrivedAt : null,
    };
  });
}
