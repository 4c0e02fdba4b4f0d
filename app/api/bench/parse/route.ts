import { readJsonObject } from "@/lib/http";
import { MAX_BATCH_BODY_BYTES } from "@/lib/tracking/schemas";

// The benchmark's yardstick (bench/ingest): a route handler that only reads and parses the JSON body the way the
// ingest route does, so the ingest route's requests/s can be compared with Next.js's own floor measured in the same
// run. Hidden unless BENCH_ENDPOINTS=1.
export const dynamic = "force-dynamic";

// Read at request time on purpose (not lib/env.ts): a bench-only switch that no deployment should ever set.
const enabled = () => process.env.BENCH_ENDPOINTS === "1";

export async function POST(request: Request): Promise<Response> {
  if (!enabled()) return new Response(null, { status: 404 });
  try {
    await readJsonObject(request, MAX_BATCH_BODY_BYTES);
  } catch {
    return Response.json({ ok: false }, { status: 400 });
  }
  return Response.json({ ok: true });
}

/** Without the switch the route does not exist for any method. */
export function GET(): Response {
  return new Response(null, { status: enabled() ? 405 : 404 });
}
