// The ETA benchmark's steps that use the app's own modules, run as `tsx bench/eta-worker.ts <command> <input.json>
// <output.json>` in a child process with the benchmark's settings (the app reads them once per process; each
// measurement gets a process of its own, so seeding leaves nothing behind in its heap). Started by bench/eta.ts.
import fs from "node:fs";
import path from "node:path";
import { Session } from "node:inspector/promises";
import { and, eq, sql } from "drizzle-orm";
import { getDatabaseHandle, getDb, schema } from "@/lib/database";
import { seedBenchOccurrence, seedRoster } from "./lib/seed";
import { ROOT } from "./lib/services";
import { migrateDatabase } from "@/db/migrate";
import { env } from "@/lib/env";
import { computeEta, etaFromFix, lateness } from "@/lib/eta/eta";
import type { LatLng, TravelMode } from "@/lib/eta/estimate";
import { speedFromMotion, type TrackFix } from "@/lib/eta/speed";
import { recordActivity, recordPositions, type NewActivity } from "@/lib/attendance";
import { refreshEtas, type RefreshSummary } from "@/lib/live/refresh-etas";
import { readTravellers } from "@/lib/live/travellers";
import { readTravellerTracks, toTrack } from "./lib/track-eta";
import { ensureLocationPartitions } from "@/lib/locations/partitions";
import { prng } from "@/test/prng";
import { measureLive, type LiveInput } from "./eta-live";

export type { LiveInput, LiveOutput, LiveTick } from "./eta-live";

// ------------------------------------------------------------------------------------------------ types

export type SeedInput = { participants: number; fixes: number; travelMode: TravelMode; mixedStates: boolean; randomSeed: number };
export type SeedOutput = {
  organizationId: string;
  instanceId: string;
  /** The instant the seeded tracks lead up to: the measurements run refreshEtas at this `now`. */
  nowMs: number;
  startsAtMs: number;
  participants: number;
  travelling: number;
  fixes: number;
  seconds: number;
  /** Each traveller's true arrival (epoch ms): the rest of the way, CIRCUITY × the straight line, at their own pace. */
  truth: Record<string, number>;
};
export type RefreshInput = {
  organizationId: string;
  instanceId: string;
  nowMs: number;
  warmups: number;
  runs: number;
  profileFile: string | null;
  truth: Record<string, number>;
};
/** Mean and median absolute error (s) of the ETAs against the true arrivals, and how many were within 2 minutes. */
export type EtaError = { meanS: number; medianS: number; within2MinShare: number };
export type CpuSample = { nodeCpuMs: number; wallMs: number; pgCpuMs: number | null };
export type RefreshRun = CpuSample & { summary: RefreshSummary };
export type RefreshOutput = {
  warmup: RefreshRun;
  runs: RefreshRun[];
  /** The same steps as refreshOccurrence, done one by one: its query (readTravellers) and the ETA maths. */
  stages: {
    query: CpuSample & { travellers: number };
    computeMs: number;
    computeRuns: number[];
  };
  /**
   * The estimator before issue 19 (bench/lib/track-eta.ts), on the same database: its track query, parser and
   * computeEta over the tracks, and its ETAs' error next to the refresh's.
   */
  before: { query: CpuSample & { travellers: number; fixes: number; textBytes: number }; parseMs: number; computeMs: number };
  accuracy: { travellers: number; before: EtaError; after: EtaError };
  profile: ProfileSummary | null;
};
export type ProfileSummary = {
  file: string;
  sampledMs: number;
  byArea: { area: string; ms: number }[];
  byFunction: { name: string; ms: number }[];
};

// ------------------------------------------------------------------------------------------------ seeding

const VENUE: LatLng = { lat: 52.5219, lng: 13.4132 };
const M_PER_DEG_LAT = 111_195;


type Fix = { ms: number; lat: number; lng: number; acc: number; speed: number | null };

