// A flusher in a process of its own, for tests that kill one mid-flush (SIGKILL: no finally, no lock release).
// Settings come from the parent (TEST_DATABASE_URL, UPSTASH_*). Argument: points per batch. With `--on-go`, it
// prints "ready" once loaded and flushes when a line arrives on stdin. Prints its result as one JSON line.
import readline from "node:readline";
import { connectTestDatabase } from "@/test/database";

connectTestDatabase();
const { flushLocationBuffer } = await import("@/lib/tracking");
const batchSize = Number(process.argv[2] ?? 10);
if (process.argv.includes("--on-go")) {
  process.stdout.write("ready\n");
  await new Promise<void>((resolve) => readline.createInterface({ input: process.stdin }).once("line", () => resolve()));
}
const result = await flushLocationBuffer({ batchSize, maxMs: 60_000, lockMs: 1_000 });
process.stdout.write(`${JSON.stringify(result)}\n`);
process.exit(0);
