import type { EventSchedule } from "@/lib/events";

// Pure and client-safe: the editor can show the same times the server will schedule.

export const SCHEDULED_ACTIONS = ["confirmation", "reminder", "tracking_link", "closure"] as const;
export type ScheduledActionKind = (typeof SCHEDULED_ACTIONS)[number];

export type PlannedAction = { action: ScheduledActionKind; dueAt: Date };

const MINUTE = 60_000;

/** Which schedule offset drives each action; closure counts from the end, the others back from the start. */
const OFFSETS = {
  confirmation: "confirmationOffsetMinutes",
  reminder: "reminderOffsetMinutes",
  tracking_link: "trackingOffsetMinutes",
  closure: "closureOffsetMinutes",
} as const satisfies Record<ScheduledActionKind, keyof EventSchedule>;

/** The due time an offset gives, ignoring the clock; null when that message is turned off. */
export function nominalDueAt(
  action: ScheduledActionKind,
  schedule: EventSchedule,
  occurrence: { startsAt: Date; endsAt: Date },
): Date | null {
  const minutes = schedule[OFFSETS[action]];
  if (minutes === null) return null;
  return action === "closure"
    ? new Date(occurrence.endsAt.getTime() + minutes * MINUTE)
    : new Date(occurrence.startsAt.getTime() - minutes * MINUTE);
}

/** Still worth sending late, while the start is ahead: the question, and the link to share the way there. */
const SENT_LATE: readonly ScheduledActionKind[] = ["confirmation", "tracking_link"];

/**
 * The actions an occurrence should have, judged at `now`. A confirmation or tracking link whose time has passed
 * while the start is still ahead is due now (sent once, late: an occurrence planned 30 minutes ahead still needs its
 * answers and its links); a reminder already past is left out, since a reminder after the fact helps nobody.
 */
export function planActions(
  schedule: EventSchedule,
  occurrence: { startsAt: Date; endsAt: Date },
  now: Date,
): PlannedAction[] {
  const planned: PlannedAction[] = [];
  for (const action of SCHEDULED_ACTIONS) {
    const dueAt = nominalDueAt(action, schedule, occurrence);
    if (!dueAt) continue;
    if (dueAt.getTime() >= now.getTime()) planned.push({ action, dueAt });
    else if (SENT_LATE.includes(action) && occurrence.startsAt.getTime() > now.getTime()) {
      planned.push({ action, dueAt: new Date(now.getTime()) });
    }
  }
  return planned;
}
