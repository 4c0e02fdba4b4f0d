// Client-safe and pure: how one attendance looks on the live map, from what the database and the latest-position
// cache know about it. The snapshot builder calls this every second for every participant.

import { computeEta, lateness, haversineM, type TravelMode } from "@/lib/eta";
import type { EtaConfidence, EtaMethod, LiveCounts, LiveParticipant, LiveState } from "./types";

type Rsvp = LiveParticipant["rsvp"];
type Journey = LiveParticipant["journey"];

/** An attendance as stored, with the ETA the last refresh computed. */
export type AttendanceFacts = {
  attendanceId: string;
  name: string;
  rsvp: Rsvp;
  journey: Journey;
  checkedInAt: Date | null;
  checkInMethod: LiveParticipant["checkInMethod"];
  lastFix: { lat: number; lng: number; accuracyM: number; at: Date; speedMps: number | null } | null;
  /** What the ETA refresh stored, and when. */
  stored: {
    etaAt: Date | null;
    method: EtaMethod | null;
    confidence: EtaConfidence | null;
    distanceM: number | null;
    speedMps: number | null;
    refreshedAt: Date | null;
  };
};

export type OccurrenceFacts = {
  venue: { lat: number; lng: number };
  travelMode: TravelMode;
  startsAt: Date;
  lateGraceMinutes: number;
  circuity: number;
  staleAfterMs: number;
};

export function initials(name: string): string {
  const words = name.trim().split(/\s+/u).filter(Boolean);
  const first = words[0]?.[0] ?? "?";
  const last = words.length > 1 ? (words.at(-1)?.[0] ?? "") : "";
  return (first + last).toLocaleUpperCase();
}

/**
 * One participant as the live views show them. The refresh's stored ETA is used while it is based on the newest
 * fix; a newer fix (points arrive every few seconds, the refresh runs every few seconds to a minute) is estimated
 * on the spot with the speed the refresh learnt from the track, so the map never shows an ETA older than the marker.
 */
export function toLiveParticipant(facts: AttendanceFacts, occurrence: OccurrenceFacts, now: Date): LiveParticipant {
  const d = deriveParticipant(facts, occurrence, now).derived;
  const { position } = d;
  // Spelled out, in the order a spread of the rest gave, rather than spread (V8's slow path, see derivedRow).
  return {
    attendanceId: d.attendanceId,
    name: d.name,
    rsvp: d.rsvp,
    journey: d.journey,
    checkInMethod: d.checkInMethod,
    state: d.state,
    etaMethod: d.etaMethod,
    etaConfidence: d.etaConfidence,
    distanceM: d.distanceM,
    lateMinutes: d.lateMinutes,
    stale: d.stale,
    initials: initials(d.name),
    checkedInAt: d.checkedInAt?.toISOString() ?? null,
    position: position ? { lat: position.lat, lng: position.lng, accuracyM: position.accuracyM, at: position.at.toISOString() } : null,
    etaAt: d.etaAt?.toISOString() ?? null,
  };
}

/** A LiveParticipant with its instants as Dates and without initials: what the live feed encodes (no ISO round trip). */
export type DerivedParticipant = Omit<LiveParticipant, "initials" | "checkedInAt" | "position" | "etaAt"> & {
  checkedInAt: Date | null;
  position: { lat: number; lng: number; accuracyM: number; at: Date } | null;
  etaAt: Date | null;
};

/**
 * toLiveParticipant, and until when (ms) the result stays the same if the facts do not change: the clock moves a
 * participant only across the confidence and stale ages of their fix, and once an on-the-spot ETA is reached (it
 * then follows the clock). The live feed re-derives nobody else, so a tick costs what changed.
 */
