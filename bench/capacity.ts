// `npm run bench:capacity`: how many participants the app serves. An open-loop load of N phones, each posting a 3-point
// batch every 5 s, while 3 organizers watch the live map and the ETA refresh runs; the largest N with p99 < 250 ms and
// every request answered 2xx, for each mode and for one and two server processes (behind a round-robin proxy), and
// the same for the bare route (Next's floor). Then every accepted point is looked for in the database. See bench/README.md.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { startRoundRobinProxy } from "../e2e/support/round-robin-proxy";
import type { CountInput, CountOutput, SeedOutput } from "./worker";
import { bareBody, Ledger, retryUnknown } from "./lib/load";
import { openLoop, searchCapacity, watchLive, type StepResult } from "./lib/open-loop";
import { isStopping, machineBusyShare, onCleanup, otherNextServers, runMain, sleep } from "./lib/processes";
import { bridgeCommand, dropDatabase, ensureBuild, freshDatabase, ROOT, runWorker, startBridge, startServer, type Bridge } from "./lib/services";
import { BUFFER_KEY, PROCESSING_KEY } from "@/lib/tracking/buffer";

const { values: args } = parseArgs({
  options: {
    modes: { type: "string", default: "postgres,postgres+redis" },
    servers: { type: "string", default: "1,2" },
    step: { type: "string", default: "10" },
    start: { type: "string", default: "250" },
    max: { type: "string", default: "2000" },
    bisections: { type: "string", default: "2" },
    watchers: { type: "string", default: "3" },
    "p99-ms": { type: "string", default: "250" },
    "redis-db": { type: "string", default: "5" },
    baseline: { type: "string", default: "bench/baselines/capacity-before-issue-19.json" },
    rebuild: { type: "boolean", default: false },
    help: { type: "boolean", default: false },
  },
});
const HELP = `usage: npm run bench:capacity -- [--modes postgres,postgres+redis] [--servers 1,2] [--step 10] [--start 250]
  [--max 2000] [--bisections 2] [--watchers 3] [--p99-ms 250] [--redis-db 5] [--baseline <file>] [--rebuild]
  --baseline  the figures to print beside this run's ("before"), PASS when N is at least as high; "" for none`;

type Mode = "postgres" | "postgres+redis";
const modes = args.modes.split(",").map((m) => m.trim()) as Mode[];
const serverCounts = args.servers.split(",").map(Number);
const stepS = Number(args.step);
const P99_MS = Number(args["p99-ms"]);
const MAX = Number(args.max);
const DATABASE = "event_coming_bench_capacity";
const BATCH = 3;
const WARMUP_S = 6;

type Found = { mode: Mode; servers: number; route: "ingest" | "bare"; best: StepResult | null; watchBytesPerS: number };
type Accounting = { mode: Mode; accepted: number; stored: number; unresolved: number; ok: boolean };
type Baseline = { found: { mode: Mode; servers: number; route: Found["route"]; participants: number }[] };

/** The figures of an earlier run to compare with (bench/baselines/), or none. */
function readBaseline(file: string): Baseline | null {
  if (!file) return null;
  const full = path.resolve(ROOT, file);
  return fs.existsSync(full) ? (JSON.parse(fs.readFileSync(full, "utf8")) as Baseline) : null;
}

