// Client-safe formats for dashboard pages, in the request's language (next-intl's formatter: useFormatter in
// components, getFormatter on the server, formatterFor in tests) and always in the event's zone.
import type { useFormatter } from "next-intl";

export type Formatter = ReturnType<typeof useFormatter>;

/**
 * A clock time on the 24-hour clock in every language ("07:30"), the way organizers set an event's times; the
 * digits and separators are the locale's.
 */
export const CLOCK = { hour: "2-digit", minute: "2-digit", hourCycle: "h23" } as const;

/** "07:30" in `timeZone`. */
export function formatClock(format: Formatter, at: Date | string | number, timeZone: string): string {
  return format.dateTime(new Date(at), { ...CLOCK, timeZone });
}

/** "Sep 7, 2026, 07:30" (en), "07.09.2026, 07:30" (de) in `timeZone`. */
export function formatDateTime(format: Formatter, at: Date | string | number, timeZone: string): string {
  return format.dateTime(new Date(at), { dateStyle: "medium", timeStyle: "short", hourCycle: "h23", timeZone });
}

/**
 * A wall time already in the event's zone ("2026-09-07T07:30", a LocalDateTime): read as that time in UTC and
 * printed in UTC, so no zone conversion moves it.
 */
function wallClock(local: string): Date {
  const [date = "", time = "00:00"] = local.split("T");
  return new Date(`${date}T${time.slice(0, 5)}:00Z`);
}

/** "Mon, Sep 7, 07:30" (en), "Mo., 7. Sept., 07:30" (de) for a LocalDateTime; `year` adds the year. */
export function formatLocalDateTime(format: Formatter, local: string, options: { year?: boolean } = {}): string {
  return format.dateTime(wallClock(local), {
    weekday: "short",
    day: "numeric",
    month: "short",
    ...(options.year ? { year: "numeric" } : {}),
    ...CLOCK,
    timeZone: "UTC",
  });
}

/** "Mon, Sep 7, 2026" for a local date ("2026-09-07") or LocalDateTime. */
export function formatLocalDate(format: Formatter, local: string): string {
  return format.dateTime(wallClock(local.slice(0, 10)), { weekday: "short", day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
}

/** "07:30" of a LocalDateTime. */
export function formatLocalClock(format: Formatter, local: string): string {
  return format.dateTime(wallClock(local), { ...CLOCK, timeZone: "UTC" });
}

/** An IANA zone as people read it: "America/Sao_Paulo" → "America/Sao Paulo" (the zone's name is not translated). */
export function zoneName(timeZone: string): string {
  return timeZone.replaceAll("_", " ");
}
