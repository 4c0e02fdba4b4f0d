// bench:eta's live part (issue 19, part 1): seeds two live occurrences, runs bench/eta-live.ts in the worker for
// each, and prints the targets with PASS/MISS and the before figures (today's full snapshot) beside the after ones.
import path from "node:path";
import type { LiveInput, LiveOutput, LiveTick, ProfileSummary, SeedInput, SeedOutput } from "./eta-worker";
import { machineBusyShare } from "./lib/processes";
import { ROOT } from "./lib/services";

type Worker = <T>(command: string, input: unknown) => Promise<T>;
type Scenario = { participants: number; movers: number; seed: SeedOutput; live: LiveOutput };
export type LiveTargets = { scenarios: Scenario[]; targets: { name: string; before: string; after: string; pass: boolean }[] };

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length === 0 ? 0 : s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))] ?? 0;
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
const ms = (n: number) => `${n.toFixed(2)} ms`;
const kb = (bytes: number) => `${(bytes / 1000).toLocaleString("en-US", { maximumFractionDigits: 1 })} KB`;
const cpu = (ticks: LiveTick[]) => median(ticks.map((t) => t.nodeCpuMs));
const cpuText = (ticks: LiveTick[]) => `${ms(cpu(ticks))} (p95 ${p95(ticks.map((t) => t.nodeCpuMs)).toFixed(2)})`;
/** One tick per second: the mean bytes per tick are the bytes per second each watcher receives. */
const perSecond = (ticks: LiveTick[]) => mean(ticks.map((t) => t.bytes));
const fmt = (n: number) => n.toLocaleString("en-US", { maximumFractionDigits: 1, minimumFractionDigits: 1 });

export function formatProfile(profile: ProfileSummary, per: string): string {
  return [
    `  profile (${fmt(profile.sampledMs)} ms sampled per ${per}, wall time incl. waiting): ${path.relative(ROOT, profile.file)}`,
    ...profile.byArea.map((a) => `    ${fmt(a.ms).padStart(8)} ms  ${a.area}`),
    "  top functions (builtins charged to their caller):",
    ...profile.byFunction.map((f) => `    ${fmt(f.ms).padStart(8)} ms  ${f.name}`),
  ].join("\n");
}

const pg = (ticks: LiveTick[]) => (ticks.some((t) => t.pgCpuMs === null) ? "n/a" : `${mean(ticks.map((t) => t.pgCpuMs!)).toFixed(1)} ms`);

type Options = { ticks: number; fixes: number; small: number; large: number; profileFile: (name: string) => string | null };

async function scenario(worker: Worker, participants: number, options: Options, randomSeed: number): Promise<Scenario> {
  const { ticks, fixes } = options;
  const movers = Math.round(participants / 5);
  const seed = await worker<SeedOutput>("seed", { participants, fixes, travelMode: "walking", mixedStates: true, randomSeed } satisfies SeedInput);
  await worker("prepare-live", { finishedInstanceId: null, nowMs: seed.nowMs + 2_000 });
  const busy = await machineBusyShare();
  console.log(`seeded ${participants.toLocaleString("en-US")} participants (${seed.travelling} on the way) in ${seed.seconds.toFixed(1)} s; CPU in use by others: ${busy === undefined ? "unknown" : `${Math.round(busy * 100)} %`}`);
  const live = await worker<LiveOutput>("live", { organizationId: seed.organizationId, instanceId: seed.instanceId, ticks, movers, profileFile: options.profileFile(`live-${participants}`) } satisfies LiveInput);
  // The next scenario's occurrence is measured alone.
  await worker("prepare-live", { finishedInstanceId: seed.instanceId, nowMs: seed.nowMs + 2_000 });
  return { participants, movers, seed, live };
}

export async function runLiveTargets(worker: Worker, options: Options): Promise<LiveTargets> {
  console.log(`\n---- live feed (issue 19, part 1): one tick per second per watched occurrence, shared by everyone watching it`);
  const small = await scenario(worker, options.small, options, 2);
  const large = await scenario(worker, options.large, options, 3);
  for (const s of [small, large]) {
    const { live } = s;
    console.log(
      `\n${s.participants.toLocaleString("en-US")} participants (${Object.entries(live.states).map(([k, n]) => `${k} ${n}`).join(", ")}), ` +
        `${live.movers} sending a new position before every tick, ${live.activity} activity entries, ${live.warmupTicks} warm-up + ${live.after.length} measured ticks`,
    );
    console.log(
      [
        `  ${"per tick".padEnd(34)}${"before (full snapshot)".padStart(26)}${"after (delta)".padStart(26)}`,
        `  ${"Node CPU, median".padEnd(34)}${cpuText(live.before).padStart(26)}${cpuText(live.after).padStart(26)}`,
        `  ${"wall, median".padEnd(34)}${ms(median(live.before.map((t) => t.wallMs))).padStart(26)}${ms(median(live.after.map((t) => t.wallMs))).padStart(26)}`,
        `  ${"PostgreSQL CPU, mean".padEnd(34)}${pg(live.before).padStart(26)}${pg(live.after).padStart(26)}`,
        `  ${"bytes per second per watcher".padEnd(34)}${kb(perSecond(live.before)).padStart(26)}${kb(perSecond(live.after)).padStart(26)}`,
        `  ${"snapshot on connect".padEnd(34)}${kb(live.snapshotBytes.before).padStart(26)}${kb(live.snapshotBytes.after).padStart(26)}`,
      ].join("\n"),
    );
    if (live.profile) console.log(formatProfile(live.profile, "tick, with the move before it"));
  }
  const targets = [
    { name: `${small.participants} participants, ${small.movers} moving/s: ≤ 25 KB/s per watcher`, before: kb(perSecond(small.live.before)), after: kb(perSecond(small.live.after)), pass: perSecond(small.live.after) <= 25_000 },
    { name: `${small.participants} participants, ${small.movers} moving/s: ≤ 3 ms Node CPU per tick`, before: ms(cpu(small.live.before)), after: ms(cpu(small.live.after)), pass: cpu(small.live.after) <= 3 },
    { name: `${large.participants.toLocaleString("en-US")} participants, ${large.movers.toLocaleString("en-US")} moving/s: ≤ 25 ms Node CPU per tick`, before: ms(cpu(large.live.before)), after: ms(cpu(large.live.after)), pass: cpu(large.live.after) <= 25 },
    { name: `a full snapshot of ${large.participants.toLocaleString("en-US")} ≤ 600 KB`, before: kb(large.live.snapshotBytes.before), after: kb(large.live.snapshotBytes.after), pass: large.live.snapshotBytes.after <= 600_000 },
  ];
  console.log(`\nTargets (issue 19, part 1; Node CPU judged on the median tick, p95 above):`);
  for (const t of targets) console.log(`  ${t.pass ? "PASS" : "MISS"}  ${t.name.padEnd(62)} before ${t.before.padStart(10)}   after ${t.after.padStart(10)}`);
  return { scenarios: [small, large], targets };
}
