import { withOrgRoute } from "@/lib/adapters";
import { loadLiveSubject } from "@/lib/live/snapshot";
import { liveSnapshotStream } from "@/lib/live/stream";

export const dynamic = "force-dynamic";

/** The live map's and arrival board's feed: Server-Sent Events: the occurrence's snapshot, then deltas (lib/live/wire.ts). */
export const GET = withOrgRoute<{ orgSlug: string; instanceId: string }>(
  "live.stream",
  async (request, { ctx, params, isStillAllowed }) => {
    const subject = await loadLiveSubject(ctx, params.instanceId);
    // The same checks again every few seconds while the stream is open: signed out, removed, demoted or gone ends it.
    const stillAllowed = () => isStillAllowed((fresh) => loadLiveSubject(fresh, params.instanceId));
    // Where to resume: EventSource's own reconnects send the header, the page's reopen the query. Only ever matched
    // against this occurrence's feed ids; anything else means "send the whole snapshot".
    const lastEventId = request.headers.get("last-event-id") ?? new URL(request.url).searchParams.get("lastEventId");
    const stream = liveSnapshotStream(ctx, subject, request.signal, { isStillAllowed: stillAllowed, lastEventId: lastEventId?.slice(0, 40) });
    return new Response(stream, {
      headers: {
        "content-type": "text/event-stream; charset=utf-8",
        "cache-control": "no-cache, no-transform",
        // Tells nginx-style proxies not to buffer the stream.
        "x-accel-buffering": "no",
      },
    });
  },
  { capability: "events.read" },
);
