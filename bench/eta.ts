// `npm run bench:eta`: the ETA refresh (refreshEtas) for 10,000 travellers with realistic recent tracks, and the
// live endpoint's per-tick work for one watched occurrence (buildLiveSnapshot + JSON, what lib/live/stream.ts does
// every second, shared by everyone watching it), against a fresh PostgreSQL database, without Redis and without OSRM. See bench/README.md.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import type { RefreshInput, RefreshOutput, SeedInput, SeedOutput } from "./eta-worker";
import { formatProfile, runLiveTargets } from "./eta-live-report";
import { machineBusyShare, onCleanup, runMain, runToEnd } from "./lib/processes";
import { cleanEnv, dropDatabase, freshDatabase, ROOT } from "./lib/services";

/** Refreshes before the measured ones (the server runs one every few seconds, so it is measured warm). */
const WARMUP_REFRESHES = 3;

const { values: args } = parseArgs({
  options: {
    participants: { type: "string", default: "10000" },
    fixes: { type: "string", default: "25" },
    runs: { type: "string", default: "5" },
    "live-participants": { type: "string", default: "500" },
    "live-participants-large": { type: "string", default: "5000" },
    ticks: { type: "string", default: "50" },
    profile: { type: "boolean", default: false },
    keep: { type: "boolean", default: false },
    help: { type: "boolean", default: false },
  },
});
const HELP = `usage: npm run bench:eta -- [--participants 10000] [--fixes 25] [--runs 5] [--live-participants 500] [--live-participants-large 5000] [--ticks 50]
  [--profile] [--keep]
  --profile  after the measured runs, run the refresh and each live scenario's ticks again under the V8 profiler and
             print where the CPU went (the .cpuprofile files land in bench/results/, open them in Chrome DevTools → Performance)
  --keep     keep the database event_coming_bench_eta`;
const DATABASE = "event_coming_bench_eta";
const TARGET_CPU_MS = 50;
const TARGET_PG_CPU_MS = 150;
const runId = new Date().toISOString().replace(/[:.]/g, "-");

const fmt = (n: number | null, digits = 1) =>
  n === null ? "n/a" : n.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length === 0 ? 0 : s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

function table(header: string[], body: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...body.map(line)].join("\n");
}

