import { spawn, spawnSync, type ChildProcess, type SpawnOptions } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";

/**
 * Every process the benchmark starts, so that all of them (next start, the Redis bridge, workers holding PGlite)
 * are stopped at the end, on Ctrl-C and on failure. Each runs in its own process group and is signalled by its id.
 */
const running = new Map<number, { name: string; child: ChildProcess }>();
const cleanups: (() => Promise<void> | void)[] = [];

export type Started = { name: string; child: ChildProcess; exited: Promise<number | null>; stop(): Promise<void> };

/** "stopping": Ctrl-C or the end was reached and the started processes are being stopped; then the cleanups run. */
let phase: "running" | "stopping" | "cleanups" = "running";
export const isStopping = () => phase !== "running";

export function start(name: string, command: string, args: string[], options: SpawnOptions & { logFile?: string } = {}): Started {
  if (phase === "stopping") throw new Error(`not starting ${name}: the benchmark is stopping`);
  const { logFile, ...spawnOptions } = options;
  const log = logFile ? fs.openSync(logFile, "a") : undefined;
  const child = spawn(command, args, {
    stdio: ["ignore", log ?? "inherit", log ?? "inherit"],
    ...spawnOptions,
    detached: true,
  });
  if (log !== undefined) fs.closeSync(log);
  const pid = child.pid;
  if (pid === undefined) throw new Error(`could not start ${name} (${command})`);
  running.set(pid, { name, child });
  const exited = new Promise<number | null>((resolve) => {
    child.once("exit", (code, signal) => {
      running.delete(pid);
      resolve(code ?? (signal ? 128 : null));
    });
    child.once("error", () => {
      running.delete(pid);
      resolve(null);
    });
  });
  return { name, child, exited, stop: () => stopProcess(pid, exited) };
}

async function stopProcess(pid: number, exited: Promise<unknown>): Promise<void> {
  if (!running.has(pid)) return;
  signalGroup(pid, "SIGTERM");
  const done = await Promise.race([exited.then(() => true), sleep(8_000).then(() => false)]);
  if (!done) {
    signalGroup(pid, "SIGKILL");
    await Promise.race([exited, sleep(2_000)]);
  }
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal); // the group of a process we started (detached), never anything else
  } catch {
    try {
      process.kill(pid, signal);
    } catch {
      // already gone
    }
  }
}

/** Runs `fn` once at the end (normal exit, failure, Ctrl-C), after the tracked processes are stopped. */
export function onCleanup(fn: () => Promise<void> | void): void {
  cleanups.push(fn);
}

