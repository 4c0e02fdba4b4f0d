import { describe, expect, it } from "vitest";
import { prng } from "@/test/prng";
import { toLiveParticipant, type AttendanceFacts, type OccurrenceFacts } from "./derive";
import { LiveFeedState, type FeedInput } from "./feed-state";
import type { LiveActivity, LiveOccurrence, LiveSnapshot } from "./types";
import { applyDelta, decodeSnapshot } from "./wire";

type Rng = ReturnType<typeof prng>;

const VENUE = { lat: 52.52, lng: 13.405 };
const START = Date.parse("2026-12-07T18:00:00Z");
const NAMES = ["Ana Souza", "Ben Okafor", "Chloé Martin", "Dmitri Ivanov", "Eva", "Fatima Zahra", "Gus Lee", "ana souza"];

function occurrence(startsAt: number): { occurrence: LiveOccurrence; facts: OccurrenceFacts } {
  return {
    occurrence: {
      id: "o1", eventId: "e1", title: "Practice", startsAt: new Date(startsAt).toISOString(), endsAt: new Date(startsAt + 3_600_000).toISOString(),
      status: "scheduled", timeZone: "Europe/Berlin", travelMode: "walking", lateGraceMinutes: 5,
      venue: { name: "Gym", address: "Street 1", ...VENUE, radiusM: 100 }, trackingWindow: null,
    },
    facts: { venue: VENUE, travelMode: "walking", startsAt: new Date(startsAt), lateGraceMinutes: 5, circuity: 1.3, staleAfterMs: 180_000 },
  };
}

function person(rng: Rng, id: string, now: number): AttendanceFacts {
  const f: AttendanceFacts = {
    attendanceId: id, name: rng.pick(NAMES), rsvp: rng.pick(["pending", "confirmed", "confirmed", "declined"] as const),
    journey: "not_started", checkedInAt: null, checkInMethod: null, lastFix: null,
    stored: { etaAt: null, method: null, confidence: null, distanceM: null, speedMps: null, refreshedAt: null },
  };
  if (rng.next() < 0.7) move(rng, f, now);
  return f;
}

function move(rng: Rng, f: AttendanceFacts, now: number) {
  const km = rng.next() * 8;
  f.journey = "on_the_way";
  f.lastFix = { lat: VENUE.lat + (km * 1000) / 111_320 + rng.next() * 1e-4, lng: VENUE.lng + rng.next() * 0.01, accuracyM: 3 + rng.next() * 40, at: new Date(now - rng.int(400_000)), speedMps: rng.next() < 0.5 ? null : rng.next() * 2 };
}

/** One random change to the world: what ingest, the ETA refresh, staff and the clock do to an occurrence. */
function change(rng: Rng, world: { people: Map<string, AttendanceFacts>; activity: LiveActivity[]; startsAt: number; now: number; latest: Map<string, { ms: number; lat: number; lng: number; acc: number; spd: number | null }> }, serial: { n: number }) {
  const ids = [...world.people.keys()];
  const f = ids.length ? world.people.get(rng.pick(ids))! : null;
  const copy = f ? structuredClone(f) : null;
  switch (rng.int(10)) {
    case 0: case 1: case 2: if (copy) move(rng, copy, world.now); break;
    case 3: if (copy) { copy.journey = "arrived"; copy.checkedInAt = new Date(world.now - rng.int(60_000)); copy.checkInMethod = rng.pick(["geofence", "manual", "whatsapp_location"] as const); } break;
    case 4: if (copy) copy.stored = { etaAt: new Date(world.now + rng.int(3_600_000)), method: rng.pick(["osrm", "track", "device", "default"] as const), confidence: rng.pick(["high", "medium", "low"] as const), distanceM: rng.int(9000), speedMps: rng.next() * 2, refreshedAt: new Date(world.now) }; break;
    case 5: if (copy) { copy.name = rng.pick(NAMES); copy.rsvp = rng.pick(["pending", "confirmed", "declined"] as const); } break;
    case 6: if (f && rng.next() < 0.5) world.people.delete(f.attendanceId); else { const id = `a${serial.n++}`; world.people.set(id, person(rng, id, world.now)); } return;
    case 7: world.activity = [{ id: `x${serial.n++}`, kind: "late" as const, attendanceId: f?.attendanceId ?? null, participantName: f?.name ?? null, data: { lateMinutes: rng.int(30) }, at: new Date(world.now).toISOString() }, ...world.activity].slice(0, 30); return;
    case 8: if (f && rng.next() < 0.3) { world.latest.set(f.attendanceId, { ms: world.now - rng.int(5_000), lat: VENUE.lat + rng.next() * 0.02, lng: VENUE.lng, acc: 5, spd: null }); return; }
      if (world.activity.length && rng.next() < 0.3) world.activity = world.activity.map((a, i) => (i === rng.int(world.activity.length) ? { ...a, participantName: "Renamed" } : a)); else world.startsAt += rng.pick([0, 60_000, -300_000]); return;
    default: world.now += rng.int(90_000); return;
  }
  if (copy) world.people.set(copy.attendanceId, copy);
}

const comparable = (s: LiveSnapshot) => ({ ...s, generatedAt: "" });

