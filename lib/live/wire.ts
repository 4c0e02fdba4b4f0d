// Client-safe: the live feed's compact encoding on the wire. A participant is one array (enums as small numbers,
// times as whole seconds from the feed's base, coordinates to 5 decimals ≈ 1 m), with no counts or order: the
// browser derives those itself, so a delta carries only the rows that changed.

import type { CheckInMethod, Journey, Rsvp } from "@/lib/attendance";
import { compareLive, countLive, initials, sortLiveParticipants, type DerivedParticipant } from "./derive";
import { LIVE_STATES, type EtaConfidence, type EtaMethod, type LiveActivity, type LiveOccurrence, type LiveParticipant, type LiveSnapshot } from "./types";

const RSVPS = ["pending", "confirmed", "declined"] as const satisfies readonly Rsvp[];
const JOURNEYS = ["not_started", "on_the_way", "arrived", "no_show"] as const satisfies readonly Journey[];
const CHECK_IN_METHODS = ["geofence", "manual", "whatsapp_location"] as const satisfies readonly CheckInMethod[];
const ETA_METHODS = ["osrm", "track", "device", "default"] as const satisfies readonly EtaMethod[];
const ETA_CONFIDENCES = ["high", "medium", "low"] as const satisfies readonly EtaConfidence[];

type N = number | null;
/**
 * [id, name, rsvp, journey, state, stale, lat, lng, accuracyM, fixAt, etaAt, etaMethod, etaConfidence, distanceM,
 * lateMinutes, checkedInAt, checkInMethod], without trailing nulls (someone not sharing is six fields).
 */
export type WireRow = [string, string, number, number, number, 0 | 1, ...N[]];

/** `event: snapshot`: everything, on connect or when a resume cannot be served from recent deltas. */
export type WireSnapshot = { o: LiveOccurrence; t: string; b: number; p: WireRow[]; a: LiveActivity[] };

/** `event: delta`: rows added or changed (`u`), removed ids (`r`), new activity (`a`, newest first) or all of it (`A`). */
export type WireDelta = { t: string; b: number; u?: WireRow[]; r?: string[]; a?: LiveActivity[]; A?: LiveActivity[]; o?: LiveOccurrence };

const ACTIVITY_LIMIT = 30;
const round5 = (x: number) => Math.round(x * 1e5) / 1e5;
const index = <T>(list: readonly T[], value: T | null): N => (value === null ? null : list.indexOf(value));
const seconds = (at: Date | null, base: number): N => (at === null ? null : Math.round(at.getTime() / 1000) - base);
const pick = <T>(list: readonly T[], i: N): T | null => (i === null ? null : list[i]!);
const iso = (s: N, base: number) => (s === null ? null : new Date((s + base) * 1000).toISOString());

export function encodeParticipant(p: DerivedParticipant, base: number): WireRow {
  const pos = p.position;
  const row: WireRow = [
    p.attendanceId,
    p.name,
    RSVPS.indexOf(p.rsvp),
    JOURNEYS.indexOf(p.journey),
    LIVE_STATES.indexOf(p.state),
    p.stale ? 1 : 0,
    pos ? round5(pos.lat) : null,
    pos ? round5(pos.lng) : null,
    pos ? Math.round(pos.accuracyM) : null,
    pos ? seconds(pos.at, base) : null,
    seconds(p.etaAt, base),
    index(ETA_METHODS, p.etaMethod),
    index(ETA_CONFIDENCES, p.etaConfidence),
    p.distanceM === null ? null : Math.round(p.distanceM),
    p.lateMinutes,
    seconds(p.checkedInAt, base),
    index(CHECK_IN_METHODS, p.checkInMethod),
  ];
  while (row.length > 6 && row.at(-1) === null) row.pop();
  return row;
}

export function decodeParticipant(row: WireRow, base: number): LiveParticipant {
  const r = (i: number): N => (row[i] as N | undefined) ?? null;
  const at = iso(r(9), base);
  const [lat, lng] = [r(6), r(7)];
  return {
    attendanceId: row[0],
    name: row[1],
    initials: initials(row[1]),
    rsvp: RSVPS[row[2]]!,
    journey: JOURNEYS[row[3]]!,
    state: LIVE_STATES[row[4]]!,
    position: lat !== null && lng !== null && at !== null ? { lat, lng, accuracyM: r(8) ?? 0, at } : null,
    etaAt: iso(r(10), base),
    etaMethod: pick(ETA_METHODS, r(11)),
    etaConfidence: pick(ETA_CONFIDENCES, r(12)),
    distanceM: r(13),
    lateMinutes: r(14),
    stale: row[5] === 1,
    checkedInAt: iso(r(15), base),
    checkInMethod: pick(CHECK_IN_METHODS, r(16)),
  };
}

/** Whether two encoded rows show the same thing (what decides that a participant goes into a delta). */
export function sameRow(a: WireRow, b: WireRow): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

export function decodeSnapshot(w: WireSnapshot): LiveSnapshot {
  const participants = sortLiveParticipants(w.p.map((r) => decodeParticipant(r, w.b)));
  return { occurrence: w.o, generatedAt: w.t, participants, counts: countLive(participants), activity: w.a };
}

/**
 * The snapshot after a delta. Participants the delta does not name keep their objects, so memoized rows and map
 * features of people who did not change are left alone. The order is kept incrementally: the changed rows, sorted
 * on their own, are merged into the untouched rest (already in order), not 5,000 people re-sorted per delta.
 */
export function applyDelta(current: LiveSnapshot, d: WireDelta): LiveSnapshot {
  let participants = current.participants;
  if (d.u?.length || d.r?.length) {
    const fresh = new Map<string, LiveParticipant>();
    for (const row of d.u ?? []) fresh.set(row[0], decodeParticipant(row, d.b));
    const gone = new Set(d.r);
    const rest = participants.filter((p) => !fresh.has(p.attendanceId) && !gone.has(p.attendanceId));
    participants = mergeSorted(rest, sortLiveParticipants([...fresh.values()]));
  }
  const activity = d.A ?? (d.a?.length ? [...d.a, ...current.activity].slice(0, ACTIVITY_LIMIT) : current.activity);
  return {
    occurrence: d.o ?? current.occurrence,
    generatedAt: d.t,
    participants,
    counts: participants === current.participants ? current.counts : countLive(participants),
    activity,
  };
}

function mergeSorted(a: readonly LiveParticipant[], b: readonly LiveParticipant[]): LiveParticipant[] {
  const out: LiveParticipant[] = new Array<LiveParticipant>(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) out[k++] = compareLive(a[i]!, b[j]!) <= 0 ? a[i++]! : b[j++]!;
  while (i < a.length) out[k++] = a[i++]!;
  while (j < b.length) out[k++] = b[j++]!;
  return out;
}
