// `npm run bench:ingest`: the production build on loopback, POST /api/track/<token>/points under autocannon in the
// embedded mode, with PostgreSQL, and with PostgreSQL + Redis, next to a bare JSON-parsing route handler measured
// in the same server process; then every accepted point is looked for in the database. See bench/README.md.
import { randomBytes } from "node:crypto";
import { execSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { BUFFER_KEY, FLUSH_LOCK_KEY, PROCESSING_KEY } from "@/lib/tracking/buffer";
import type { CountInput, CountOutput, SeedOutput } from "./worker";
import { bareBody, drive, Ledger, retryUnknown, type LoadResult } from "./lib/load";
import {
  cpuCount,
  groupCpuSeconds,
  hasTaskset,
  isStopping,
  machineBusyShare,
  onCleanup,
  otherNextServers,
  pinSelf,
  runMain,
  unpinWorkerThreads,
} from "./lib/processes";
import { checkTargets, formatAccounting, formatRows, formatTargets, type Accounting, type Mode, type Row } from "./lib/report";
import { bridgeCommand, dropDatabase, ensureBuild, freshDatabase, ROOT, runWorker, startBridge, startServer, tail, type Bridge } from "./lib/services";

const { values: args } = parseArgs({
  options: {
    modes: { type: "string", default: "embedded,postgres,postgres+redis" },
    batches: { type: "string", default: "5,20" },
    duration: { type: "string", default: "10" },
    warmup: { type: "string", default: "3" },
    "server-warmup": { type: "string", default: "10" },
    connections: { type: "string", default: "50" },
    links: { type: "string", default: "1000" },
    "redis-db": { type: "string", default: "5" },
    rebuild: { type: "boolean", default: false },
    keep: { type: "boolean", default: false },
    profile: { type: "boolean", default: false },
    help: { type: "boolean", default: false },
  },
});

const HELP = `usage: npm run bench:ingest -- [--modes embedded,postgres,postgres+redis] [--batches 5,20] [--duration 10]
  [--warmup 3] [--server-warmup 10] [--connections 50] [--links 1000] [--redis-db 5] [--rebuild] [--keep] [--profile]`;

const MODES: Mode[] = ["embedded", "postgres", "postgres+redis"];
const modes = args.modes.split(",").map((m) => m.trim()) as Mode[];
const batches = args.batches.split(",").map(Number);
const durationS = Number(args.duration);
const warmupS = Number(args.warmup);
const serverWarmupS = Number(args["server-warmup"]);
const connections = Number(args.connections);
const links = Number(args.links);
const DATABASE = "event_coming_bench";
const runId = new Date().toISOString().replace(/[:.]/g, "-");
const STEP_MS = 5;

// Server on one core, this process (autocannon) on the other, as in the baselines of MACHINE-NOTES.
const pinned = hasTaskset && cpuCount >= 2;
const SERVER_CPU = pinned ? "1" : undefined;

runMain(async () => {
  if (args.help) return console.log(HELP), 0;
  const unknownMode = modes.find((m) => !MODES.includes(m));
  if (unknownMode) throw new Error(`unknown mode ${unknownMode}: use ${MODES.join(", ")}`);
  await ensureBuild(args.rebuild);
  if (pinned) pinSelf("0"); // after the build, which uses both cores
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), "event-coming-bench-"));
  onCleanup(() => fs.rmSync(workDir, { recursive: true, force: true }));

  const machine = describeMachine();
  console.log(`\nmachine: ${machine.cpus} · node ${process.version} · load average ${machine.loadBefore}`);
  const busy = await machineBusyShare();
  const strays = otherNextServers();
  if (strays.length > 0) {
    console.log(`warning: other Next.js servers are running (pid ${strays.join(", ")}): stop them for figures worth comparing`);
  }
  if (busy !== undefined && busy > 0.1) {
    console.log(`warning: something else is using ${Math.round(busy * 100)} % of the CPU right now: the figures will be low and noisy`);
  }
  console.log(
    `server pinned to CPU ${SERVER_CPU ?? "(not pinned)"}, autocannon on CPU ${pinned ? "0" : "(not pinned)"}; ` +
      `${connections} connections; ${serverWarmupS} s server warm-up, then ${warmupS} s warm-up + ${durationS} s measured per run; ` +
      `${links} tracking links\n`,
  );

  const rows: Row[] = [];
  const accounting: Accounting[] = [];
  for (const mode of modes) {
    if (isStopping()) return 130;
    const result = await runMode(mode, workDir);
    rows.push(...result.rows);
    accounting.push(result.accounting);
  }

  const targets = checkTargets(rows);
  console.log(`\nIngest vs a bare route handler (same server process, ${durationS} s per run):\n`);
  console.log(formatRows(rows));
  console.log("\nPoints accepted vs stored (after the final flush):\n");
  console.log(formatAccounting(accounting));
  console.log("\nTargets (issue 4, item 7):");
  console.log(formatTargets(targets));

  const lost = accounting.filter((a) => !a.ok);
  const file = path.join(ROOT, "bench/results", `ingest-${runId}.json`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(
    file,
    JSON.stringify({ date: new Date().toISOString(), machine: { ...machine, busyShareBefore: busy, loadAfter: os.loadavg().map((n) => n.toFixed(2)).join(" ") }, settings: { modes, batches, durationS, warmupS, connections, links, pinned }, rows, accounting, targets }, null, 2),
  );
  console.log(`\nresults: ${path.relative(ROOT, file)}`);
  if (lost.length > 0) {
    console.error(`\nFAIL: stored ≠ accepted in ${lost.map((a) => a.mode).join(", ")} (see the difference column)`);
    return 1;
  }
  const missed = targets.filter((t) => !t.ok).length;
  console.log(missed > 0 ? `\nno point lost; ${missed} target(s) missed (reported above, not an error)` : "\nno point lost; every target met");
  return 0;
});

