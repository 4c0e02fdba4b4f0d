import { withOrgRoute } from "@/lib/adapters";
import { getReplay } from "@/lib/replay";

export const dynamic = "force-dynamic";

/** The replay page's trails again, thinned for the zoom level the map is at now (`?zoom=14`). */
export const GET = withOrgRoute<{ orgSlug: string; instanceId: string }>(
  "replay.get",
  async (request, { ctx, params }) => {
    const zoom = new URL(request.url).searchParams.get("zoom") ?? undefined;
    const replay = await getReplay(ctx, params.instanceId, { zoom });
    return Response.json(replay, { headers: { "cache-control": "private, no-store" } });
  },
  { capability: "live.replay" },
);