runMain(async () => {
  if (args.help) return console.log(HELP), 0;
  for (const mode of modes) if (mode !== "postgres" && mode !== "postgres+redis") throw new Error(`unknown mode ${mode}`);
  await ensureBuild(args.rebuild);
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), "event-coming-capacity-"));
  onCleanup(() => fs.rmSync(workDir, { recursive: true, force: true }));
  const busy = await machineBusyShare();
  console.log(`\nmachine: ${os.cpus().length} × ${os.cpus()[0]?.model.trim()} · node ${process.version} · load average ${os.loadavg().map((n) => n.toFixed(2)).join(" ")}`);
  if (otherNextServers().length > 0) console.log("warning: other Next.js servers are running: stop them for figures worth comparing");
  if (busy !== undefined && busy > 0.1) console.log(`warning: something else is using ${Math.round(busy * 100)} % of the CPU right now`);
  console.log(`open loop: each participant posts ${BATCH} points every 5 s; ${stepS} s per step; pass = every request 2xx and p99 < ${P99_MS} ms; ${args.watchers} live-map watchers\n`);

  const found: Found[] = [];
  const accounting: Accounting[] = [];
  for (const mode of modes) {
    if (isStopping()) return 130;
    const result = await runMode(mode, workDir);
    found.push(...result.found);
    accounting.push(result.accounting);
  }
  printReport(found, accounting);
  const file = path.join(ROOT, "bench/results", `capacity-${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify({ date: new Date().toISOString(), settings: args, found, accounting }, null, 2));
  console.log(`\nresults: ${path.relative(ROOT, file)}`);
  const lost = accounting.filter((a) => !a.ok);
  if (lost.length > 0) return console.error(`\nFAIL: stored ≠ accepted in ${lost.map((a) => a.mode).join(", ")}`), 1;
  return 0;
});

async function runMode(mode: Mode, workDir: string): Promise<{ found: Found[]; accounting: Accounting }> {
  console.log(`━━ ${mode} ━━`);
  const modeDir = fs.mkdtempSync(path.join(workDir, `${mode.replace("+", "-")}-`));
  const env: Record<string, string> = {
    LOG_LEVEL: "warn",
    DATABASE_URL: await freshDatabase(DATABASE),
    AUTH_SECRET: randomBytes(24).toString("hex"),
    APP_URL: "http://127.0.0.1",
    MAIL_TRANSPORT: "log",
    JOB_RUNNER: "local",
  };
  let bridge: Bridge | undefined;
  onCleanup(() => dropDatabase(DATABASE));
  try {
    if (mode === "postgres+redis") {
      bridge = await startBridge(`redis://127.0.0.1:6379/${args["redis-db"]}`, path.join(modeDir, "bridge.log"));
      Object.assign(env, { UPSTASH_REDIS_REST_URL: bridge.url, UPSTASH_REDIS_REST_TOKEN: bridge.token });
      const { keys } = await runWorker<{ keys: number }>("redis-keys", env, {}, modeDir);
      if (keys > 0) throw new Error(`Redis database ${args["redis-db"]} is not empty: pick another with --redis-db N`);
    }
    const seed = await runWorker<SeedOutput>("seed", env, { attendances: MAX, links: true }, modeDir);
    const session = await runWorker<{ cookie: string; slug: string }>("organizer-session", env, { organizationId: seed.organizationId }, modeDir);
    console.log(`seeded ${seed.tokens.length} participants with a tracking link each in ${seed.seconds.toFixed(1)} s`);
    let accepted = 0;
    const unresolved: CountInput["unresolved"] = [];
    let stepIndex = 0;
    const found: Found[] = [];
    for (const servers of serverCounts) {
      if (isStopping()) break;
      const started = await Promise.all(
        Array.from({ length: servers }, (_, i) => startServer({ ...env, BENCH_ENDPOINTS: "1" }, path.join(modeDir, `server-${servers}-${i}.log`), undefined)),
      );
      const proxy = servers > 1 ? await startRoundRobinProxy(started.map((s) => s.url)) : null;
      const url = proxy?.url ?? started[0]!.url;
      const watch = watchLive(`${url}/api/live/${session.slug}/${seed.instanceId}`, session.cookie, Number(args.watchers));
      const watchStarted = performance.now();
      try {
        for (const route of ["ingest", "bare"] as const) {
          console.log(`  ${servers} server${servers > 1 ? "s" : ""}, ${route}:`);
          const step = async (participants: number, durationS = stepS) => {
            if (route === "bare") return openLoop({ url, participants, durationS, request: () => ({ path: "/api/bench/parse", body: bareBody(BATCH) }) });
            const ledger = new Ledger(seed.tokens.slice(0, participants), seed.validFromMs + 60_000 + ++stepIndex * 60_000);
            const result = await openLoop({
              url,
              participants,
              durationS,
              request: () => {
                const batch = ledger.next(BATCH);
                return { path: ledger.path(batch), body: batch.body, settle: (status, body) => ledger.settle(batch, status, body) };
              },
            });
            await retryUnknown(ledger, url);
            accepted += ledger.acceptedPoints;
            for (const b of ledger.unknown.values()) unresolved.push({ attendanceId: seed.attendanceIds[b.link]!, firstMs: b.firstMs, size: b.size, stepMs: 5 });
            return result;
          };
          // Each server's first seconds on a route are slow (JIT, lazily loaded route code, the link cache filling):
          // a warm-up step at the starting N, not judged (its points are accounted like any other).
          await step(Number(args.start), WARMUP_S);
          const passes = (r: StepResult) => r.ok === r.sent && r.p99Ms < P99_MS;
          const { best } = await searchCapacity({ start: Number(args.start), max: MAX, bisections: Number(args.bisections), step, passes, log: console.log });
          found.push({ mode, servers, route, best, watchBytesPerS: 0 });
        }
      } finally {
        const seconds = (performance.now() - watchStarted) / 1000;
        await watch.stop();
        for (const f of found) if (f.servers === servers && f.mode === mode) f.watchBytesPerS = watch.bytes() / seconds / Number(args.watchers);
        if (watch.statuses.some((s) => s !== 200)) console.log(`  warning: the live map answered ${watch.statuses.join(", ")}`);
        if (bridge) await waitForDrain(bridge);
        await proxy?.close();
        await Promise.all(started.map((s) => s.process.stop()));
      }
    }
    const counted = await runWorker<CountOutput>("count", env, { organizationId: seed.organizationId, unresolved } satisfies CountInput, modeDir);
    const stored = counted.stored - counted.storedUnresolved;
    console.log(`  accepted ${accepted} points, stored ${stored} → ${stored === accepted ? "OK" : "FAIL"}\n`);
    return { found, accounting: { mode, accepted, stored, unresolved: unresolved.length, ok: stored === accepted } };
  } finally {
    // The latest fixes the servers kept in Redis (the flush drained the buffer): the next run needs an empty database.
    if (bridge) {
      await runWorker<{ deleted: number }>("redis-clean", env, {}, modeDir).catch((error: unknown) => {
        console.log(`  warning: Redis database ${args["redis-db"]} not cleaned: ${String(error)}`);
      });
    }
    await bridge?.process.stop();
  }
}