async function runMode(mode: Mode, workDir: string): Promise<{ rows: Row[]; accounting: Accounting }> {
  console.log(`━━ ${mode} ━━`);
  const modeDir = fs.mkdtempSync(path.join(workDir, `${mode.replace("+", "-")}-`));
  const env: Record<string, string> = { LOG_LEVEL: "warn" };
  let bridgeStop: (() => Promise<void>) | undefined;
  let bridge: Bridge | undefined;
  // Runs once: at the end of the mode, or from the exit cleanup on Ctrl-C / a crash (then with a bridge of its own).
  let tornDown = false;
  const teardown = async () => {
    if (tornDown) return;
    tornDown = true;
    if (mode === "postgres+redis" && env.UPSTASH_REDIS_REST_URL) {
      let stopTemporary: (() => Promise<void>) | undefined;
      try {
        if (!bridgeStop || !(await isUp(env.UPSTASH_REDIS_REST_URL))) {
          const bridge = await startBridge(`redis://127.0.0.1:6379/${args["redis-db"]}`, path.join(modeDir, "bridge-cleanup.log"));
          stopTemporary = bridge.process.stop;
          Object.assign(env, { UPSTASH_REDIS_REST_URL: bridge.url, UPSTASH_REDIS_REST_TOKEN: bridge.token });
        }
        await runWorker<{ deleted: number }>("redis-clean", env, {}, modeDir);
      } catch (error) {
        console.error(`could not remove the bench's ec:* keys from Redis database ${args["redis-db"]}: ${String(error)}`);
      } finally {
        await stopTemporary?.();
      }
    }
    await bridgeStop?.();
    if (env.DATABASE_URL && !args.keep) await dropDatabase(DATABASE);
  };
  onCleanup(teardown);
  if (mode === "embedded") {
    env.DATA_DIR = path.join(modeDir, "data");
  } else {
    env.DATABASE_URL = await freshDatabase(DATABASE);
    env.AUTH_SECRET = randomBytes(24).toString("hex");
    env.APP_URL = "http://127.0.0.1";
    env.MAIL_TRANSPORT = "log";
    env.JOB_RUNNER = "local";
  }
  try {
    if (mode === "postgres+redis") {
      const redisUrl = `redis://127.0.0.1:6379/${args["redis-db"]}`;
      bridge = await startBridge(redisUrl, path.join(modeDir, "bridge.log"));
      bridgeStop = bridge.process.stop;
      env.UPSTASH_REDIS_REST_URL = bridge.url;
      env.UPSTASH_REDIS_REST_TOKEN = bridge.token;
      const { keys } = await runWorker<{ keys: number }>("redis-keys", env, {}, modeDir);
      if (keys > 0) {
        throw new Error(
          `Redis database ${args["redis-db"]} holds ${keys} keys: the benchmark only uses an empty one. ` +
            `Pick another with --redis-db N, or empty it if it is a leftover of an earlier run ` +
            `(redis-cli -n ${args["redis-db"]} --scan --pattern 'ec:*' | xargs -r redis-cli -n ${args["redis-db"]} del).`,
        );
      }
      console.log(`redis: bridge ${bridge.url} → ${redisUrl} (empty database; only ec:* keys are written and removed)`);
    }

    const seed = await runWorker<SeedOutput>("seed", env, { attendances: links, links: true }, modeDir);
    console.log(`seeded ${seed.tokens.length} attendances with a tracking link each in ${seed.seconds.toFixed(1)} s`);

    const serverLog = path.join(modeDir, "server.log");
    const profileDir = args.profile ? path.join(ROOT, "bench/results", `profile-${runId}`, mode.replace("+", "-")) : undefined;
    const server = await startServer({ ...env, BENCH_ENDPOINTS: "1" }, serverLog, SERVER_CPU, profileDir);
    const ledger = new Ledger(seed.tokens, seed.validFromMs + 60_000);
    let serverDrainSeconds: number | null = null;
    const rows: Row[] = [];
    try {
      const pgid = server.process.child.pid!;
      if (mode === "embedded" && pinned) {
        // The embedded database is the server's own worker thread; PostgreSQL in the other modes runs unpinned.
        const moved = unpinWorkerThreads(pgid, `0-${cpuCount - 1}`);
        console.log(
          moved.length > 0
            ? `embedded database thread ${moved.join(", ")} unpinned (any core, as PostgreSQL in the other modes); the server's own thread stays on CPU ${SERVER_CPU}`
            : "warning: the embedded database thread was not found: it shares the server's core",
        );
      }
      const drivesServer = (options: Parameters<typeof drive>[0]) => async () => {
        const cpuBefore = groupCpuSeconds(pgid);
        const result = await drive(options);
        const cpuUs = (groupCpuSeconds(pgid) - cpuBefore) * 1e6;
        return { ...result, cpuUsPerReq: result.answered > 0 ? cpuUs / result.answered : 0 };
      };
      const bareRun = (batch: number, durationS: number) =>
        drivesServer({ url: server.url, connections, durationS, makeBatch: () => ({ path: "/api/bench/parse", body: bareBody(batch) }) });
      const ingestRun = (batch: number, durationS: number) =>
        drivesServer({
          url: server.url,
          connections,
          durationS,
          makeBatch: () => {
            const b = ledger.next(batch);
            return { path: ledger.path(b), body: b.body, batch: b };
          },
          onAnswer: ledger.settle.bind(ledger),
        });

      // Next's first seconds under load are much slower (JIT, lazily loaded route code, link cache): warm both routes.
      await bareRun(batches[0]!, serverWarmupS / 2)();
      await ingestRun(batches[0]!, serverWarmupS / 2)();
      const bare = new Map<number, LoadResult>();
      for (const batch of batches) {
        if (isStopping()) throw new Error("stopped");
        await bareRun(batch, warmupS)();
        const result = await bareRun(batch, durationS)();
        bare.set(batch, result);
        console.log(
          `  bare   ${String(batch).padStart(3)} points/request: ${result.reqPerS.toFixed(0)} req/s, p50 ${result.p50Ms} ms, ` +
            `server CPU ${result.cpuUsPerReq.toFixed(0)} µs/request`,
        );
      }
      for (const batch of batches) {
        if (isStopping()) throw new Error("stopped");
        await ingestRun(batch, warmupS)();
        const before = ledger.acceptedPoints;
        const result = await ingestRun(batch, durationS)();
        const acceptedPoints = ledger.acceptedPoints - before;
        const left = await retryUnknown(ledger, server.url);
        const bareResult = bare.get(batch)!;
        rows.push({
          mode,
          batch,
          ingest: { ...result, acceptedPoints, pointsPerS: acceptedPoints / result.durationS },
          bare: bareResult,
          ratio: result.reqPerS / bareResult.reqPerS,
          cpuRatio: bareResult.cpuUsPerReq! / result.cpuUsPerReq,
        });
        console.log(
          `  ingest ${String(batch).padStart(3)} points/request: ${result.reqPerS.toFixed(0)} req/s, ` +
            `${(acceptedPoints / result.durationS).toFixed(0)} points/s, p50 ${result.p50Ms} ms, server CPU ${result.cpuUsPerReq.toFixed(0)} µs/request` +
            (Object.keys(result.non2xx).length > 0 ? `, non-2xx ${JSON.stringify(result.non2xx)}` : "") +
            (left > 0 ? `, ${left} batches still unanswered after retries` : ""),
        );
      }
      if (bridge) {
        // Let the server's own flush job drain the buffer before stopping it: stopping it mid-flush would leave the
        // flush lock behind until it expires (nothing is lost, the next flush just waits for it).
        const drain = await waitForDrain(bridge);
        serverDrainSeconds = drain.seconds;
        console.log(`  the server's flush job drained the buffer ${drain.seconds.toFixed(1)} s after the load` + (drain.left > 0 ? ` (${drain.left} entries left, gave up)` : ""));
      }
    } finally {
      await server.process.stop();
    }
    if (profileDir) console.log(`  CPU profile of the server: ${path.relative(ROOT, profileDir)}/`);
    const errors = tail(serverLog, 400).split("\n").filter((l) => /"level":(50|60)/.test(l));
    if (errors.length > 0) console.log(`  server logged ${errors.length} error line(s), e.g.: ${errors[0]!.slice(0, 400)}`);

    if (isStopping()) throw new Error("stopped before the points were counted");
    // The server is stopped (PGlite is free); drain the Redis buffer and count what was stored.
    const unresolved = [...ledger.unknown.values()].map((b) => ({ attendanceId: seed.attendanceIds[b.link]!, firstMs: b.firstMs, size: b.size, stepMs: STEP_MS }));
    const counted = await runWorker<CountOutput>("count", env, { organizationId: seed.organizationId, unresolved } satisfies CountInput, modeDir);
    const unresolvedPoints = unresolved.reduce((sum, b) => sum + b.size, 0);
    const difference = counted.stored - counted.storedUnresolved - ledger.acceptedPoints;
    const accounting: Accounting = {
      mode,
      sentPoints: ledger.sentPoints,
      acceptedPoints: ledger.acceptedPoints,
      refusedPoints: ledger.refusedPoints,
      refusedByStatus: Object.fromEntries(ledger.refusedByStatus),
      unresolvedPoints,
      stored: counted.stored,
      storedUnresolved: counted.storedUnresolved,
      acceptedMismatches: ledger.acceptedMismatches,
      difference,
      ok: difference === 0 && ledger.acceptedMismatches === 0,
      serverDrainSeconds,
      flush: counted.flush && { points: counted.flush.points, seconds: counted.flush.seconds, calls: counted.flush.calls, skippedWaits: counted.flush.skippedWaits },
    };
    console.log(
      `  accepted ${ledger.acceptedPoints} points, stored ${counted.stored}` +
        (counted.flush ? ` (final flush moved ${counted.flush.points} in ${counted.flush.seconds.toFixed(1)} s)` : "") +
        ` → ${accounting.ok ? "OK" : "FAIL"}\n`,
    );
    return { rows, accounting };
  } finally {
    await teardown();
  }
}

