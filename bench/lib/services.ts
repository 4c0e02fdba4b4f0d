import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import postgres from "postgres";
import { freePort, hasTaskset, runToEnd, sleep, start, type Started } from "./processes";

export const ROOT = path.resolve(import.meta.dirname, "../..");
export const DIST_DIR = ".next-bench";
export const ADMIN_DATABASE_URL = process.env.BENCH_PG_ADMIN_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

/** Settings the shell may carry that would change the mode of what the benchmark starts. */
const MODE_VARIABLES = ["DATABASE_URL", "TEST_DATABASE_URL", "UPSTASH_REDIS_REST_URL", "UPSTASH_REDIS_REST_TOKEN", "AUTH_SECRET", "APP_URL", "MAIL_TRANSPORT", "JOB_RUNNER", "DATA_DIR", "INNGEST_DEV", "INNGEST_EVENT_KEY", "INNGEST_SIGNING_KEY"];

/** This process's environment without the mode settings, plus `extra`. */
export function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const base = { ...process.env };
  for (const name of MODE_VARIABLES) delete base[name];
  return { ...base, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production", ...extra };
}

// ------------------------------------------------------------------------------------------------ build

const SOURCES = ["app", "components", "lib", "db", "drizzle", "inngest", "public", "proxy.ts", "instrumentation.ts", "next.config.ts", "package-lock.json", "postcss.config.mjs"];

function newestSourceMtime(): number {
  let newest = 0;
  const visit = (p: string) => {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(p);
    } catch {
      return;
    }
    if (stat.isDirectory()) {
      for (const entry of fs.readdirSync(p)) if (entry !== "node_modules") visit(path.join(p, entry));
    } else if (!/\.test\.tsx?$/.test(p)) {
      newest = Math.max(newest, stat.mtimeMs);
    }
  };
  for (const source of SOURCES) visit(path.join(ROOT, source));
  return newest;
}

/**
 * `next build` into .next-bench (its own folder: the one `npm test` uses is left alone), skipped when the build is
 * newer than every source file. Next may rewrite tsconfig.json / next-env.d.ts for a custom distDir; both are put
 * back byte for byte (they may hold uncommitted edits, so not with git).
 */
