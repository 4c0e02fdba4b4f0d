// Client-safe formatting helpers for dashboard pages.

/** "2026-09-07 07:30:00" (wall clock in the event's zone) → "Mon, 7 Sep 2026, 07:30". */
export function formatLocalWallTime(local: string): string {
  const [date = "", time = ""] = local.split(/[ T]/);
  const [y, m, d] = date.split("-").map(Number);
  const when = new Date(Date.UTC(y!, m! - 1, d!));
  const day = new Intl.DateTimeFormat("en-GB", { weekday: "short", day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }).format(when);
  return `${day}, ${time.slice(0, 5)}`;
}

export function formatDateTime(value: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone }).format(value);
}