/** Waits (up to 3 minutes) until the location buffer and processing list are empty and no flush holds the lock. */
async function waitForDrain(bridge: Bridge): Promise<{ seconds: number; left: number }> {
  const started = performance.now();
  let left = 0;
  while (performance.now() - started < 180_000) {
    const [buffer, processing, lock] = await Promise.all([
      bridgeCommand(bridge, ["LLEN", BUFFER_KEY]),
      bridgeCommand(bridge, ["LLEN", PROCESSING_KEY]),
      bridgeCommand(bridge, ["EXISTS", FLUSH_LOCK_KEY]),
    ]);
    left = Number(buffer) + Number(processing);
    if (left === 0 && Number(lock) === 0) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  return { seconds: (performance.now() - started) / 1000, left };
}

async function isUp(url: string): Promise<boolean> {
  try {
    return (await fetch(url, { signal: AbortSignal.timeout(2_000) })).ok;
  } catch {
    return false;
  }
}

function describeMachine() {
  const cpus = os.cpus();
  let commit = "unknown";
  try {
    commit = execSync("git rev-parse --short HEAD", { cwd: ROOT, stdio: ["ignore", "pipe", "ignore"] }).toString().trim();
  } catch {
    // not a git checkout
  }
  return {
    cpus: `${cpus.length} × ${cpus[0]?.model.trim() ?? "unknown CPU"}`,
    node: process.version,
    os: `${os.type()} ${os.release()}`,
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    commit,
    loadBefore: os.loadavg().map((n) => n.toFixed(2)).join(" "),
  };
}