/**
 * A recent track approaching the venue, newest fix `ageS` seconds before `nowMs`: fixes every 4–8 s along a gently
 * curving line at the traveller's own pace (with speed wobble, sometimes a stop at a light), GPS noise scaled by
 * the fix's accuracy (now and then a coarse one), and a device-reported speed on about half of the phones.
 */
function makeTrack(rand: ReturnType<typeof prng>, nowMs: number, fixes: number, travelMode: TravelMode, ageS: number, circuity: number) {
  const r = rand.next();
  const pace =
    travelMode === "driving"
      ? r < 0.6 ? rand.between(7, 16) : r < 0.8 ? rand.between(3, 7) : r < 0.9 ? rand.between(1.1, 1.7) : rand.between(8, 14)
      : r < 0.8 ? rand.between(1, 1.8) : r < 0.9 ? rand.between(3, 5) : rand.between(1.1, 1.5);
  const stopsAtLight = r >= 0.9;
  const remainingM = travelMode === "driving" ? (pace > 2 ? rand.between(1_000, 25_000) : rand.between(300, 2_500)) : rand.between(250, 4_000);
  const bearing = rand.between(0, 2 * Math.PI);
  const bend = rand.between(-0.25, 0.25);
  const reportsSpeed = rand.next() < 0.5;
  const stopAt = Math.floor(rand.between(3, fixes - 3));
  const track: Fix[] = [];
  let ms = nowMs - ageS * 1000;
  let along = remainingM; // straight-line distance from the venue, growing as we walk back in time
  for (let k = 0; k < fixes; k++) {
    // The curve sways up to ±60 m across the line to the venue. (It used to turn the line by an angle, which at 10 km
    // moved a fix hundreds of metres sideways per step: faster than the pace, so no track speed matched the truth.)
    const sway = bend * 240 * Math.sin(k / 6);
    const coarse = rand.next() < 0.04;
    const acc = coarse ? rand.between(60, 150) : 4 + 21 * rand.next() ** 2;
    const northM = along * Math.cos(bearing) - sway * Math.sin(bearing) + rand.gauss() * (acc / 2);
    const eastM = along * Math.sin(bearing) + sway * Math.cos(bearing) + rand.gauss() * (acc / 2);
    const stopped = stopsAtLight && k >= stopAt && k < stopAt + 6;
    const speed = stopped ? 0 : pace * rand.between(0.85, 1.15);
    track.push({
      ms: Math.round(ms),
      lat: VENUE.lat + northM / M_PER_DEG_LAT,
      lng: VENUE.lng + eastM / (M_PER_DEG_LAT * Math.cos((VENUE.lat * Math.PI) / 180)),
      acc: Math.round(acc * 10) / 10,
      speed: reportsSpeed ? Math.max(0, Math.round((speed + rand.gauss() * 0.4) * 100) / 100) : null,
    });
    const dtS = rand.between(4, 8);
    ms -= dtS * 1000;
    along += speed * dtS;
  }
  // The rest of the way: a road CIRCUITY × the straight line (the estimator's assumption), at the traveller's own pace.
  const arrivesAtMs = nowMs - ageS * 1000 + Math.round((remainingM * circuity * 1000) / pace);
  return { track: track.reverse(), arrivesAtMs }; // oldest first
}

/** A Postgres array literal of plain values: one parameter however many rows (as lib/live/refresh-etas does). */
function pgArray(values: readonly (string | number | boolean | null)[]): string {
  return `{${values.map((v) => (v === null ? "NULL" : typeof v === "boolean" ? (v ? "t" : "f") : String(v))).join(",")}}`;
}

const FIRST = ["Ana", "Ben", "Chloé", "Dmitri", "Emma", "Farid", "Grete", "Hugo", "Ines", "Jonas", "Kemal", "Lea", "Mia", "Noah", "Olga", "Paul", "Quinn", "Rosa", "Sven", "Tara", "Uwe", "Vera", "Wen", "Yara", "Zoë"];
const LAST = ["Schmidt", "Müller", "Nowak", "Rossi", "García", "Yılmaz", "Kowalski", "Dubois", "Jensen", "Silva", "Wagner", "Becker", "Öztürk", "Papadopoulos", "Novák", "Horvat", "Lindqvist", "O'Brien", "Costa", "Weber"];