export async function ensureBuild(rebuild: boolean): Promise<void> {
  const buildId = path.join(ROOT, DIST_DIR, "BUILD_ID");
  if (!rebuild && fs.existsSync(buildId) && fs.statSync(buildId).mtimeMs > newestSourceMtime()) {
    console.log(`build: ${DIST_DIR} is newer than the sources, not rebuilding (--rebuild forces it)`);
    return;
  }
  console.log(`build: next build into ${DIST_DIR} (embedded settings, no database touched)…`);
  const kept = ["tsconfig.json", "next-env.d.ts"].map((name) => {
    const file = path.join(ROOT, name);
    return { file, text: fs.existsSync(file) ? fs.readFileSync(file, "utf8") : undefined };
  });
  const dataDir = fs.mkdtempSync(path.join(ROOT, ".data-bench-build-"));
  try {
    await runToEnd("next build", "npx", ["--no", "--", "next", "build"], {
      cwd: ROOT,
      env: cleanEnv({ NEXT_DIST_DIR: DIST_DIR, DATA_DIR: dataDir }),
    });
  } finally {
    for (const { file, text } of kept) {
      const now = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : undefined;
      if (now !== text) {
        if (text === undefined) fs.rmSync(file);
        else fs.writeFileSync(file, text);
        console.log(`build: restored ${path.basename(file)} (next build had rewritten it)`);
      }
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

// ------------------------------------------------------------------------------------------------ PostgreSQL

/** Drops and creates `name` on the local server (trust auth); returns its URL. */
export async function freshDatabase(name: string): Promise<string> {
  const admin = postgres(ADMIN_DATABASE_URL, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.unsafe(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end({ timeout: 5 });
  }
  const url = new URL(ADMIN_DATABASE_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function dropDatabase(name: string): Promise<void> {
  const admin = postgres(ADMIN_DATABASE_URL, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } finally {
    await admin.end({ timeout: 5 });
  }
}

// ------------------------------------------------------------------------------------------------ Redis bridge

export type Bridge = { url: string; token: string; process: Started };

/** One Redis command through the bridge (the same REST protocol @upstash/redis speaks), without base64. */
export async function bridgeCommand(bridge: { url: string; token: string }, command: string[]): Promise<unknown> {
  const response = await fetch(bridge.url, {
    method: "POST",
    headers: { authorization: `Bearer ${bridge.token}`, "content-type": "application/json" },
    body: JSON.stringify(command),
  });
  const body = (await response.json()) as { result?: unknown; error?: string };
  if (!response.ok || body.error) throw new Error(`Redis ${command[0]}: ${body.error ?? response.status}`);
  return body.result;
}

/** The app's Upstash REST bridge on a free port, in front of `redisUrl` (a dedicated database number). */
export async function startBridge(redisUrl: string, logFile: string): Promise<Bridge> {
  const port = await freePort();
  const token = randomBytes(24).toString("hex");
  const bridge = start("upstash bridge", process.execPath, [
    path.join(ROOT, "scripts/upstash-redis-bridge.mjs"),
    ...["--port", String(port), "--host", "127.0.0.1", "--redis", redisUrl, "--token", token],
  ], { cwd: ROOT, logFile });
  const url = `http://127.0.0.1:${port}`;
  await waitForHttp(`${url}/`, bridge, 10_000, logFile);
  return { url, token, process: bridge };
}

// ------------------------------------------------------------------------------------------------ next start

export type Server = { url: string; process: Started; logFile: string };

/** `next start` on 127.0.0.1:<free port> with the mode's settings, pinned to `cpu` when taskset exists. */
export async function startServer(
  env: Record<string, string>,
  logFile: string,
  cpu: string | undefined,
  profileDir?: string,
): Promise<Server> {
  const port = await freePort();
  const start_ = ["start", "-H", "127.0.0.1", "-p", String(port)];
  // --cpu-prof is refused in NODE_OPTIONS, so a profiled server is started with node itself; the profile is written
  // when the server exits (open the .cpuprofile in Chrome DevTools → Performance).
  const args = profileDir
    ? [process.execPath, "--cpu-prof", `--cpu-prof-dir=${profileDir}`, path.join(ROOT, "node_modules/next/dist/bin/next"), ...start_]
    : ["npx", "--no", "--", "next", ...start_];
  const [command, ...commandArgs] = cpu !== undefined && hasTaskset ? ["taskset", "-c", cpu, ...args] : args;
  const server = start("next start", command!, commandArgs, {
    cwd: ROOT,
    env: cleanEnv({ ...env, NEXT_DIST_DIR: DIST_DIR, PORT: String(port) }),
    logFile,
  });
  const url = `http://127.0.0.1:${port}`;
  await waitForHttp(`${url}/api/health`, server, 90_000, logFile);
  return { url, process: server, logFile };
}

async function waitForHttp(url: string, owner: Started, timeoutMs: number, logFile: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exited = false;
  void owner.exited.then(() => (exited = true));
  let last = "";
  while (Date.now() < deadline) {
    if (exited) throw new Error(`${owner.name} exited at start; its log:\n${tail(logFile)}`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      if (response.ok) return;
      last = `HTTP ${response.status}: ${(await response.text()).slice(0, 300)}`;
    } catch (error) {
      last = error instanceof Error ? error.message : String(error);
    }
    await sleep(200);
  }
  throw new Error(`${owner.name} did not answer ${url} within ${timeoutMs / 1000} s (last: ${last}); its log:\n${tail(logFile)}`);
}

export function tail(file: string, lines = 30): string {
  try {
    return fs.readFileSync(file, "utf8").trimEnd().split("\n").slice(-lines).join("\n");
  } catch {
    return "(no log)";
  }
}

// ------------------------------------------------------------------------------------------------ workers

/**
 * Runs bench/worker.ts in a child process with a mode's settings: the app's modules read their settings once per
 * process, and a PGlite folder must be closed (its process gone) before `next start` opens it.
 */
export async function runWorker<T>(command: string, env: Record<string, string>, input: unknown, workDir: string): Promise<T> {
  const inputFile = path.join(workDir, `${command}-input.json`);
  const outputFile = path.join(workDir, `${command}-output.json`);
  fs.writeFileSync(inputFile, JSON.stringify(input));
  fs.rmSync(outputFile, { force: true });
  await runToEnd(`bench worker (${command})`, "npx", ["--no", "--", "tsx", "bench/worker.ts", command, inputFile, outputFile], {
    cwd: ROOT,
    env: cleanEnv({ LOG_LEVEL: "warn", ...env }),
    stdio: ["ignore", "inherit", "inherit"],
  });
  return JSON.parse(fs.readFileSync(outputFile, "utf8")) as T;
}
