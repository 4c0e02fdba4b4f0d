// What one occurrence's live feed knows between ticks: the attendances as last read, the rows its watchers have,
// and the activity they saw. Pure (no I/O), so a property test can drive it with random changes.

import { deriveParticipant, type AttendanceFacts, type OccurrenceFacts } from "./derive";
import type { LiveActivity, LiveOccurrence } from "./types";
import { WakeUps } from "./wake-ups";
import { encodeParticipant, sameRow, type WireDelta, type WireRow, type WireSnapshot } from "./wire";

/** A position from the latest-position cache. */
type CachedFix = { ms: number; lat: number; lng: number; acc: number; spd: number | null };

export type FeedInput = {
  occurrence: LiveOccurrence;
  facts: OccurrenceFacts;
  activity: readonly LiveActivity[];
  /** Newer positions than the stored ones (the Redis latest-position cache), by attendance id. */
  latest: ReadonlyMap<string, CachedFix>;
  now: Date;
};

const activityKey = (list: readonly LiveActivity[]) => JSON.stringify(list);

/** What a row was derived from besides the facts: the same cached position gives the same row until `stableUntilMs`. */
type Derived = { latestMs: number | undefined; stableUntilMs: number };

export class LiveFeedState {
  private readonly facts = new Map<string, AttendanceFacts>();
  private readonly rows = new Map<string, WireRow>();
  private readonly derived = new Map<string, Derived>();
  /** Derived again at the next tick: written since the last one, or due for another reason. */
  private readonly dirty = new Set<string>();
  /** Not started or on the way: the latest-position cache may have a newer fix for them. */
  private readonly travelling = new Set<string>();
  /** Rows derived with a cached position: one that leaves the cache goes back to the stored fix. */
  private readonly withCached = new Set<string>();
  /** When the clock changes a row next, so a tick visits only who is due rather than everyone. */
  private readonly wakeUps = new WakeUps();
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
    for (const f of changed) {
      const id = f.attendanceId;
      this.facts.set(id, f);
      this.dirty.add(id);
      if (f.journey === "not_started" || f.journey === "on_the_way") this.travelling.add(id);
      else this.travelling.delete(id);
    }
  }

  /** Keeps only these attendances (the others were removed from the occurrence). */
  retain(ids: ReadonlySet<string>) {
    for (const id of this.facts.keys()) {
      if (ids.has(id)) continue;
      this.facts.delete(id);
      this.travelling.delete(id);
      this.removed.add(id);
    }
  }

  get size(): number {
    return this.facts.size;
  }

  /** Ids of people whose position may be newer in the latest-position cache than in the database. */
  travellingIds(): string[] {
    return [...this.travelling];
  }

  /**
   * Derives at `now` everyone written since the last call and everyone the clock has reached (staleness and lateness
   * move with the clock, not only with writes), and returns what changed, or null when nothing did. The first call
   * returns everyone.
   */
  advance(input: FeedInput): WireDelta | null {
    const delta: WireDelta = { t: input.now.toISOString(), b: this.base };
    this.markDue(input);
    const updated: WireRow[] = [];
    for (const id of this.dirty) {
      const f = this.facts.get(id);
      if (!f) continue;
      const cached = input.latest.get(id);
      const { derived, stableUntilMs } = deriveParticipant(withLatest(f, cached), input.facts, input.now);
      // Updated in place: these outlive many ticks, and a new one per derivation is garbage for the old generation.
      const known = this.derived.get(id);
      if (known) {
        known.latestMs = cached?.ms;
        known.stableUntilMs = stableUntilMs;
      } else this.derived.set(id, { latestMs: cached?.ms, stableUntilMs });
      if (stableUntilMs !== Infinity) this.wakeUps.push(stableUntilMs, id);
      if (cached) this.withCached.add(id);
      else this.withCached.delete(id);
      const row = encodeParticipant(derived, this.base);
      const before = this.rows.get(id);
      if (!before || !sameRow(before, row)) {
        this.rows.set(id, row);
        updated.push(row);
      }
    }
    this.dirty.clear();
    const removed = [...this.removed].filter((id) => this.rows.delete(id));
    for (const id of this.removed) {
      this.derived.delete(id);
      this.withCached.delete(id);
    }
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

  /**
   * Who must be derived again besides those written: everyone when the occurrence's facts changed, whoever's cached
   * position is new or gone, and whoever the clock has reached (their wake-up is before now and still their current one).
   */
  private markDue(input: FeedInput) {
    const factsKey = JSON.stringify(input.facts);
    if (factsKey !== this.factsKey) {
      this.factsKey = factsKey;
      this.derived.clear();
      for (const id of this.facts.keys()) this.dirty.add(id);
    }
    for (const [id, cached] of input.latest) if (this.derived.get(id)?.latestMs !== cached.ms) this.dirty.add(id);
    for (const id of this.withCached) if (!input.latest.has(id)) this.dirty.add(id);
    this.wakeUps.popBefore(input.now.getTime(), (id, atMs) => {
      if (this.derived.get(id)?.stableUntilMs === atMs) this.dirty.add(id);
    });
    // Rows derived again leave their earlier wake-ups behind: start over once those outnumber the current ones.
    if (this.wakeUps.size > 2 * this.derived.size + 1024) {
      this.wakeUps.rebuild([...this.derived].flatMap(([id, d]) => (d.stableUntilMs === Infinity ? [] : [[id, d.stableUntilMs] as [string, number]])));
    }
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

function withLatest(f: AttendanceFacts, cached: CachedFix | undefined): AttendanceFacts {
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
