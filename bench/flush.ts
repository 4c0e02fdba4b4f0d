// `npm run bench:flush`: fills the Redis location buffer with the app's own writer, then times the app's flush
// (flushLocationBuffer, in-process, looped until the buffer is empty) into a fresh PostgreSQL database and checks
// that every buffered point was stored exactly once. See bench/README.md.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import type { FillOutput, FlushSummary, SeedOutput } from "./worker";
import { machineBusyShare, onCleanup, runMain } from "./lib/processes";
import { dropDatabase, freshDatabase, ROOT, runWorker, startBridge, type Bridge } from "./lib/services";

const { values: args } = parseArgs({
  options: {
    points: { type: "string", default: "200000" },
    attendances: { type: "string", default: "200" },
    batch: { type: "string", default: "20" },
    concurrency: { type: "string", default: "50" },
    "redis-db": { type: "string", default: "5" },
    keep: { type: "boolean", default: false },
    help: { type: "boolean", default: false },
  },
});
const HELP = "usage: npm run bench:flush -- [--points 200000] [--attendances 200] [--batch 20] [--concurrency 50] [--redis-db 5] [--keep]";
const DATABASE = "event_coming_bench_flush";
const TARGET = 50_000;

runMain(async () => {
  if (args.help) return console.log(HELP), 0;
  const points = Number(args.points);
  const busy = await machineBusyShare();
  console.log(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model.trim()} · node ${process.version} · CPU in use by others: ${busy === undefined ? "unknown" : `${Math.round(busy * 100)} %`}`);
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), "event-coming-bench-flush-"));
  onCleanup(() => fs.rmSync(workDir, { recursive: true, force: true }));

  const env: Record<string, string> = {
    DATABASE_URL: await freshDatabase(DATABASE),
    AUTH_SECRET: randomBytes(24).toString("hex"),
    APP_URL: "http://127.0.0.1",
    MAIL_TRANSPORT: "log",
    JOB_RUNNER: "local",
    LOG_LEVEL: "warn",
  };
  const redisUrl = `redis://127.0.0.1:6379/${args["redis-db"]}`;
  let bridge: Bridge | undefined;
  let tornDown = false;
  const teardown = async () => {
    if (tornDown) return;
    tornDown = true;
    if (bridge) {
      try {
        if (bridge.process.child.exitCode !== null || bridge.process.child.signalCode !== null) {
          bridge = await startBridge(redisUrl, path.join(workDir, "bridge-cleanup.log"));
          Object.assign(env, { UPSTASH_REDIS_REST_URL: bridge.url, UPSTASH_REDIS_REST_TOKEN: bridge.token });
        }
        await runWorker("redis-clean", env, {}, workDir);
      } catch (error) {
        console.error(`could not remove the bench's ec:* keys from Redis database ${args["redis-db"]}: ${String(error)}`);
      }
      await bridge.process.stop();
    }
    if (!args.keep) await dropDatabase(DATABASE);
  };
  onCleanup(teardown);

  try {
    bridge = await startBridge(redisUrl, path.join(workDir, "bridge.log"));
    Object.assign(env, { UPSTASH_REDIS_REST_URL: bridge.url, UPSTASH_REDIS_REST_TOKEN: bridge.token });
    const { keys } = await runWorker<{ keys: number }>("redis-keys", env, {}, workDir);
    if (keys > 0) {
      throw new Error(
        `Redis database ${args["redis-db"]} holds ${keys} keys: the benchmark only uses an empty one (pick another with --redis-db N).`,
      );
    }
    console.log(`PostgreSQL database ${DATABASE} (fresh, migrated) · Redis database ${args["redis-db"]} through the bridge ${bridge.url}`);

    const seed = await runWorker<SeedOutput>("seed", env, { attendances: Number(args.attendances), links: false }, workDir);
    console.log(`seeded ${seed.attendanceIds.length} attendances in ${seed.seconds.toFixed(1)} s`);

    const fill = await runWorker<FillOutput>(
      "fill",
      env,
      { organizationId: seed.organizationId, attendanceIds: seed.attendanceIds, points, batch: Number(args.batch), concurrency: Number(args.concurrency) },
      workDir,
    );
    console.log(
      `buffered ${fill.buffered.toLocaleString("en-US")} points with bufferPoints (${args.batch} per call, ${args.concurrency} concurrent) ` +
        `in ${fill.seconds.toFixed(1)} s = ${Math.round(fill.buffered / fill.seconds).toLocaleString("en-US")} points/s; buffer length ${fill.bufferLength.toLocaleString("en-US")} entries (one per call)`,
    );

    const flush = await runWorker<FlushSummary>("flush", env, {}, workDir);
    const { stored } = await runWorker<{ stored: number }>("count-rows", env, { organizationId: seed.organizationId }, workDir);
    const rate = flush.points / flush.seconds;
    const ok = stored === fill.buffered && flush.points === fill.buffered;
    console.log(
      `\nflush: ${flush.points.toLocaleString("en-US")} points in ${flush.seconds.toFixed(2)} s (${flush.calls} flushLocationBuffer call(s)) ` +
        `= ${Math.round(rate).toLocaleString("en-US")} points/s`,
    );
    console.log(`stored ${stored.toLocaleString("en-US")} rows for ${fill.buffered.toLocaleString("en-US")} buffered points → ${ok ? "OK" : "FAIL"}`);
    console.log(`\nTarget (issue 4, item 7):\n  ${rate >= TARGET ? "PASS" : "MISS"}  flush ≥ ${TARGET.toLocaleString("en-US")} points/s: ${Math.round(rate).toLocaleString("en-US")} points/s`);

    const file = path.join(ROOT, "bench/results", `flush-${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(
      file,
      JSON.stringify({ date: new Date().toISOString(), cpus: `${os.cpus().length} × ${os.cpus()[0]?.model.trim()}`, node: process.version, loadAverage: os.loadavg(), settings: args, fill, flush, stored, pointsPerS: rate, ok }, null, 2),
    );
    console.log(`results: ${path.relative(ROOT, file)}`);
    if (!ok) {
      console.error(`FAIL: ${fill.buffered} points buffered, ${flush.points} flushed, ${stored} stored`);
      return 1;
    }
    return 0;
  } finally {
    await teardown();
  }
});
