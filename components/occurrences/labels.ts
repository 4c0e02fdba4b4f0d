// Client-safe words and tones for occurrence and schedule states, in the reader's language ("occurrences" keys).
import type { BadgeTone } from "@/components/ui/badge";
import { formatLocalDateTime, type Formatter } from "@/components/dashboard/format";
import type { Translator } from "@/lib/i18n/translator-type";

const ACTIONS = ["confirmation", "reminder", "tracking_link", "closure"] as const;
const ACTION_STATUSES = ["pending", "waiting", "running", "done", "cancelled", "failed"] as const;
const OCCURRENCE_STATUSES = ["scheduled", "cancelled", "completed"] as const;
const RSVPS = ["pending", "confirmed", "declined"] as const;
export type Rsvp = (typeof RSVPS)[number];
export { RSVPS };

const isOneOf = <K extends string>(values: readonly K[], value: string): value is K => (values as readonly string[]).includes(value);

/** "Confirmation request", "Reminder", "Tracking link", "Closure" (the stored name for a kind this list does not know). */
export function actionLabel(t: Translator<"occurrences">, action: string): string {
  return isOneOf(ACTIONS, action) ? t(`actions.${action}`) : action;
}

/** Who a scheduled message goes to: "Everyone who confirmed". */
export function actionAudience(t: Translator<"occurrences">, action: string): string {
  return isOneOf(ACTIONS, action) ? t(`audience.${action}`) : action;
}

const ACTION_TONES: Record<(typeof ACTION_STATUSES)[number], BadgeTone> = {
  pending: "brand",
  /** Pending again while some recipients' messages wait for their retry. */
  waiting: "warning",
  running: "warning",
  done: "success",
  cancelled: "neutral",
  failed: "danger",
};

/** "Planned", "Retrying", "Sending", "Sent", "Cancelled", "Failed" with its badge tone. */
export function actionStatus(t: Translator<"occurrences">, status: string): { label: string; tone: BadgeTone } {
  return isOneOf(ACTION_STATUSES, status) ? { label: t(`actionStatus.${status}`), tone: ACTION_TONES[status] } : { label: status, tone: "neutral" };
}

const OCCURRENCE_TONES: Record<(typeof OCCURRENCE_STATUSES)[number], BadgeTone> = {
  scheduled: "brand",
  cancelled: "danger",
  completed: "success",
};

/** "Scheduled", "Cancelled", "Completed" with its badge tone. */
export function occurrenceStatus(t: Translator<"occurrences">, status: string): { label: string; tone: BadgeTone } {
  return isOneOf(OCCURRENCE_STATUSES, status)
    ? { label: t(`status.${status}`), tone: OCCURRENCE_TONES[status] }
    : { label: status, tone: "neutral" };
}

/** "No answer yet", "Confirmed", "Declined". */
export function rsvpLabel(t: Translator<"occurrences">, rsvp: string): string {
  return isOneOf(RSVPS, rsvp) ? t(`rsvp.${rsvp}`) : rsvp;
}

/** "2026-09-07T07:30" → "Mon, Sep 7, 07:30" (en), "Mo., 7. Sept., 07:30" (de): already local, no conversion. */
export function formatLocalShort(format: Formatter, local: string): string {
  return formatLocalDateTime(format, local);
}
