import type { useFormatter } from "next-intl";
import type { Translator } from "@/lib/i18n/translator-type";

// Words and numbers of the participant page, in the participant's language. Times are always shown in the event's
// zone: the server and the phone then print the same thing, and the person sees the times the organizer announced.

export type Formatter = ReturnType<typeof useFormatter>;

/** "08:15" (07:30 AM in English): two-digit hours, so times line up in a column. */
export function formatClock(format: Formatter, at: string | Date, timeZone: string): string {
  return format.dateTime(new Date(at), { hour: "2-digit", minute: "2-digit", timeZone });
}

/** "Tuesday 24 November", "terça-feira, 24 de novembro". */
export function formatDay(format: Formatter, at: string | Date, timeZone: string): string {
  return format.dateTime(new Date(at), { weekday: "long", day: "numeric", month: "long", timeZone });
}

/** "Europe/Berlin" → "Berlin time"; "America/Argentina/Buenos_Aires" → "Buenos Aires time". */
export function zoneLabel(t: Translator<"tracking">, timeZone: string): string {
  const city = timeZone === "Etc/UTC" ? "UTC" : timeZone.split("/").pop()!.replaceAll("_", " ");
  return t("time.zone", { city });
}

/** "Tuesday 24 November, 08:00–09:00 (Berlin time)"; an event past midnight names both days. */
export function formatEventTime(t: Translator<"tracking">, format: Formatter, startsAt: string, endsAt: string, timeZone: string): string {
  const startDay = formatDay(format, startsAt, timeZone);
  const endDay = formatDay(format, endsAt, timeZone);
  const zone = zoneLabel(t, timeZone);
  if (startDay === endDay) {
    const range = format.dateTimeRange(new Date(startsAt), new Date(endsAt), { hour: "2-digit", minute: "2-digit", timeZone });
    return t("time.sameDay", { day: startDay, range, zone });
  }
  return t("time.twoDays", {
    startDay,
    start: formatClock(format, startsAt, timeZone),
    endDay,
    end: formatClock(format, endsAt, timeZone),
    zone,
  });
}

/** "08:15 today" / "08:15 on Tuesday 24 November", relative to `now` in the event's zone. */
export function formatMoment(t: Translator<"tracking">, format: Formatter, at: string, timeZone: string, now: Date): string {
  const day = formatDay(format, at, timeZone);
  const time = formatClock(format, at, timeZone);
  return day === formatDay(format, now, timeZone) ? t("time.today", { time }) : t("time.onDay", { time, day });
}

/** "in 9 minutes", "in 2 hours" from `now` until `at`; under a minute, "in less than a minute". */
export function formatArrivalIn(t: Translator<"tracking">, format: Formatter, at: string, now: Date): string {
  const ms = Date.parse(at) - now.getTime();
  if (ms < 60_000) return t("sharing.soon");
  return format.relativeTime(new Date(at), { now, unit: ms < 3_600_000 ? "minute" : "hour" });
}