async function waitForDrain(bridge: Bridge): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    const [buffer, processing] = await Promise.all([bridgeCommand(bridge, ["LLEN", BUFFER_KEY]), bridgeCommand(bridge, ["LLEN", PROCESSING_KEY])]);
    if (Number(buffer) + Number(processing) === 0) return;
    await sleep(250);
  }
}

function printReport(found: Found[], accounting: Accounting[]): void {
  console.log(`\nCapacity: participants posting ${BATCH} points every 5 s (p99 < ${P99_MS} ms, nothing refused or lost)\n`);
  const rows: string[][] = [];
  for (const mode of modes) {
    for (const servers of serverCounts) {
      const ingest = found.find((f) => f.mode === mode && f.servers === servers && f.route === "ingest");
      const bare = found.find((f) => f.mode === mode && f.servers === servers && f.route === "bare");
      const one = found.find((f) => f.mode === mode && f.servers === 1 && f.route === "ingest");
      const n = ingest?.best?.participants ?? 0;
      const floor = bare?.best?.participants ?? 0;
      rows.push([
        mode,
        String(servers),
        String(n),
        ingest?.best ? `${ingest.best.p99Ms.toFixed(0)}` : "-",
        (n / 5).toFixed(0),
        String(floor),
        floor > 0 ? (n / floor).toFixed(2) : "-",
        servers > 1 && one?.best ? (n / one.best.participants).toFixed(2) : "-",
        ingest ? (ingest.watchBytesPerS / 1024).toFixed(1) : "-",
      ]);
    }
  }
  const header = ["mode", "servers", "N", "p99 ms", "req/s", "bare N", "ratio", "× 1 server", "KiB/s per watcher"];
  const baseline = readBaseline(args.baseline);
  if (baseline) {
    header.push("N before", "ratio before", "target");
    for (const row of rows) {
      const before = (route: Found["route"]) => baseline.found.find((f) => f.mode === row[0] && f.servers === Number(row[1]) && f.route === route)?.participants;
      const [n, bareN] = [before("ingest"), before("bare")];
      row.push(n === undefined ? "-" : String(n), n && bareN ? (n / bareN).toFixed(2) : "-", n === undefined ? "-" : Number(row[2]) >= n ? "PASS" : "MISS");
    }
  }
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
  console.log([line(header), widths.map((w) => "-".repeat(w)).join("  "), ...rows.map(line)].join("\n"));
  console.log("\nAccepted vs stored:");
  for (const a of accounting) console.log(`  ${a.mode}: accepted ${a.accepted}, stored ${a.stored}, unresolved batches ${a.unresolved} → ${a.ok ? "OK" : "FAIL"}`);
}
