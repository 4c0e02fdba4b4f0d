import { formatterFor, type Locale } from "@/lib/i18n";

// Shared by what we send and what we answer.

/**
 * An occurrence's start in the event's zone, in the participant's language, on one line as template parameters must
 * be: "Mon, Jan 7, 7:30 AM", "seg., 7 de jan., 07:30", "lun, 7 ene, 7:30", "Mo., 7. Jan., 07:30". The hour is
 * written the way the language writes a short time (12- or 24-hour, with or without a leading zero).
 */
export function formatStart(at: Date, timeZone: string, locale: Locale): string {
  const { hour, hourCycle } = shortTimeOf(locale);
  return formatterFor(locale).dateTime(at, { timeZone, weekday: "short", day: "numeric", month: "short", hour, minute: "2-digit", hourCycle });
}

const shortTimes = new Map<Locale, { hour: "numeric" | "2-digit"; hourCycle: Intl.DateTimeFormatOptions["hourCycle"] }>();

function shortTimeOf(locale: Locale) {
  let found = shortTimes.get(locale);
  if (!found) {
    // resolvedOptions() leaves the hour's style out when a timeStyle is given: read it off a morning time.
    const short = new Intl.DateTimeFormat(locale, { timeStyle: "short", timeZone: "UTC" });
    const hourText = short.formatToParts(Date.UTC(2030, 0, 7, 7, 5)).find((p) => p.type === "hour")?.value ?? "";
    found = { hour: hourText.length === 2 ? "2-digit" : "numeric", hourCycle: short.resolvedOptions().hourCycle };
    shortTimes.set(locale, found);
  }
  return found;
}
