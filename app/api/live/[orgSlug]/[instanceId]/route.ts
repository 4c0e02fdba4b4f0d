import { withOrgRoute } from "@/lib/adapters";
import { loadLiveSubject } from "@/lib/live/snapshot";
import { liveSnapshotStream } from "@/lib/live/stream";

export const dynamic = "force-dynamic";

/** The live map's and arrival board's feed: Server-Sent Events of the occurrence's LiveSnapshot. */
export const GET = withOrgRoute<{ orgSlug: string; instanceId: string }>(
  "live.stream",
  async (request, { ctx, params, isStillAllowed }) => {
    const subject = await loadLiveSubject(ctx, params.instanceId);
    // The same checks again every few seconds while the stream is open: signed out, removed, demoted or gone ends it.
    const stillAllowed = () => isStillAllowed((fresh) => loadLiveSubject(fresh, params.instanceId));
    return new Response(liveSnapshotStream(ctx, subject, request.signal, { isStillAllowed: stillAllowed }), {
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
