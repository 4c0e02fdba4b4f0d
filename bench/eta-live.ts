// bench:eta's live part, run inside bench/eta-worker.ts: one tick of an occurrence's live feed, before (today's
// full snapshot every tick: buildLiveSnapshot, JSON, encode) and after (lib/live/feed-tick: the rows changed since
// the last tick, a delta), while `movers` travellers send a new position every second.
import { eq, sql } from "drizzle-orm";
import { getDb, schema } from "@/lib/database";
import { advanceFeed, newFeedCursor } from "@/lib/live/feed-tick";
import { buildLiveSnapshot, loadLiveSubject } from "@/lib/live/snapshot";
import { systemContext } from "@/lib/tenant/context";
import { prng } from "@/test/prng";
import type { ProfileSummary } from "./eta-worker";

export type LiveInput = { organizationId: string; instanceId: string; ticks: number; movers: number; profileFile: string | null };
export type LiveTick = { nodeCpuMs: number; wallMs: number; pgCpuMs: number | null; bytes: number };
export type LiveOutput = {
  participants: number;
  states: Record<string, number>;
  activity: number;
  movers: number;
  warmupTicks: number;
  /** Today's tick: the whole snapshot built, compared and serialized, sent whenever anything changed. */
  before: LiveTick[];
  /** The delta feed's tick; `bytes` is 0 when nothing changed (only the 15 s ping goes out). */
  after: LiveTick[];
  /** What a watcher receives on connect. */
  snapshotBytes: { before: number; after: number };
  /** With --profile: `ticks` more delta ticks under the V8 profiler, after the measured ones. */
  profile: ProfileSummary | null;
};
export type LiveHelpers = {
  pgBackendCpu: () => Promise<Map<number, number>>;
  profiled: (file: string, times: number, fn: () => Promise<unknown>) => Promise<ProfileSummary>;
};

const encoder = new TextEncoder();
const WARMUP_TICKS = 5;
const ms = (a: NodeJS.CpuUsage, b: NodeJS.CpuUsage) => (b.user - a.user + b.system - a.system) / 1000;

/** `movers` people on the way each send a fix now, a few metres on (what the ingest leaves on the attendance). */
async function moveSome(ids: string[], movers: number, rand: ReturnType<typeof prng>) {
  const chosen = new Set<string>();
  while (chosen.size < Math.min(movers, ids.length)) chosen.add(ids[rand.int(ids.length)]!);
  const list = `{${[...chosen].join(",")}}`;
  await getDb().execute(sql`
    update attendances set last_lat = last_lat - 0.00008 + random() * 0.00004, last_lng = last_lng + (random() - 0.5) * 0.00008,
      last_accuracy_m = 5 + floor(random() * 20), last_fix_at = now()
    where id = any(${list}::uuid[])
  `);
}

async function measure(pgBackendCpu: LiveHelpers["pgBackendCpu"], work: () => Promise<number>): Promise<LiveTick> {
  const pgBefore = await pgBackendCpu();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const bytes = await work();
  const wallMs = performance.now() - t0;
  const cpu1 = process.cpuUsage();
  const pgAfter = await pgBackendCpu();
  let pgCpuMs: number | null = pgAfter.size > 0 ? 0 : null;
  for (const [pid, cpu] of pgAfter) pgCpuMs! += cpu - (pgBefore.get(pid) ?? 0);
  return { nodeCpuMs: ms(cpu0, cpu1), wallMs, pgCpuMs, bytes };
}

export async function measureLive(input: LiveInput, { pgBackendCpu, profiled }: LiveHelpers): Promise<LiveOutput> {
  const [org] = await getDb().select().from(schema.organizations).where(eq(schema.organizations.id, input.organizationId));
  const ctx = systemContext(org!, "bench");
  const subject = await loadLiveSubject(ctx, input.instanceId);
  const travelling = (
    await getDb().execute<{ id: string }>(sql`select id from attendances where instance_id = ${input.instanceId} and journey = 'on_the_way' and last_fix_at is not null`)
  ).map((r) => r.id);
  const rand = prng(7);

  // Before: what lib/live/stream.ts did every tick until the delta feed.
  let lastKey = "";
  const before: LiveTick[] = [];
  for (let i = 0; i < WARMUP_TICKS + input.ticks; i++) {
    await moveSome(travelling, input.movers, rand);
    const tick = await measure(pgBackendCpu, async () => {
      const snapshot = await buildLiveSnapshot(ctx, subject);
      const key = JSON.stringify([snapshot.participants, snapshot.counts, snapshot.activity]);
      const frame = encoder.encode(`event: snapshot\ndata: ${JSON.stringify(snapshot)}\n\n`);
      const changed = key !== lastKey;
      lastKey = key;
      return changed ? frame.byteLength : 0;
    });
    if (i >= WARMUP_TICKS) before.push(tick);
  }
  const last = await buildLiveSnapshot(ctx, subject);
  const snapshotBefore = encoder.encode(`event: snapshot\ndata: ${JSON.stringify(last)}\n\n`).byteLength;

  // After: the feed's first tick reads everyone (the snapshot a watcher gets on connect), then deltas.
  const cursor = newFeedCursor();
  await advanceFeed(ctx, subject, cursor);
  const snapshotAfter = encoder.encode(`id: abcdefgh-123\nevent: snapshot\ndata: ${JSON.stringify(cursor.state.snapshot())}\n\n`).byteLength;
  const after: LiveTick[] = [];
  for (let i = 0; i < WARMUP_TICKS + input.ticks; i++) {
    await moveSome(travelling, input.movers, rand);
    const tick = await measure(pgBackendCpu, async () => {
      const delta = await advanceFeed(ctx, subject, cursor);
      return delta ? encoder.encode(`id: abcdefgh-${i}\nevent: delta\ndata: ${JSON.stringify(delta)}\n\n`).byteLength : 0;
    });
    if (i >= WARMUP_TICKS) after.push(tick);
  }
  // The moves happen inside the profile too (one UPDATE: mostly waiting), so it is read by function, not in total.
  let n = 0;
  const profile = input.profileFile
    ? await profiled(input.profileFile, input.ticks, async () => {
        await moveSome(travelling, input.movers, rand);
        const delta = await advanceFeed(ctx, subject, cursor);
        return delta ? encoder.encode(`id: abcdefgh-${n++}\nevent: delta\ndata: ${JSON.stringify(delta)}\n\n`).byteLength : 0;
      })
    : null;

  const states: Record<string, number> = {};
  for (const p of last.participants) states[p.state] = (states[p.state] ?? 0) + 1;
  return {
    participants: last.participants.length,
    states,
    activity: last.activity.length,
    movers: Math.min(input.movers, travelling.length),
    warmupTicks: WARMUP_TICKS,
    before,
    after,
    snapshotBytes: { before: snapshotBefore, after: snapshotAfter },
    profile,
  };
}