type Plan = {
  rsvp: "pending" | "confirmed" | "declined";
  journey: "not_started" | "on_the_way" | "arrived";
  track: Fix[];
  arrivesAtMs?: number;
  checkedInAt: Date | null;
  method: "geofence" | "manual" | null;
};

/**
 * One organization, one occurrence whose tracking window is open now, `participants` attendances. Everyone is on
 * the way (the refresh benchmark), or with `mixedStates` a live-map mix: 55 % on the way, 15 % arrived, 10 %
 * confirmed without sharing, 10 % declined, 10 % not answered.
 */
async function seed(input: SeedInput): Promise<SeedOutput> {
  const started = performance.now();
  const handle = getDatabaseHandle();
  await migrateDatabase(handle);
  const db = handle.db;
  const nowMs = Date.now();
  await ensureLocationPartitions(new Date(nowMs), 1);
  const rand = prng(input.randomSeed);
  // Starts in 25 minutes: most travellers make it, the farthest and slowest are late (as on a real evening).
  const { org, ctx, event, instance } = await seedBenchOccurrence(db, {
    name: "Bench ETA",
    startsInMinutes: 25,
    event: {
      title: "ETA benchmark",
      venueName: "Bench venue",
      venueLat: VENUE.lat,
      venueLng: VENUE.lng,
      travelMode: input.travelMode,
      lateGraceMinutes: 5,
    },
  });
  await seedRoster(db, ctx, event.id, input.participants, (n) => ({
    name: `${FIRST[n % FIRST.length]} ${LAST[Math.floor(n / FIRST.length) % LAST.length]} ${n + 1}`,
    phone: `+4916${String(100_000_000 + n).padStart(9, "0")}`,
  }));
  const attendances = await db
    .select({ id: schema.attendances.id })
    .from(schema.attendances)
    .where(and(eq(schema.attendances.instanceId, instance.id), eq(schema.attendances.organizationId, org.id)))
    .orderBy(schema.attendances.id);
  if (attendances.length !== input.participants) throw new Error(`expected ${input.participants} attendances, got ${attendances.length}`);

  const plans: Plan[] = attendances.map(() => {
    const r = input.mixedStates ? rand.next() : 0;
    // 4 % have not sent anything for 3½–7 minutes (phone locked): stale, partly or wholly outside the 5-minute track.
    const ageS = rand.next() < 0.04 ? rand.between(200, 420) : rand.between(1, 15);
    if (r < 0.55) return { rsvp: "confirmed", journey: "on_the_way", ...makeTrack(rand, nowMs, input.fixes, input.travelMode, ageS, env().ETA_CIRCUITY), checkedInAt: null, method: null };
    if (r < 0.7) {
      const at = new Date(nowMs - rand.between(30, 1_200) * 1000);
      const near = { ms: at.getTime(), lat: VENUE.lat + rand.gauss() * 0.0004, lng: VENUE.lng + rand.gauss() * 0.0006, acc: 8, speed: null };
      return { rsvp: "confirmed", journey: "arrived", track: [near], checkedInAt: at, method: rand.next() < 0.9 ? "geofence" : "manual" };
    }
    if (r < 0.8) return { rsvp: "confirmed", journey: "not_started", track: [], checkedInAt: null, method: null };
    return { rsvp: r < 0.9 ? "declined" : "pending", journey: "not_started", track: [], checkedInAt: null, method: null };
  });

  // Every fix through the app's own point path (recordPositions, as the Redis flush stores them), 20,000 a statement:
  // the statement that inserts the points also builds each attendance's motion state.
  const flat = plans.flatMap((plan, i) => plan.track.map((fix) => ({ id: attendances[i]!.id, fix })));
  for (let i = 0; i < flat.length; i += 20_000) {
    const part = flat.slice(i, i + 20_000).map(({ id, fix }) => ({
      o: org.id, a: id, ms: fix.ms, r: new Date(fix.ms + 1_500).toISOString(), la: fix.lat, ln: fix.lng, ac: fix.acc, al: null, sp: fix.speed, hd: null,
    }));
    await recordPositions(part, db);
  }
  // The attendance as the ingest leaves it: RSVP, journey, latest fix; arrivals with their check-in.
  const last = plans.map((p) => p.track.at(-1) ?? null);
  await db.execute(sql`
    update attendances a set
      rsvp = v.rsvp::rsvp_status, rsvp_at = case when v.rsvp = 'pending' then null else ${new Date(nowMs - 86_400_000).toISOString()}::timestamptz end,
      journey = v.journey::journey_status, checked_in_at = v.checked_in_at, check_in_method = v.method::check_in_method,
      last_lat = v.lat, last_lng = v.lng, last_accuracy_m = v.acc, last_fix_at = v.fix_at
    from unnest(
      ${pgArray(attendances.map((a) => a.id))}::uuid[],
      ${pgArray(plans.map((p) => p.rsvp))}::text[],
      ${pgArray(plans.map((p) => p.journey))}::text[],
      ${pgArray(plans.map((p) => p.checkedInAt?.toISOString() ?? null))}::timestamptz[],
      ${pgArray(plans.map((p) => p.method))}::text[],
      ${pgArray(last.map((f) => f?.lat ?? null))}::float8[],
      ${pgArray(last.map((f) => f?.lng ?? null))}::float8[],
      ${pgArray(last.map((f) => f?.acc ?? null))}::real[],
      ${pgArray(last.map((f) => (f ? new Date(f.ms).toISOString() : null)))}::timestamptz[]
    ) as v(id, rsvp, journey, checked_in_at, method, lat, lng, acc, fix_at)
    where a.id = v.id and a.organization_id = ${org.id}
  `);
  const arrivals: NewActivity[] = plans.flatMap((p, i) =>
    p.journey === "arrived"
      ? [{ organizationId: org.id, instanceId: instance.id, attendanceId: attendances[i]!.id, kind: "arrived" as const, data: { method: p.method }, at: p.checkedInAt! }]
      : [],
  );
  await recordActivity(arrivals, db);
  // Autovacuum would analyze the fresh tables within a minute; the benchmark should not measure the plans before that.
  await db.execute(sql`analyze attendances`);
  await db.execute(sql`analyze locations`);
  await handle.close();
  return {
    organizationId: org.id,
    instanceId: instance.id,
    nowMs,
    startsAtMs: instance.startsAt.getTime(),
    participants: plans.length,
    travelling: plans.filter((p) => p.journey === "on_the_way").length,
    fixes: flat.length,
    seconds: (performance.now() - started) / 1000,
    truth: Object.fromEntries(plans.flatMap((p, i) => (p.arrivesAtMs === undefined ? [] : [[attendances[i]!.id, p.arrivesAtMs]]))),
  };
}

