// Client-safe formatting helpers for dashboard pages.

export function formatDateTime(value: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone }).format(value);
}
