import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

/** Settings that would switch a server to the production mode; a dedicated server gets only what the test gives. */
const MODE_SETTINGS = ["DATABASE_URL", "TEST_DATABASE_URL", "UPSTASH_REDIS_REST_URL", "UPSTASH_REDIS_REST_TOKEN", "AUTH_SECRET"];

export type DedicatedServer = {
  url: string;
  /** Everything the process printed so far. */
  output(): string;
  /** Resolves with the exit code once the process has ended. */
  exited: Promise<number | null>;
  stop(): Promise<void>;
};

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

/** Waits (up to 10 s) until no process of the group led by `pid` is left: `npx` exits before its children do. */
async function groupGone(pid: number): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    try {
      process.kill(-pid, 0);
    } catch {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * A second `next start` of the same build, with its own settings and embedded data folder: for tests that need
 * settings the shared server does not have, or that would spend its per-address budgets. `ready: false` returns at
 * once (for a server expected to refuse to start).
 */
export async function startDedicatedServer(
  settings: Record<string, string>,
  { ready = true, nice = 0 }: { ready?: boolean; nice?: number } = {},
): Promise<DedicatedServer> {
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "event-coming-e2e-dedicated-"));
  // Links in e-mails point at this server unless the test says otherwise.
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, NEXT_TELEMETRY_DISABLED: "1", APP_URL: `http://127.0.0.1:${port}`, ...settings };
  for (const name of MODE_SETTINGS) if (!(name in settings)) delete env[name];
  const start = ["npx", "--no", "--", "next", "start", "-p", String(port), "-H", "127.0.0.1"];
  // `nice`: a server that must leave the CPU to the browser first (nice(1) from coreutils; the children inherit it).
  const [command, ...args] = nice > 0 ? ["nice", "-n", String(nice), ...start] : start;
  const child: ChildProcess = spawn(command!, args, {
    env,
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null) {
      try {
        process.kill(-child.pid!, "SIGTERM");
      } catch {
        // Already gone.
      }
      await exited;
    }
    await groupGone(child.pid!);
    // The embedded database's helper may still be closing files as the group ends.
    fs.rmSync(dataDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
  };
  if (ready) {
    const deadline = Date.now() + 90_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`the dedicated server exited at start:\n${output}`);
      const up = await fetch(`${url}/api/health`).then((r) => r.ok, () => false);
      if (up) break;
      if (Date.now() > deadline) {
        await stop();
        throw new Error(`the dedicated server did not answer within 90 s:\n${output}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  return { url, output: () => output, exited, stop };
}