/** Before the live benchmark: the refresh benchmark's occurrence is over, and the live one gets stored ETAs. */
async function prepareLive(input: { finishedInstanceId: string | null; nowMs: number }): Promise<{ refresh: RefreshSummary }> {
  const handle = getDatabaseHandle();
  await handle.db.execute(sql`update event_instances set status = 'completed' where id = ${input.finishedInstanceId}`);
  const refresh = await refreshEtas(new Date(input.nowMs));
  await handle.close();
  return { refresh };
}

// ------------------------------------------------------------------------------------------------ measuring

const CLOCK_TICKS_PER_S = 100; // USER_HZ on Linux

/** CPU time (ms) of this database's PostgreSQL backends, by pid (Linux /proc; empty when unreadable). */
async function pgBackendCpu(): Promise<Map<number, number>> {
  const pids = await getDb().execute<{ pid: number }>(sql`select pid from pg_stat_activity where datname = current_database() and backend_type = 'client backend'`);
  const out = new Map<number, number>();
  for (const { pid } of pids) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      out.set(pid, ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS_PER_S);
    } catch {
      // another machine's server, or gone
    }
  }
  return out;
}

/** Times `fn`: this process's CPU (user + system), wall time, and the database backends' CPU around it. */
async function measure<T>(fn: () => Promise<T>): Promise<CpuSample & { value: T }> {
  const pgBefore = await pgBackendCpu();
  const cpu = process.cpuUsage();
  const t0 = performance.now();
  const value = await fn();
  const wallMs = performance.now() - t0;
  const used = process.cpuUsage(cpu);
  const pgAfter = await pgBackendCpu();
  let pgCpuMs: number | null = pgAfter.size > 0 ? 0 : null;
  for (const [pid, ms] of pgAfter) pgCpuMs! += ms - (pgBefore.get(pid) ?? 0);
  return { value, nodeCpuMs: (used.user + used.system) / 1000, wallMs, pgCpuMs };
}