describe("live feed deltas", () => {
  it.each([1, 2, 3, 4, 5, 6, 7, 8])("a snapshot plus the deltas equals a fresh snapshot, after random changes (seed %i)", (seed) => {
    const rng = prng(seed);
    const serial = { n: 0 };
    const world = { people: new Map<string, AttendanceFacts>(), activity: [] as LiveActivity[], startsAt: START, now: START - 20 * 60_000, latest: new Map<string, { ms: number; lat: number; lng: number; acc: number; spd: number | null }>() };
    for (let i = 0; i < 40; i++) world.people.set(`a${serial.n++}`, person(rng, `a${serial.n - 1}`, world.now));
    const base = Math.floor(world.now / 1000);
    const feed = new LiveFeedState(base);
    const input = (): FeedInput => ({ ...occurrence(world.startsAt), activity: world.activity, latest: world.latest, now: new Date(world.now) });
    feed.put([...world.people.values()]);
    feed.advance(input());
    let client = decodeSnapshot(feed.snapshot());
    let deltas = 0;
    for (let step = 0; step < 150; step++) {
      const before = new Map(world.people);
      for (let k = rng.int(6); k >= 0; k--) change(rng, world, serial);
      // What the database read returns: the rows written since the last tick, and who is still there.
      feed.put([...world.people.values()].filter((f) => before.get(f.attendanceId) !== f));
      if (feed.size !== world.people.size || [...before.keys()].some((id) => !world.people.has(id))) feed.retain(new Set(world.people.keys()));
      const delta = feed.advance(input());
      if (delta) {
        client = applyDelta(client, JSON.parse(JSON.stringify(delta)));
        deltas += 1;
      }
      const fresh = new LiveFeedState(base);
      fresh.put([...world.people.values()]);
      fresh.advance(input());
      expect(comparable(client)).toEqual(comparable(decodeSnapshot(fresh.snapshot())));
    }
    expect(deltas).toBeGreaterThan(50);
  });

  it("turns a participant who does not move stale and late at the second the clock says so", () => {
    // Walking at 1.3 m/s (the phone says so), 60 m out: the road (× 1.3) takes 60 s, so the ETA is the fix + 1 min, then the clock.
    const fixAt = START + 60_000;
    const quiet: AttendanceFacts = {
      attendanceId: "q1", name: "Quinn Quiet", rsvp: "confirmed", journey: "on_the_way", checkedInAt: null, checkInMethod: null,
      lastFix: { lat: VENUE.lat + 60 / 111_195, lng: VENUE.lng, accuracyM: 5, at: new Date(fixAt), speedMps: 1.3 },
      stored: { etaAt: null, method: null, confidence: null, distanceM: null, speedMps: null, refreshedAt: null },
    };
    const base = Math.floor(fixAt / 1000);
    const feed = new LiveFeedState(base);
    feed.put([quiet]);
    const at = (ms: number): FeedInput => ({ ...occurrence(START), activity: [], latest: new Map(), now: new Date(ms) });
    feed.advance(at(fixAt));
    let client = decodeSnapshot(feed.snapshot());
    const seen: { second: number; state: string; lateMinutes: number | null; confidence: string | null }[] = [];
    for (let second = 1; second <= 7 * 60; second++) {
      const delta = feed.advance(at(fixAt + second * 1000));
      if (delta) client = applyDelta(client, JSON.parse(JSON.stringify(delta)));
      const p = client.participants[0]!;
      const last = seen.at(-1);
      if (!last || last.state !== p.state || last.lateMinutes !== p.lateMinutes || last.confidence !== p.etaConfidence) {
        seen.push({ second, state: p.state, lateMinutes: p.lateMinutes, confidence: p.etaConfidence });
      }
      const fresh = new LiveFeedState(base);
      fresh.put([quiet]);
      fresh.advance(at(fixAt + second * 1000));
      expect(comparable(client)).toEqual(comparable(decodeSnapshot(fresh.snapshot())));
    }
    // Doubtful after half the stale age (90 s), stale after 3 min, late once the ETA (now the clock) passes start +
    // 5 min of grace (fix + 4 min), one minute later at fix + 5 min 1 s.
    expect(seen).toEqual([
      { second: 1, state: "on_the_way", lateMinutes: null, confidence: "medium" },
      { second: 91, state: "on_the_way", lateMinutes: null, confidence: "low" },
      { second: 181, state: "stale", lateMinutes: null, confidence: "low" },
      { second: 241, state: "late", lateMinutes: 1, confidence: "low" },
      { second: 301, state: "late", lateMinutes: 2, confidence: "low" },
      { second: 361, state: "late", lateMinutes: 3, confidence: "low" },
    ]);
  });

  it("keeps what the live views show: positions to about a metre, times to the second", () => {
    const rng = prng(42);
    const now = START - 10 * 60_000;
    const people = Array.from({ length: 30 }, (_, i) => person(rng, `a${i}`, now));
    const feed = new LiveFeedState(Math.floor(now / 1000) - 7);
    feed.put(people);
    const { facts } = occurrence(START);
    feed.advance({ ...occurrence(START), activity: [], latest: new Map(), now: new Date(now) });
    const decoded = new Map(decodeSnapshot(feed.snapshot()).participants.map((p) => [p.attendanceId, p]));
    for (const f of people) {
      const exact = toLiveParticipant(f, facts, new Date(now));
      const got = decoded.get(f.attendanceId)!;
      expect({ ...got, position: null, etaAt: null }).toEqual({ ...exact, position: null, etaAt: null, distanceM: exact.distanceM === null ? null : Math.round(exact.distanceM) });
      if (exact.position) {
        expect(Math.abs(got.position!.lat - exact.position.lat)).toBeLessThan(1e-5);
        expect(Math.abs(got.position!.lng - exact.position.lng)).toBeLessThan(1e-5);
        expect(Math.abs(Date.parse(got.position!.at) - Date.parse(exact.position.at))).toBeLessThanOrEqual(500);
      } else expect(got.position).toBeNull();
      if (exact.etaAt) expect(Math.abs(Date.parse(got.etaAt!) - Date.parse(exact.etaAt))).toBeLessThanOrEqual(500);
      else expect(got.etaAt).toBeNull();
    }
  });
});