let cleaning: Promise<void> | undefined;
export function cleanup(): Promise<void> {
  cleaning ??= (async () => {
    phase = "stopping";
    await Promise.all([...running.entries()].map(([pid, { child }]) => stopProcess(pid, new Promise((r) => child.once("exit", r)))));
    phase = "cleanups"; // a cleanup may start what it needs (a bridge to delete Redis keys) and stops it itself
    for (const fn of cleanups.reverse()) {
      try {
        await fn();
      } catch (error) {
        console.error(`cleanup step failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  })();
  return cleaning;
}

/** Runs `main`, stopping everything on the way out; the exit code is main's (1 on a crash, 130 on Ctrl-C). */
export function runMain(main: () => Promise<number>): void {
  // `npx tsx` relays the terminal's Ctrl-C, so the signal arrives twice: later ones must not cut the cleanup short.
  let stopping = false;
  const stopOn = (signal: NodeJS.Signals, code: number) =>
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      console.error(`\n${signal}: stopping everything the benchmark started…`);
      void cleanup().finally(() => process.exit(code));
    });
  stopOn("SIGINT", 130);
  stopOn("SIGTERM", 143);
  main()
    .catch((error: unknown) => {
      if (isStopping()) return 130; // the processes it used were stopped under it: not a failure of its own
      console.error(`\nbenchmark failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      return 1;
    })
    .then(async (code) => {
      await cleanup();
      process.exit(code);
    });
}

/** Runs a command to completion, printing its output; throws on a non-zero exit. */
export async function runToEnd(name: string, command: string, args: string[], options: SpawnOptions = {}): Promise<void> {
  const started = start(name, command, args, options);
  const code = await started.exited;
  if (code !== 0) throw new Error(`${name} exited with ${code}`);
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export const hasTaskset = spawnSync("taskset", ["-V"], { stdio: "ignore" }).status === 0;
export const cpuCount = os.availableParallelism();

/** Pins this process (the load generator) to `cpus`; children started afterwards inherit it. */
export function pinSelf(cpus: string): boolean {
  if (!hasTaskset) return false;
  return spawnSync("taskset", ["-a", "-p", "-c", cpus, String(process.pid)], { stdio: "ignore" }).status === 0;
}

/**
 * Lets the embedded database's thread run on every core, as PostgreSQL does in the other modes, while the server's
 * own thread stays pinned. That thread is found by its name: Node names a thread after the process title it had
 * when the thread started, so in `next-server` the worker started after Next renamed the process carries that name,
 * while the threads Node starts at launch are called `node`. Returns the thread ids it moved.
 */
export function unpinWorkerThreads(pgid: number, cpus: string): number[] {
  if (!hasTaskset) return [];
  const moved: number[] = [];
  for (const pid of groupPids(pgid)) {
    let comm: string;
    let tids: string[];
    try {
      comm = fs.readFileSync(`/proc/${pid}/comm`, "utf8");
      tids = fs.readdirSync(`/proc/${pid}/task`);
    } catch {
      continue;
    }
    if (!comm.startsWith("next-server")) continue;
    for (const tid of tids) {
      if (Number(tid) === pid) continue;
      try {
        if (fs.readFileSync(`/proc/${pid}/task/${tid}/comm`, "utf8") !== comm) continue;
      } catch {
        continue;
      }
      if (spawnSync("taskset", ["-p", "-c", cpus, tid], { stdio: "ignore" }).status === 0) moved.push(Number(tid));
    }
  }
  return moved;
}

const CLOCK_TICKS = Number(spawnSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).stdout.trim()) || 100;

/** Fields of /proc/<pid>/stat after "(comm)": state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime … */
function statFields(pid: number): string[] | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  } catch {
    return undefined; // gone meanwhile
  }
}

/** The processes of a group we started (Linux /proc; none elsewhere). */
function groupPids(pgid: number): number[] {
  let entries: string[] = [];
  try {
    entries = fs.readdirSync("/proc").filter((e) => /^\d+$/.test(e));
  } catch {
    return [];
  }
  return entries.map(Number).filter((pid) => Number(statFields(pid)?.[2]) === pgid);
}

/** CPU seconds (user + system) used so far by the processes of a group we started (Linux /proc; 0 elsewhere). */
export function groupCpuSeconds(pgid: number): number {
  let ticks = 0;
  for (const pid of groupPids(pgid)) {
    const fields = statFields(pid);
    if (fields) ticks += Number(fields[11]) + Number(fields[12]);
  }
  return ticks / CLOCK_TICKS;
}

/** Share of the machine's CPU time used by anything over the next `ms` (Linux /proc/stat; undefined elsewhere). */
export async function machineBusyShare(ms = 1_000): Promise<number | undefined> {
  const read = () => {
    const fields = fs.readFileSync("/proc/stat", "utf8").split("\n")[0]!.trim().split(/\s+/).slice(1).map(Number);
    const idle = fields[3]! + (fields[4] ?? 0);
    return { idle, total: fields.reduce((a, b) => a + b, 0) };
  };
  try {
    const before = read();
    await sleep(ms);
    const after = read();
    return 1 - (after.idle - before.idle) / Math.max(1, after.total - before.total);
  } catch {
    return undefined;
  }
}

/**
 * Next.js servers already running on this machine (they rename themselves `next-server`, so `pkill -f "next start"`
 * misses them). An idle one still runs its job schedule and lowers every figure by several per cent.
 */
export function otherNextServers(): number[] {
  const pids: number[] = [];
  for (const entry of fs.readdirSync("/proc", { withFileTypes: true })) {
    if (!entry.isDirectory() || !/^\d+$/.test(entry.name)) continue;
    try {
      const command = fs.readFileSync(`/proc/${entry.name}/cmdline`, "utf8");
      if (command.startsWith("next-server")) pids.push(Number(entry.name));
    } catch {
      // The process ended meanwhile, or is not ours to read.
    }
  }
  return pids;
}