/** CPU time (ms, this process, user + system) since `since`: steadier than wall time on a shared machine. */
const cpuMs = (since: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
};

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

/** `times` runs of `fn` under `measure`, the median one by Node CPU. */
async function medianMeasure<T>(times: number, fn: () => Promise<T>) {
  const samples: (CpuSample & { value: T })[] = [];
  for (let i = 0; i < times; i++) samples.push(await measure(fn));
  return samples.sort((a, b) => a.nodeCpuMs - b.nodeCpuMs)[Math.floor(samples.length / 2)]!;
}

/** Median CPU ms of `times` runs of a synchronous step. */
function cpuOf(times: number, fn: () => void): { ms: number; runs: number[] } {
  fn(); // warm-up, as the refresh had
  const runs: number[] = [];
  for (let i = 0; i < times; i++) {
    const cpu = process.cpuUsage();
    fn();
    runs.push(cpuMs(cpu));
  }
  return { ms: median(runs), runs };
}

function etaError(etas: Map<string, number>, truth: Record<string, number>): EtaError {
  const errors = Object.entries(truth).flatMap(([id, at]) => (etas.has(id) ? [Math.abs(etas.get(id)! - at) / 1000] : []));
  return {
    meanS: errors.reduce((a, b) => a + b, 0) / Math.max(1, errors.length),
    medianS: median(errors),
    within2MinShare: errors.filter((e) => e <= 120).length / Math.max(1, errors.length),
  };
}

