// Client-safe and pure: what happened to each invitation of an occurrence, and the totals a report shows.

import type { Journey, Rsvp } from "@/lib/attendance";

/** What one attendance of an occurrence that has started came to. */
export type Outcome =
  /** Checked in (automatically, by hand or from a WhatsApp location) by the start + the event's grace minutes. */
  | "on_time"
  /** Checked in after the start + grace. */
  | "late"
  /** Confirmed and never checked in, and the occurrence is over. */
  | "no_show"
  | "declined"
  /** Never answered and never checked in. */
  | "no_answer"
  /** Confirmed, not checked in yet, and the occurrence is still running. */
  | "expected";

export const OUTCOMES = ["on_time", "late", "no_show", "declined", "no_answer", "expected"] as const satisfies readonly Outcome[];

export type AttendanceFacts = {
  rsvp: Rsvp;
  journey: Journey;
  checkedInAt: Date | null;
};

export type OccurrenceFacts = { startsAt: Date; endsAt: Date; closedAt: Date | null };

/**
 * The outcome of one attendance and, for an arrival, the whole minutes after the start (0 when early or on the
 * dot). Arriving counts whatever the answer was: someone who never confirmed but came was there. A confirmed person
 * who did not come is a no-show once the occurrence has ended, whether or not its closure step ran.
 */
export function outcomeOf(
  attendance: AttendanceFacts,
  occurrence: OccurrenceFacts,
  graceMinutes: number,
  now: Date,
): { outcome: Outcome; minutesLate: number | null } {
  if (attendance.journey === "arrived" && attendance.checkedInAt) {
    const afterStartMs = attendance.checkedInAt.getTime() - occurrence.startsAt.getTime();
    const minutesLate = Math.max(0, Math.floor(afterStartMs / 60_000));
    return { outcome: afterStartMs > graceMinutes * 60_000 ? "late" : "on_time", minutesLate };
  }
  if (attendance.rsvp === "declined") return { outcome: "declined", minutesLate: null };
  if (attendance.rsvp === "pending") return { outcome: "no_answer", minutesLate: null };
  const over = attendance.journey === "no_show" || occurrence.closedAt !== null || occurrence.endsAt <= now;
  return { outcome: over ? "no_show" : "expected", minutesLate: null };
}

export type Tally = Record<Outcome, number> & {
  /** Invitations counted (every attendance of a started, not cancelled occurrence). */
  invited: number;
  arrived: number;
  /** Mean minutes after the start of the late arrivals; null without any. */
  averageMinutesLate: number | null;
  /** Arrived ÷ invited, 0–1; null when nobody was invited. */
  attendanceRate: number | null;
};

/** Counts outcomes; `late` arrivals carry their minutes. */
export function tally(items: readonly { outcome: Outcome; minutesLate: number | null }[]): Tally {
  const counts = Object.fromEntries(OUTCOMES.map((o) => [o, 0])) as Record<Outcome, number>;
  let lateMinutes = 0;
  for (const { outcome, minutesLate } of items) {
    counts[outcome] += 1;
    if (outcome === "late") lateMinutes += minutesLate ?? 0;
  }
  const arrived = counts.on_time + counts.late;
  return {
    ...counts,
    invited: items.length,
    arrived,
    averageMinutesLate: counts.late > 0 ? Math.round(lateMinutes / counts.late) : null,
    attendanceRate: items.length > 0 ? arrived / items.length : null,
  };
}