runMain(async () => {
  if (args.help) return console.log(HELP), 0;
  const participants = Number(args.participants);
  const fixes = Number(args.fixes);
  const runs = Number(args.runs);
  const liveParticipants = Number(args["live-participants"]);
  const largeLiveParticipants = Number(args["live-participants-large"]);
  const ticks = Number(args.ticks);
  const machine = `${os.cpus().length} × ${os.cpus()[0]?.model.trim()}`;
  const busyAtStart = await machineBusyShare();
  console.log(`machine: ${machine} · node ${process.version} · load average ${os.loadavg().map((l) => l.toFixed(2)).join(" ")} · CPU in use by others: ${busyAtStart === undefined ? "unknown" : `${Math.round(busyAtStart * 100)} %`}`);
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), "event-coming-bench-eta-"));
  onCleanup(() => fs.rmSync(workDir, { recursive: true, force: true }));
  const resultsDir = path.join(ROOT, "bench/results");
  fs.mkdirSync(resultsDir, { recursive: true });

  // No Redis, no OSRM: the refresh reads tracks from PostgreSQL and computes every ETA itself.
  const env = cleanEnv({ DATABASE_URL: await freshDatabase(DATABASE), AUTH_SECRET: randomBytes(24).toString("hex"), APP_URL: "http://127.0.0.1", MAIL_TRANSPORT: "log", JOB_RUNNER: "local", LOG_LEVEL: "warn" });
  delete env.OSRM_URL;
  onCleanup(async () => {
    if (!args.keep) await dropDatabase(DATABASE);
  });
  const worker = async <T>(command: string, input: unknown): Promise<T> => {
    const inputFile = path.join(workDir, `${command}-input.json`);
    const outputFile = path.join(workDir, `${command}-output.json`);
    fs.writeFileSync(inputFile, JSON.stringify(input));
    await runToEnd(`bench eta worker (${command})`, "npx", ["--no", "--", "tsx", "bench/eta-worker.ts", command, inputFile, outputFile], {
      cwd: ROOT,
      env,
      stdio: ["ignore", "inherit", "inherit"],
    });
    return JSON.parse(fs.readFileSync(outputFile, "utf8")) as T;
  };
  const settings = `ETA_CIRCUITY=${env.ETA_CIRCUITY ?? "1.3 (default)"}, ETA_STALE_AFTER_MINUTES=${env.ETA_STALE_AFTER_MINUTES ?? "3 (default)"}`;
  console.log(`PostgreSQL database ${DATABASE} (fresh, migrated) · no Redis · OSRM_URL unset · ${settings}\n`);

  // ---------------------------------------------------------------------------------------------- the refresh
  const big = await worker<SeedOutput>("seed", { participants, fixes, travelMode: "driving", mixedStates: false, randomSeed: 1 } satisfies SeedInput);
  console.log(
    `seeded ${big.participants.toLocaleString("en-US")} travellers on the way (driving event starting in ` +
      `${Math.round((big.startsAtMs - big.nowMs) / 60_000)} min) with ${big.fixes.toLocaleString("en-US")} fixes in ${big.seconds.toFixed(1)} s`,
  );
  const busyRefresh = await machineBusyShare();
  console.log(`CPU in use by others before measuring: ${busyRefresh === undefined ? "unknown" : `${Math.round(busyRefresh * 100)} %`}`);
  const refresh = await worker<RefreshOutput>("refresh", {
    organizationId: big.organizationId,
    instanceId: big.instanceId,
    nowMs: big.nowMs + 5_000,
    warmups: WARMUP_REFRESHES,
    runs,
    profileFile: args.profile ? path.join(resultsDir, `eta-${runId}-refresh.cpuprofile`) : null,
    truth: big.truth,
  } satisfies RefreshInput);

  const refreshRows = [{ label: "warm-up", ...refresh.warmup }, ...refresh.runs.map((r, i) => ({ label: String(i + 1), ...r }))];
  const refreshCpu = median(refresh.runs.map((r) => r.nodeCpuMs));
  const refreshWall = median(refresh.runs.map((r) => r.wallMs));
  const pgRuns = refresh.runs.map((r) => r.pgCpuMs);
  const refreshPg = pgRuns.some((x) => x === null) ? null : median(pgRuns as number[]);
  console.log(`\nETA refresh: refreshEtas(now), ${participants.toLocaleString("en-US")} participants × ${fixes} fixes, ${WARMUP_REFRESHES} warm-up (the first shown) + ${runs} measured\n`);
  console.log(
    table(
      ["run", "Node CPU ms", "wall ms", "PostgreSQL CPU ms", "participants", "became late", "became stale"],
      [
        ...refreshRows.map((r) => [r.label, fmt(r.nodeCpuMs), fmt(r.wallMs), fmt(r.pgCpuMs, 0), String(r.summary.participants), String(r.summary.becameLate), String(r.summary.becameStale)]),
        ["median", fmt(refreshCpu), fmt(refreshWall), fmt(refreshPg, 0), "", "", ""],
      ],
    ),
  );
  const { stages, before, accuracy } = refresh;
  const rest = refreshCpu - stages.query.nodeCpuMs - stages.computeMs;
  console.log(
    `\nWhere the Node CPU goes (the refresh's steps done one at a time in the same process, medians):\n` +
      table(
        ["step", "Node CPU ms", "wall ms"],
        [
          [`traveller query: ${stages.query.travellers.toLocaleString("en-US")} rows, latest fix + motion state (PostgreSQL CPU ${fmt(stages.query.pgCpuMs, 0)} ms)`, fmt(stages.query.nodeCpuMs), fmt(stages.query.wallMs)],
          [`speedFromMotion + etaFromFix + lateness × ${stages.query.travellers.toLocaleString("en-US")} (pure compute)`, fmt(stages.computeMs), ""],
          ["the rest: UPDATE arrays, the UPDATE, activity (median refresh − the above)", rest < 0 ? `≈ 0 (${fmt(rest)}: noise)` : fmt(rest), ""],
        ],
      ) +
      `\n\nThe estimator before issue 19 (bench/lib/track-eta.ts: the refresh read each traveller's track), its steps on the same database:\n` +
      table(
        ["step", "Node CPU ms", "wall ms"],
        [
          [`track query: ${before.query.travellers.toLocaleString("en-US")} rows, ${(before.query.textBytes / 1e6).toFixed(1)} MB of track text (PostgreSQL CPU ${fmt(before.query.pgCpuMs, 0)} ms)`, fmt(before.query.nodeCpuMs), fmt(before.query.wallMs)],
          [`parse tracks: ${before.query.fixes.toLocaleString("en-US")} fixes (parseTrack)`, fmt(before.parseMs), ""],
          [`computeEta (estimateSpeed over the track) + lateness × ${before.query.travellers.toLocaleString("en-US")}`, fmt(before.computeMs), ""],
        ],
      ) +
      `\n\nETA error against the tracks' true arrivals (${accuracy.travellers.toLocaleString("en-US")} travellers; the rest of the way is ` +
      `ETA_CIRCUITY × the straight line at the traveller's own pace):\n` +
      table(
        ["estimator", "mean |error| s", "median |error| s", "within 2 min"],
        [
          ["before: track read every refresh", fmt(accuracy.before.meanS), fmt(accuracy.before.medianS), `${(accuracy.before.within2MinShare * 100).toFixed(1)} %`],
          ["after: motion state kept by the point path", fmt(accuracy.after.meanS), fmt(accuracy.after.medianS), `${(accuracy.after.within2MinShare * 100).toFixed(1)} %`],
        ],
      ),
  );
  if (refresh.profile) console.log(`\n${formatProfile(refresh.profile, "refresh")}`);

  // ---------------------------------------------------------------------------------------------- the live endpoint
  await worker("prepare-live", { finishedInstanceId: big.instanceId, nowMs: big.nowMs });
  const profileFile = (name: string) => (args.profile ? path.join(resultsDir, `eta-${runId}-${name}.cpuprofile`) : null);
  const live = await runLiveTargets(worker, { ticks, fixes, small: liveParticipants, large: largeLiveParticipants, profileFile });

  // ---------------------------------------------------------------------------------------------- targets
  const passCpu = refreshCpu <= TARGET_CPU_MS;
  const passPg = refreshPg !== null && refreshPg <= TARGET_PG_CPU_MS;
  const passAccuracy = accuracy.after.meanS <= accuracy.before.meanS;
  const pass = passCpu && passPg && passAccuracy;
  const mark = (ok: boolean) => (ok ? "PASS" : "MISS");
  console.log(
    `\nTargets (issue 19, incremental ETAs): the ETA refresh for ${participants.toLocaleString("en-US")} travellers, excluding OSRM; ` +
      `Node CPU is the whole refreshEtas() call's process CPU (user + system), PostgreSQL's its backends' CPU, medians of ${runs}.\n` +
      `  ${mark(passCpu)}  Node CPU ≤ ${TARGET_CPU_MS} ms: ${fmt(refreshCpu)} ms (wall ${fmt(refreshWall)} ms)\n` +
      `  ${mark(passPg)}  PostgreSQL CPU ≤ ${TARGET_PG_CPU_MS} ms: ${fmt(refreshPg, 0)} ms\n` +
      `  ${mark(passAccuracy)}  ETA accuracy unchanged or better: mean |error| ${fmt(accuracy.after.meanS)} s after vs ${fmt(accuracy.before.meanS)} s before`,
  );

  const file = path.join(resultsDir, `eta-${runId}.json`);
  fs.writeFileSync(
    file,
    JSON.stringify(
      {
        date: new Date().toISOString(),
        cpus: machine,
        node: process.version,
        loadAverage: os.loadavg(),
        busyShare: { start: busyAtStart, refresh: busyRefresh },
        settings: args,
        refresh: { seed: { ...big, truth: undefined }, ...refresh, medianNodeCpuMs: refreshCpu, medianWallMs: refreshWall, medianPgCpuMs: refreshPg, pass },
        live,
      },
      null,
      2,
    ),
  );
  console.log(`results: ${path.relative(ROOT, file)}`);
  return 0;
});