async function measureRefresh(input: RefreshInput): Promise<RefreshOutput> {
  const now = new Date(input.nowMs);
  await getDb().execute(sql`select 1`);
  const refresh = async () => {
    const m = await measure(() => refreshEtas(now));
    return { nodeCpuMs: m.nodeCpuMs, wallMs: m.wallMs, pgCpuMs: m.pgCpuMs, summary: m.value };
  };
  // The server runs the refresh every few seconds: measure it warm (V8 has optimized the hot paths), as it runs there.
  const warmup = await refresh();
  for (let i = 1; i < input.warmups; i++) await refresh();
  const runs: RefreshRun[] = [];
  for (let i = 0; i < input.runs; i++) runs.push(await refresh());
  const times = Math.max(3, input.runs);

  const settings = env();
  const [occurrence] = await getDb().execute<{ starts_at: Date | string; venue_lat: number; venue_lng: number; travel_mode: TravelMode; late_grace_minutes: number }>(sql`
    select i.starts_at, e.venue_lat, e.venue_lng, e.travel_mode, e.late_grace_minutes
    from event_instances i join events e on e.id = i.event_id and e.organization_id = i.organization_id
    where i.id = ${input.instanceId} and i.organization_id = ${input.organizationId}
  `);
  const venue = { lat: occurrence!.venue_lat, lng: occurrence!.venue_lng };
  const startsAt = new Date(occurrence!.starts_at);
  const travelMode = occurrence!.travel_mode;
  const circuity = settings.ETA_CIRCUITY;
  const staleAfterMs = settings.ETA_STALE_AFTER_MINUTES * 60_000;
  let sink = 0;

  // Where the refresh's CPU goes: its steps one at a time (query, ETA maths), each measured on its own.
  const queried = await medianMeasure(times, () => readTravellers(getDb(), input.organizationId, input.instanceId, now));
  const travellers = queried.value;
  const compute = cpuOf(times, () => {
    for (const t of travellers) {
      const speed = speedFromMotion({ trackMps: t.speed, deviceMps: t.device }, travelMode);
      const eta = etaFromFix({ venue, travelMode, now, circuity, staleAfterMs, route: null, newest: { lat: t.lat, lng: t.lng, accuracyM: t.acc, recordedAtMs: t.ms }, speed });
      sink += lateness(eta.etaAt, startsAt, occurrence!.late_grace_minutes).lateMinutes ?? 0;
    }
  });

  // The estimator before issue 19, on the same data: its track query, parser and computeEta over the tracks.
  const oldQueried = await medianMeasure(times, () => readTravellerTracks(getDb(), input.organizationId, input.instanceId, now));
  const oldRows = oldQueried.value;
  let tracks: TrackFix[][] = [];
  const parse = cpuOf(times, () => {
    tracks = oldRows.map((t) => toTrack(t, now));
  });
  const beforeEtas = new Map<string, number>();
  const oldCompute = cpuOf(times, () => {
    tracks.forEach((track, i) => {
      const eta = computeEta({ venue, travelMode, now, circuity, staleAfterMs, route: null, track })!;
      sink += lateness(eta.etaAt, startsAt, occurrence!.late_grace_minutes).lateMinutes ?? 0;
      beforeEtas.set(oldRows[i]!.id, eta.etaAt.getTime());
    });
  });
  if (sink < 0) console.log(sink); // keeps the loops from being optimised away

  // What the refresh stored, against the tracks' true arrivals.
  const stored = await getDb().execute<{ id: string; eta: number }>(sql`
    select id, (extract(epoch from eta_at) * 1000)::float8 as eta from attendances
    where organization_id = ${input.organizationId} and instance_id = ${input.instanceId} and eta_at is not null
  `);
  const afterEtas = new Map(stored.map((r) => [r.id, r.eta]));

  const profile = input.profileFile ? await profiled(input.profileFile, input.runs, () => refreshEtas(now)) : null;
  const sample = (m: CpuSample) => ({ nodeCpuMs: m.nodeCpuMs, wallMs: m.wallMs, pgCpuMs: m.pgCpuMs });
  return {
    warmup,
    runs,
    stages: { query: { ...sample(queried), travellers: travellers.length }, computeMs: compute.ms, computeRuns: compute.runs },
    before: {
      query: { ...sample(oldQueried), travellers: oldRows.length, fixes: tracks.reduce((n, t) => n + t.length, 0), textBytes: oldRows.reduce((n, t) => n + t.track.length, 0) },
      parseMs: parse.ms,
      computeMs: oldCompute.ms,
    },
    accuracy: { travellers: Object.keys(input.truth).length, before: etaError(beforeEtas, input.truth), after: etaError(afterEtas, input.truth) },
    profile,
  };
}

// ------------------------------------------------------------------------------------------------ profiling

type CpuProfile = {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }[];
  samples: number[];
  timeDeltas: number[];
};

/** Runs `fn` `times` times under the V8 sampling profiler (0.1 ms), writes the .cpuprofile and summarises it. */
async function profiled(file: string, times: number, fn: () => Promise<unknown>): Promise<ProfileSummary> {
  const session = new Session();
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.setSamplingInterval", { interval: 100 });
  await session.post("Profiler.start");
  for (let i = 0; i < times; i++) await fn();
  const { profile } = (await session.post("Profiler.stop")) as unknown as { profile: CpuProfile };
  session.disconnect();
  fs.writeFileSync(file, JSON.stringify(profile));
  return summarizeProfile(profile, file, times);
}

