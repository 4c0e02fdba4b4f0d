// What one occurrence's live feed knows between ticks: the attendances as last read, the rows its watchers have,
// and the activity they saw. Pure (no I/O), so a property test can drive it with random changes.

import { deriveParticipant, type AttendanceFacts, type OccurrenceFacts } from "./derive";
import type { LiveActivity, LiveOccurrence } from "./types";
import { encodeParticipant, sameRow, type WireDelta, type WireRow, type WireSnapshot } from "./wire";

export type FeedInput = {
  occurrence: LiveOccurrence;
  facts: OccurrenceFacts;
  activity: readonly LiveActivity[];
  /** Newer positions than the stored ones (the Redis latest-position cache), by attendance id. */
  latest: ReadonlyMap<string, { ms: number; lat: number; lng: number; acc: number; spd: number | null }>;
  now: Date;
};

const activityKey = (list: readonly LiveActivity[]) => JSON.stringify(list);

/** What a row was derived from: the same facts, cached position and occurrence before `stableUntilMs` give the same row. */
type Derived = { facts: AttendanceFacts; latestMs: number | undefined; stableUntilMs: number };

export class LiveFeedState {
  private readonly facts = new Map<string, AttendanceFacts>();
  private readonly rows = new Map<string, WireRow>();
  private readonly derived = new Map<string, Derived>();
  private readonly removed = new Set<string>();
  private factsKey = "";
  private activity: readonly LiveActivity[] = [];
  private occurrence: LiveOccurrence | null = null;
  private occurrenceKey = "";
  private generatedAt = "";

  /** `base`: the whole second that every time on the wire counts from, fixed for the feed's life. */
  constructor(readonly base: number) {}

  /** Attendances added or written since the last read. */
  put(changed: readonly AttendanceFacts[]) {
    for (const f of changed) this.facts.set(f.attendanceId, f);
  }

  /** Keeps only these attendances (the others were removed from the occurrence). */
  retain(ids: ReadonlySet<string>) {
    for (const id of this.facts.keys()) {
      if (ids.has(id)) continue;
      this.facts.delete(id);
      this.removed.add(id);
    }
  }

  get size(): number {
    return this.facts.size;
  }

  /** Ids of people whose position may be newer in the latest-position cache than in the database. */
  travellingIds(): string[] {
    const ids: string[] = [];
    for (const f of this.facts.values()) if (f.journey === "not_started" || f.journey === "on_the_way") ids.push(f.attendanceId);
    return ids;
  }

  /**
   * Derives everyone at `now` (staleness and lateness move with the clock, not only with writes) and returns what
   * changed since the last call, or null when nothing did. The first call returns everyone.
   */
  advance(input: FeedInput): WireDelta | null {
    const delta: WireDelta = { t: input.now.toISOString(), b: this.base };
    const updated: WireRow[] = [];
    const nowMs = input.now.getTime();
    const factsKey = JSON.stringify(input.facts);
    if (factsKey !== this.factsKey) {
      this.factsKey = factsKey;
      this.derived.clear();
    }
    for (const f of this.facts.values()) {
      const id = f.attendanceId;
      const latestMs = input.latest.get(id)?.ms;
      const known = this.derived.get(id);
      if (known && known.facts === f && known.latestMs === latestMs && nowMs <= known.stableUntilMs) continue;
      const { derived, stableUntilMs } = deriveParticipant(withLatest(f, input.latest), input.facts, input.now);
      this.derived.set(id, { facts: f, latestMs, stableUntilMs });
      const row = encodeParticipant(derived, this.base);
      const before = this.rows.get(id);
      if (!before || !sameRow(before, row)) {
        this.rows.set(id, row);
        updated.push(row);
      }
    }
    const removed = [...this.removed].filter((id) => this.rows.delete(id));
    for (const id of this.removed) this.derived.delete(id);
    this.removed.clear();
    if (updated.length) delta.u = updated;
    if (removed.length) delta.r = removed;
    this.diffActivity(input.activity, delta);
    const occurrenceKey = JSON.stringify(input.occurrence);
    if (occurrenceKey !== this.occurrenceKey) {
      this.occurrenceKey = occurrenceKey;
      this.occurrence = input.occurrence;
      delta.o = input.occurrence;
    }
    this.generatedAt = delta.t;
    return delta.u || delta.r || delta.a || delta.A || delta.o ? delta : null;
  }

  /** Only new entries when the rest is the old list pushed down; the whole list otherwise (an entry renamed or removed). */
  private diffActivity(next: readonly LiveActivity[], delta: WireDelta) {
    if (next === this.activity) return;
    const known = new Set(this.activity.map((a) => a.id));
    const fresh = next.filter((a) => !known.has(a.id));
    const pushedDown = [...fresh, ...this.activity].slice(0, next.length);
    if (fresh.length === 0 && next.length === this.activity.length && activityKey(next) === activityKey(this.activity)) return;
    if (activityKey(pushedDown) === activityKey(next)) delta.a = fresh;
    else delta.A = [...next];
    this.activity = next;
  }

  /** Everything, for a watcher who has nothing yet. */
  snapshot(): WireSnapshot {
    return { o: this.occurrence!, t: this.generatedAt, b: this.base, p: [...this.rows.values()], a: [...this.activity] };
  }
}

function withLatest(f: AttendanceFacts, latest: FeedInput["latest"]): AttendanceFacts {
  const cached = latest.get(f.attendanceId);
  if (!cached || (f.lastFix && f.lastFix.at.getTime() >= cached.ms)) return f;
  // Spelled out rather than `{ ...f, lastFix }`: a spread plus a property is a slow path in V8 (see derive.ts).
  return {
    attendanceId: f.attendanceId,
    name: f.name,
    rsvp: f.rsvp,
    journey: f.journey,
    checkedInAt: f.checkedInAt,
    checkInMethod: f.checkInMethod,
    lastFix: { lat: cached.lat, lng: cached.lng, accuracyM: cached.acc, at: new Date(cached.ms), speedMps: cached.spd },
    stored: f.stored,
  };
}
