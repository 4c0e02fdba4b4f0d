// What one occurrence's live feed knows between ticks: the attendances as last read, the rows its watchers have,
// and the activity they saw. Pure (no I/O), so a property test can drive it with random changes.

import { toLiveParticipant, type AttendanceFacts, type OccurrenceFacts } from "./derive";
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

export class LiveFeedState {
  private readonly facts = new Map<string, AttendanceFacts>();
  private readonly rows = new Map<string, WireRow>();
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
    for (const id of this.facts.keys()) if (!ids.has(id)) this.facts.delete(id);
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
    for (const f of this.facts.values()) {
      const row = encodeParticipant(toLiveParticipant(withLatest(f, input.latest), input.facts, input.now), this.base);
      const before = this.rows.get(f.attendanceId);
      if (!before || !sameRow(before, row)) {
        this.rows.set(f.attendanceId, row);
        updated.push(row);
      }
    }
    const removed = [...this.rows.keys()].filter((id) => !this.facts.has(id));
    for (const id of removed) this.rows.delete(id);
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
  return { ...f, lastFix: { lat: cached.lat, lng: cached.lng, accuracyM: cached.acc, at: new Date(cached.ms), speedMps: cached.spd } };
}
