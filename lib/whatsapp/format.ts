// Shared by what we send and what we answer.

/** "Mon 7 Jan, 07:30" in the event's zone: one line, as template parameters must be. */
export function formatStart(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-GB", {
    timeZone,
    weekday: "short",
    day: "numeric",
    month: "short",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).format(at);
}
