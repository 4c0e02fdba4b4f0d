// Client-safe words for where a participant is: the journey column and the tracking link state of the attendance
// table, in the reader's language ("occurrences" catalog keys) with times in the event's zone.

import type { BadgeTone } from "@/components/ui/badge";
import { formatClock, type Formatter } from "@/components/dashboard/format";
import type { Translator } from "@/lib/i18n/translator-type";

/** What the journey column needs besides the facts: the words, the formats and the distances of the reader. */
export type JourneyWords = { t: Translator<"occurrences">; format: Formatter; distance: (metres: number) => string };

export const JOURNEY_TONES: Record<string, BadgeTone> = {
  not_started: "neutral",
  on_the_way: "brand",
  arrived: "success",
  no_show: "warning",
};

const CHECK_IN_METHODS = ["geofence", "manual", "whatsapp_location"] as const;
const JOURNEYS = ["not_started", "on_the_way", "arrived", "no_show"] as const;
const isOneOf = <K extends string>(values: readonly K[], value: string | null | undefined): value is K =>
  (values as readonly (string | null | undefined)[]).includes(value);

/** "on the map", "by hand", "from a WhatsApp location"; null for a method this list does not know. */
export function checkInMethodText(t: Translator<"occurrences">, method: string | null | undefined): string | null {
  return isOneOf(CHECK_IN_METHODS, method) ? t(`checkInMethod.${method}`) : null;
}

/** "Not started", "On the way", "Arrived", "No-show" (the stored value for one this list does not know). */
export function journeyLabel(t: Translator<"occurrences">, journey: string): string {
  return isOneOf(JOURNEYS, journey) ? t(`journey.${journey}`) : journey;
}

/** "seen just now", "seen 4 minutes ago", or the clock time once it is an hour old. */
export function formatSeen(words: JourneyWords, at: Date, now: Date, timeZone: string): string {
  const t: Translator<"occurrences"> = words.t;
  const { format } = words;
  const minutes = Math.floor((now.getTime() - at.getTime()) / 60_000);
  if (minutes < 1) return t("seen.justNow");
  if (minutes < 60) return t("seen.ago", { ago: format.relativeTime(now.getTime() - minutes * 60_000, { now, unit: "minute" }) });
  return t("seen.at", { time: formatClock(format, at, timeZone) });
}

type JourneyFacts = {
  journey: string;
  checkedInAt: Date | null;
  checkInMethod: string | null;
  lastFixAt: Date | null;
  distanceM: number | null;
  etaAt: Date | null;
  isLate: boolean;
  lateMinutes: number | null;
};

/** The line under the journey badge: when and how someone arrived, or how fresh their last position is. */
export function journeyDetail(words: JourneyWords, a: JourneyFacts, now: Date, timeZone: string): string | null {
  const t: Translator<"occurrences"> = words.t;
  const { format } = words;
  if (a.journey === "arrived" && a.checkedInAt) {
    return [formatClock(format, a.checkedInAt, timeZone), checkInMethodText(t, a.checkInMethod)].filter(Boolean).join(" · ");
  }
  if (a.journey !== "on_the_way") return null;
  const parts = [
    a.lastFixAt ? formatSeen(words, a.lastFixAt, now, timeZone) : t("noPosition"),
    a.distanceM !== null ? t("away", { distance: words.distance(a.distanceM) }) : null,
    a.etaAt ? t("expected", { time: formatClock(format, a.etaAt, timeZone) }) : null,
    a.isLate && a.lateMinutes ? t("late", { minutes: a.lateMinutes }) : null,
  ];
  return parts.filter(Boolean).join(" · ");
}

type LinkFacts = { validUntil: Date; firstOpenedAt: Date | null; stoppedAt: Date | null };

/** The state of the newest working tracking link, or null when none was issued. */
export function linkState(
  words: JourneyWords,
  link: LinkFacts | null,
  now: Date,
  timeZone: string,
): { text: string; tone: "neutral" | "success" | "warning" } | null {
  const t: Translator<"occurrences"> = words.t;
  const { format } = words;
  if (!link) return null;
  if (link.stoppedAt) return { text: t("link.stopped"), tone: "warning" };
  if (link.validUntil <= now) return { text: t("link.expired"), tone: "neutral" };
  if (link.firstOpenedAt) return { text: t("link.opened", { time: formatClock(format, link.firstOpenedAt, timeZone) }), tone: "success" };
  return { text: t("link.notOpened"), tone: "neutral" };
}