export function deriveParticipant(facts: AttendanceFacts, occurrence: OccurrenceFacts, now: Date): { derived: DerivedParticipant; stableUntilMs: number } {
  const fix = facts.lastFix;
  const position = fix ? { lat: fix.lat, lng: fix.lng, accuracyM: fix.accuracyM, at: fix.at } : null;
  const arrived = facts.journey === "arrived";
  if (arrived || !fix || facts.journey === "no_show") {
    const state: LiveState = arrived ? "arrived" : facts.rsvp === "declined" ? "declined" : "not_sharing";
    return { derived: derivedRow(facts, state, position, null, null, null, null, null, false), stableUntilMs: Infinity };
  }

  const { stored } = facts;
  const storedIsCurrent = stored.etaAt !== null && stored.refreshedAt !== null && stored.refreshedAt >= fix.at;
  const estimate = computeEta({
    venue: occurrence.venue,
    travelMode: occurrence.travelMode,
    // The refresh's speed (learnt from the whole recent track) stands in for the device's.
    track: [{ lat: fix.lat, lng: fix.lng, accuracyM: fix.accuracyM, recordedAtMs: fix.at.getTime(), speedMps: stored.speedMps ?? fix.speedMps }],
    now,
    circuity: occurrence.circuity,
    staleAfterMs: occurrence.staleAfterMs,
  })!;
  const stale = estimate.stale;
  const etaAt = storedIsCurrent && !stale ? stored.etaAt! : estimate.etaAt;
  // A speed the refresh learnt from the track keeps its name when it stands in for the device's.
  const onTheSpot = stored.speedMps !== null && estimate.method === "device" && stored.method === "track" ? "track" : estimate.method;
  const method = storedIsCurrent && !stale ? (stored.method ?? estimate.method) : onTheSpot;
  const confidence = storedIsCurrent && !stale ? (stored.confidence ?? estimate.confidence) : estimate.confidence;
  // The straight line, as the participant's page and the occurrence page show it (the ETA has the road in it).
  const distanceM = Math.round(haversineM(fix, occurrence.venue));
  const { isLate, lateMinutes } = lateness(etaAt, occurrence.startsAt, occurrence.lateGraceMinutes);
  const state: LiveState = isLate ? "late" : stale ? "stale" : "on_the_way";
  const derived = derivedRow(facts, state, position, etaAt, method, confidence, distanceM, isLate ? lateMinutes : null, stale);
  const nowMs = now.getTime();
  const fixMs = fix.at.getTime();
  // The next instant the clock changes this row: the fix's confidence age, its stale age, an on-the-spot ETA reached.
  const halfStaleMs = fixMs + occurrence.staleAfterMs / 2;
  const staleMs = fixMs + occurrence.staleAfterMs;
  let stableUntilMs = halfStaleMs >= nowMs ? halfStaleMs : staleMs >= nowMs ? staleMs : Infinity;
  if (!(storedIsCurrent && !stale)) stableUntilMs = Math.min(stableUntilMs, Math.max(etaAt.getTime(), nowMs));
  return { derived, stableUntilMs };
}

/**
 * A derived row as one object literal of a fixed shape. Not `{ ...base, state, … }`: V8 (Node 20) took ~20 µs per
 * spread here, most of a live-feed tick's CPU at 1,000 moved people.
 */
function derivedRow(
  facts: AttendanceFacts,
  state: LiveState,
  position: DerivedParticipant["position"],
  etaAt: Date | null,
  etaMethod: EtaMethod | null,
  etaConfidence: EtaConfidence | null,
  distanceM: number | null,
  lateMinutes: number | null,
  stale: boolean,
): DerivedParticipant {
  return {
    attendanceId: facts.attendanceId,
    name: facts.name,
    rsvp: facts.rsvp,
    journey: facts.journey,
    checkedInAt: facts.checkedInAt,
    checkInMethod: facts.checkInMethod,
    state,
    position,
    etaAt,
    etaMethod,
    etaConfidence,
    distanceM,
    lateMinutes,
    stale,
  };
}

/** One collator for every sort: `localeCompare` builds one per call, too slow for 5,000 names a second. */
const names = new Intl.Collator();

const STATE_ORDER: Record<LiveState, number> = { late: 0, stale: 1, on_the_way: 1, not_sharing: 2, arrived: 3, declined: 4 };

/**
 * The list order: everyone still expected by predicted arrival (soonest first; late and stale people are sorted by
 * their ETA too), then those not sharing, then arrivals (latest first), then declined; ties by name.
 */
export function sortLiveParticipants(list: readonly LiveParticipant[]): LiveParticipant[] {
  return [...list].sort(compareLive);
}

const group = (p: LiveParticipant) => (p.state === "late" || p.state === "stale" ? STATE_ORDER.on_the_way : STATE_ORDER[p.state]);

/**
 * The list order as a comparator, a total order (so a delta's changed rows can be merged into the sorted rest and
 * give what a full sort gives): within a group, people with an ETA come before those without one.
 */
export function compareLive(a: LiveParticipant, b: LiveParticipant): number {
  const byGroup = group(a) - group(b);
  if (byGroup !== 0) return byGroup;
  if (a.etaAt !== b.etaAt) {
    if (a.etaAt === null) return 1;
    if (b.etaAt === null) return -1;
    return a.etaAt < b.etaAt ? -1 : 1;
  }
  if (a.state === "arrived" && b.state === "arrived" && a.checkedInAt !== b.checkedInAt) {
    return (b.checkedInAt ?? "") < (a.checkedInAt ?? "") ? -1 : 1;
  }
  return names.compare(a.name, b.name) || (a.attendanceId < b.attendanceId ? -1 : a.attendanceId > b.attendanceId ? 1 : 0);
}

/** The counts at the top of the live map. "Not sharing" counts only people who said they are coming. */
export function countLive(list: readonly LiveParticipant[]): LiveCounts {
  const counts: LiveCounts = { confirmed: 0, onTheWay: 0, arrived: 0, late: 0, notSharing: 0, declined: 0 };
  for (const p of list) {
    if (p.rsvp === "confirmed") counts.confirmed += 1;
    if (p.rsvp === "declined") counts.declined += 1;
    if (p.state === "arrived") counts.arrived += 1;
    else if (p.state === "late" || p.state === "stale" || p.state === "on_the_way") counts.onTheWay += 1;
    else if (p.state === "not_sharing" && p.rsvp === "confirmed") counts.notSharing += 1;
    if (p.state === "late") counts.late += 1;
  }
  return counts;
}