/** A source file's path from the checkout's root (any checkout, worktrees included). */
const fromRoot = (url: string) => path.relative(ROOT, url.replace(/^file:\/\//, ""));

/** Which code a frame belongs to; "" for frames that count towards their caller (builtins, Node internals). */
function areaOf(url: string, name: string): string {
  if (name === "(garbage collector)") return "garbage collection";
  if (name === "(idle)") return "idle (waiting for PostgreSQL)";
  if (name === "(program)") return "V8/Node runtime (program)";
  if (url.includes("/lib/eta/")) return "lib/eta (ETA maths)";
  if (url.includes("/lib/live/")) return "lib/live (refresh / snapshot code)";
  if (url.includes("/node_modules/postgres/")) return "postgres.js (driver: protocol, decoding)";
  if (url.includes("/node_modules/drizzle-orm/")) return "drizzle-orm (query building, row mapping)";
  if (url.includes("/node_modules/")) return `node_modules/${url.split("/node_modules/")[1]!.split("/")[0]}`;
  if (url.includes("/bench/")) return "bench (its calls to JSON.stringify / encode)";
  if (url.startsWith("file://") || url.startsWith("/")) return fromRoot(url).replace(/\/[^/]*$/, "/");
  return "";
}

/**
 * Per-area and per-function CPU, per run: a sample in a builtin (String.prototype.split, JSON.stringify, Number) or
 * a Node internal (TextDecoder) is charged to the nearest caller in our code or a package, which is what one can change.
 */
function summarizeProfile(profile: CpuProfile, file: string, times: number): ProfileSummary {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const owner = new Map<number, { area: string; name: string }>();
  const ownerOf = (id: number): { area: string; name: string } => {
    const known = owner.get(id);
    if (known) return known;
    const node = byId.get(id)!;
    const { url, functionName, lineNumber } = node.callFrame;
    const area = areaOf(url, functionName);
    let result: { area: string; name: string };
    if (area) {
      // tsx's transpiled line numbers do not match our sources: the file alone for our code, file:line for packages.
      const file = url.includes("/node_modules/") ? url.replace(/^.*\/node_modules\//, "") : fromRoot(url);
      const where = !url ? "" : url.includes("/node_modules/") ? ` ${file}:${lineNumber + 1}` : ` ${file}`;
      result = { area, name: `${functionName || "(anonymous)"}${where}` };
    } else {
      const up = parent.get(id);
      result = up === undefined || byId.get(up)!.callFrame.functionName === "(root)" ? { area: "other (builtins at top level)", name: functionName || "(anonymous)" } : ownerOf(up);
    }
    owner.set(id, result);
    return result;
  };
  const areas = new Map<string, number>();
  const functions = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i + 1] ?? profile.timeDeltas[i] ?? 0) / 1000 / times;
    const o = ownerOf(id);
    total += ms;
    areas.set(o.area, (areas.get(o.area) ?? 0) + ms);
    functions.set(o.name, (functions.get(o.name) ?? 0) + ms);
  });
  const sorted = (m: Map<string, number>) => [...m.entries()].sort((a, b) => b[1] - a[1]);
  return {
    file,
    sampledMs: total,
    byArea: sorted(areas).map(([area, ms]) => ({ area, ms })),
    byFunction: sorted(functions).slice(0, 15).map(([name, ms]) => ({ name, ms })),
  };
}

// ------------------------------------------------------------------------------------------------ entry

const commands: Record<string, (input: never) => Promise<unknown>> = {
  seed,
  "prepare-live": prepareLive,
  refresh: measureRefresh,
  live: (input: LiveInput) => measureLive(input, { pgBackendCpu, profiled }),
};

const [command, inputFile, outputFile] = process.argv.slice(2);
const run = command ? commands[command] : undefined;
if (!run || !inputFile || !outputFile) {
  console.error(`usage: tsx bench/eta-worker.ts <${Object.keys(commands).join("|")}> <input.json> <output.json>`);
  process.exit(2);
}
try {
  const output = await run(JSON.parse(fs.readFileSync(inputFile, "utf8")) as never);
  fs.writeFileSync(outputFile, JSON.stringify(output));
  process.exit(0);
} catch (error) {
  console.error(`bench eta worker ${command} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
}
