// A flusher in a process of its own, for tests that kill one mid-flush (SIGKILL: no finally, no lock release).
// Settings come from the parent (TEST_DATABASE_URL, UPSTASH_*). Argument: points per batch. Prints one JSON line.
import { connectTestDatabase } from "@/test/database";

connectTestDatabase();
const { flushLocationBuffer } = await import("@/lib/tracking");
const batchSize = Number(process.argv[2] ?? 10);
const result = await flushLocationBuffer({ batchSize, maxMs: 60_000, lockMs: 1_000 });
process.stdout.write(`${JSON.stringify(result)}\n`);
process.exit(0);
