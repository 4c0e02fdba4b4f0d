// Client-safe words for occurrence and schedule states.

export const ACTION_LABELS: Record<string, string> = {
  confirmation: "Confirmation request",
  reminder: "Reminder",
  tracking_link: "Tracking link",
  closure: "Closure",
};

export const ACTION_AUDIENCE: Record<string, string> = {
  confirmation: "Everyone who has not answered yet",
  reminder: "Everyone who confirmed",
  tracking_link: "Everyone who confirmed",
  closure: "Everyone on the roster",
};

export const ACTION_STATUS: Record<string, { label: string; tone: "neutral" | "brand" | "success" | "warning" | "danger" }> = {
  pending: { label: "Planned", tone: "brand" },
  /** Pending again while some recipients' messages wait for their retry. */
  waiting: { label: "Retrying", tone: "warning" },
  running: { label: "Sending", tone: "warning" },
  done: { label: "Sent", tone: "success" },
  cancelled: { label: "Cancelled", tone: "neutral" },
  failed: { label: "Failed", tone: "danger" },
};

export const OCCURRENCE_STATUS: Record<string, { label: string; tone: "neutral" | "brand" | "success" | "warning" | "danger" }> = {
  scheduled: { label: "Scheduled", tone: "brand" },
  cancelled: { label: "Cancelled", tone: "danger" },
  completed: { label: "Completed", tone: "success" },
};

export const RSVP_LABELS: Record<string, string> = { pending: "No answer yet", confirmed: "Confirmed", declined: "Declined" };
export const JOURNEY_LABELS: Record<string, string> = {
  not_started: "Not started",
  on_the_way: "On the way",
  arrived: "Arrived",
  no_show: "No-show",
};

const dayFormat = new Intl.DateTimeFormat("en-GB", { weekday: "short", day: "numeric", month: "short", timeZone: "UTC" });

/** "2026-09-07T07:30" → "Mon, 7 Sept · 07:30" (already local: no conversion). */
export function formatLocalShort(local: string): string {
  return `${dayFormat.format(new Date(`${local.slice(0, 10)}T00:00:00Z`))} · ${local.slice(11, 16)}`;
}
