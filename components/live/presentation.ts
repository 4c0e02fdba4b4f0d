// Client-safe words, colours and filters for the live map, its list and the arrival board, in the reader's language
// ("live" catalog keys). Pure: the views pass in "now" (server time, see useServerNow), so every row agrees on it and
// the helpers are testable.

import { formatClock, type Formatter } from "@/components/dashboard/format";
import type { Translator } from "@/lib/i18n/translator-type";
import type { LiveActivity, LiveParticipant, LiveState } from "@/lib/live/types";

/** The reader's words, formats and distances (km/m, or mi/ft for an organization in the US or the UK). */
export type LiveWords = { t: Translator<"live">; format: Formatter; distance: (metres: number) => string };

/** Marker fill (canvas) and list swatch (Tailwind) per state; the list always says the state in words too. */
export const STATE_STYLE: Record<LiveState, { hex: string; swatch: string; text: string }> = {
  on_the_way: { hex: "#2563eb", swatch: "bg-blue-600", text: "text-blue-800" },
  late: { hex: "#dc2626", swatch: "bg-red-600", text: "text-red-700" },
  stale: { hex: "#64748b", swatch: "bg-slate-500", text: "text-amber-800" },
  arrived: { hex: "#059669", swatch: "bg-emerald-600", text: "text-emerald-800" },
  not_sharing: { hex: "#94a3b8", swatch: "bg-slate-300", text: "text-slate-600" },
  declined: { hex: "#cbd5e1", swatch: "bg-slate-200", text: "text-slate-500" },
};

/** "On the way", "Late", "No recent position", "Arrived", "Not sharing", "Declined". */
export function stateLabel(t: Translator<"live">, state: LiveState): string {
  return t(`state.${state}`);
}

/** "Confirmed", "No answer yet", "Declined". */
export function rsvpText(t: Translator<"live">, rsvp: LiveParticipant["rsvp"]): string {
  return t(`rsvp.${rsvp}`);
}

export type LiveFilter = "all" | "late" | "stale" | "arrived" | "not_sharing" | "declined";

export const FILTERS: readonly LiveFilter[] = ["all", "late", "stale", "arrived", "not_sharing", "declined"];

/** The filter's button: "All", "Late", "Stale", … */
export function filterLabel(t: Translator<"live">, filter: LiveFilter): string {
  return t(`filter.${filter}`);
}

/** "All" leaves out people who declined: they are not coming, and their own filter lists them. */
export function matchesFilter(p: LiveParticipant, filter: LiveFilter): boolean {
  switch (filter) {
    case "all":
      return p.state !== "declined";
    case "stale":
      // Late beats stale for the marker colour, but a late person without fresh fixes is still stale.
      return p.stale && p.state !== "arrived" && p.state !== "declined";
    default:
      return p.state === filter;
  }
}

const MINUTE = 60_000;

/** Minutes below an hour, whole hours above: the clock time beside it says the rest. */
const unitFor = (minutes: number) => (minutes < 60 ? "minute" : "hour");

/** "in 9 minutes", "in 1 hour", "in < 1 min", "due now" (ETA passed but not arrived yet). */
export function formatIn(words: LiveWords, etaAt: string, now: number): string {
  const t: Translator<"live"> = words.t;
  const { format } = words;
  const ms = Date.parse(etaAt) - now;
  if (ms <= 0) return t("time.dueNow");
  const minutes = Math.round(ms / MINUTE);
  return minutes < 1 ? t("time.underMinute") : format.relativeTime(now + minutes * MINUTE, { now, unit: unitFor(minutes) });
}

/** "just now", "4 minutes ago", "1 hour ago". */
export function formatAge(words: LiveWords, at: string, now: number): string {
  const t: Translator<"live"> = words.t;
  const { format } = words;
  const minutes = Math.floor((now - Date.parse(at)) / MINUTE);
  return minutes < 1 ? t("time.justNow") : format.relativeTime(now - minutes * MINUTE, { now, unit: unitFor(minutes) });
}

const CHECK_IN_METHODS = ["geofence", "manual", "whatsapp_location"] as const;
type Method = (typeof CHECK_IN_METHODS)[number];
const isMethod = (value: unknown): value is Method => CHECK_IN_METHODS.includes(value as Method);

/** The time someone checked in and how: "Arrived 08:02, on the map". */
export function arrivalText(words: LiveWords, p: LiveParticipant, timeZone: string): string {
  const t: Translator<"live"> = words.t;
  const { format } = words;
  if (!p.checkedInAt) return t("state.arrived");
  const time = formatClock(format, p.checkedInAt, timeZone);
  return isMethod(p.checkInMethod) ? t("arrivedAtBy", { time, method: p.checkInMethod }) : t("arrivedAt", { time });
}

/** One sentence for an activity entry. */
export function activityText(t: Translator<"live">, a: LiveActivity): string {
  const name = a.participantName ?? "";
  const known = a.participantName === null ? "no" : "yes";
  switch (a.kind) {
    case "late": {
      const minutes = typeof a.data.lateMinutes === "number" ? a.data.lateMinutes : null;
      return minutes ? t("activity.lateBy", { known, name, minutes }) : t("activity.late", { known, name });
    }
    case "stale":
      return t("activity.stale", { known, name });
    case "arrived":
      return isMethod(a.data.method) ? t("activity.arrivedBy", { known, name, method: a.data.method }) : t("activity.arrived", { known, name });
    case "checked_in":
      return t("activity.checkedIn", { known, name });
    case "check_in_undone":
      return t("activity.checkInUndone", { known, name });
  }
}

/** Arrival board order: soonest ETA first, people without an ETA after them, then by name. */
export function byEta(a: LiveParticipant, b: LiveParticipant): number {
  const ea = a.etaAt ? Date.parse(a.etaAt) : Infinity;
  const eb = b.etaAt ? Date.parse(b.etaAt) : Infinity;
  if (ea !== eb) return ea - eb;
  return a.name.localeCompare(b.name);
}

/** Newest check-in first. */
export function byCheckIn(a: LiveParticipant, b: LiveParticipant): number {
  return (b.checkedInAt ? Date.parse(b.checkedInAt) : 0) - (a.checkedInAt ? Date.parse(a.checkedInAt) : 0);
}
