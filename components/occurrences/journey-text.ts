// Client-safe words for where a participant is: the journey column and the tracking link state of the attendance table.

import type { BadgeTone } from "@/components/ui/badge";

export const JOURNEY_TONES: Record<string, BadgeTone> = {
  not_started: "neutral",
  on_the_way: "brand",
  arrived: "success",
  no_show: "warning",
};

export const CHECK_IN_METHODS: Record<string, string> = {
  geofence: "on the map",
  manual: "by hand",
  whatsapp_location: "from a WhatsApp location",
};

/** "08:12" in the event's zone. */
export function formatClock(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-GB", { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone }).format(at);
}

/** "seen just now", "seen 4 min ago", or the clock time once it is an hour old. */
export function formatSeen(at: Date, now: Date, timeZone: string): string {
  const minutes = Math.floor((now.getTime() - at.getTime()) / 60_000);
  if (minutes < 1) return "seen just now";
  if (minutes < 60) return `seen ${minutes} min ago`;
  return `seen at ${formatClock(at, timeZone)}`;
}

/** "350 m" / "1.2 km" / "14 km". */
export function formatDistance(metres: number): string {
  if (metres < 1000) return `${Math.max(0, Math.round(metres / 10) * 10)} m`;
  return metres < 10_000 ? `${(metres / 1000).toFixed(1)} km` : `${Math.round(metres / 1000)} km`;
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
export function journeyDetail(a: JourneyFacts, now: Date, timeZone: string): string | null {
  if (a.journey === "arrived" && a.checkedInAt) {
    const method = a.checkInMethod ? CHECK_IN_METHODS[a.checkInMethod] : null;
    return [formatClock(a.checkedInAt, timeZone), method].filter(Boolean).join(" · ");
  }
  if (a.journey !== "on_the_way") return null;
  const parts = [
    a.lastFixAt ? formatSeen(a.lastFixAt, now, timeZone) : "no position yet",
    a.distanceM !== null ? `${formatDistance(a.distanceM)} away` : null,
    a.etaAt ? `expected ${formatClock(a.etaAt, timeZone)}` : null,
    a.isLate && a.lateMinutes ? `${a.lateMinutes} min late` : null,
  ];
  return parts.filter(Boolean).join(" · ");
}

type LinkFacts = { validUntil: Date; firstOpenedAt: Date | null; stoppedAt: Date | null };

/** The state of the newest working tracking link, or null when none was issued. */
export function linkState(
  link: LinkFacts | null,
  now: Date,
  timeZone: string,
): { text: string; tone: "neutral" | "success" | "warning" } | null {
  if (!link) return null;
  if (link.stoppedAt) return { text: "Sharing stopped by participant", tone: "warning" };
  if (link.validUntil <= now) return { text: "Link expired", tone: "neutral" };
  if (link.firstOpenedAt) return { text: `Link opened ${formatClock(link.firstOpenedAt, timeZone)}`, tone: "success" };
  return { text: "Link not opened yet", tone: "neutral" };
}
