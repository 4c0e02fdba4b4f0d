// Client-safe words, colours and filters for the live map, its list and the arrival board. Pure: the views pass in
// "now" (server time, see useServerNow), so every row agrees on it and the helpers are testable.

import { CHECK_IN_METHODS } from "@/components/occurrences/journey-text";
import { formatClock } from "@/components/tracking/format";
import type { LiveActivity, LiveParticipant, LiveState } from "@/lib/live/types";

/** Marker fill (canvas) and list swatch (Tailwind) per state; the list always says the state in words too. */
export const STATE_STYLE: Record<LiveState, { label: string; hex: string; swatch: string; text: string }> = {
  on_the_way: { label: "On the way", hex: "#2563eb", swatch: "bg-blue-600", text: "text-blue-800" },
  late: { label: "Late", hex: "#dc2626", swatch: "bg-red-600", text: "text-red-700" },
  stale: { label: "No recent position", hex: "#64748b", swatch: "bg-slate-500", text: "text-amber-800" },
  arrived: { label: "Arrived", hex: "#059669", swatch: "bg-emerald-600", text: "text-emerald-800" },
  not_sharing: { label: "Not sharing", hex: "#94a3b8", swatch: "bg-slate-300", text: "text-slate-600" },
  declined: { label: "Declined", hex: "#cbd5e1", swatch: "bg-slate-200", text: "text-slate-500" },
};

export const RSVP_TEXT: Record<LiveParticipant["rsvp"], string> = {
  confirmed: "Confirmed",
  pending: "No answer yet",
  declined: "Declined",
};

export type LiveFilter = "all" | "late" | "stale" | "arrived" | "not_sharing" | "declined";

export const FILTERS: { value: LiveFilter; label: string }[] = [
  { value: "all", label: "All" },
  { value: "late", label: "Late" },
  { value: "stale", label: "Stale" },
  { value: "arrived", label: "Arrived" },
  { value: "not_sharing", label: "Not sharing" },
  { value: "declined", label: "Declined" },
];

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

function hoursAndMinutes(minutes: number): string {
  if (minutes < 60) return `${minutes} min`;
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}

/** "in 9 min", "in 1 h 5 min", "in < 1 min", "due now" (ETA passed but not arrived yet). */
export function formatIn(etaAt: string, now: number): string {
  const ms = Date.parse(etaAt) - now;
  if (ms <= 0) return "due now";
  const minutes = Math.round(ms / MINUTE);
  return minutes < 1 ? "in < 1 min" : `in ${hoursAndMinutes(minutes)}`;
}

/** "just now", "4 min ago", "1 h 2 min ago". */
export function formatAge(at: string, now: number): string {
  const minutes = Math.floor((now - Date.parse(at)) / MINUTE);
  return minutes < 1 ? "just now" : `${hoursAndMinutes(minutes)} ago`;
}

/** The time someone checked in and how: "08:02, on the map". */
export function arrivalText(p: LiveParticipant, timeZone: string): string {
  if (!p.checkedInAt) return "Arrived";
  const method = p.checkInMethod ? CHECK_IN_METHODS[p.checkInMethod] : null;
  return `Arrived ${formatClock(p.checkedInAt, timeZone)}${method ? `, ${method}` : ""}`;
}

/** One sentence for an activity entry. */
export function activityText(a: LiveActivity): string {
  const name = a.participantName ?? "A participant";
  const object = a.participantName ?? "a participant";
  switch (a.kind) {
    case "late": {
      const minutes = typeof a.data.lateMinutes === "number" ? a.data.lateMinutes : null;
      return minutes ? `${name} is running late (about ${minutes} min)` : `${name} is running late`;
    }
    case "stale":
      return `No recent position from ${object}`;
    case "arrived": {
      const method = typeof a.data.method === "string" ? CHECK_IN_METHODS[a.data.method] : null;
      return method ? `${name} arrived (${method})` : `${name} arrived`;
    }
    case "checked_in":
      return `${name} was checked in by hand`;
    case "check_in_undone":
      return `Check-in undone for ${object}`;
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
