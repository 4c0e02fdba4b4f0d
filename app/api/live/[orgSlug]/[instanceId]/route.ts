import { getCurrentUser } from "@/lib/auth/current-user";
import { isSessionActive } from "@/lib/auth/sessions";
import { AppError } from "@/lib/errors";
import { withRoute } from "@/lib/http/route";
import { loadLiveSubject } from "@/lib/live/snapshot";
import { liveSnapshotStream } from "@/lib/live/stream";
import { resolveOrgContext } from "@/lib/tenant/context";

export const dynamic = "force-dynamic";

/** The live map's and arrival board's feed: Server-Sent Events of the occurrence's LiveSnapshot. */
export const GET = withRoute<{ orgSlug: string; instanceId: string }>("live.stream", async (request, { params, requestId }) => {
  const { orgSlug, instanceId } = await params;
  const user = await getCurrentUser();
  if (!user) throw new AppError("UNAUTHORIZED", "Sign in to continue.");
  const ctx = await resolveOrgContext(user, orgSlug, requestId);
  const subject = await loadLiveSubject(ctx, instanceId);
  // The same checks as above, again every few seconds while the stream is open.
  const isStillAllowed = async () => {
    if (!(await isSessionActive(user.sessionId, user.id))) return false;
    try {
      await loadLiveSubject(await resolveOrgContext(user, orgSlug, requestId), instanceId);
      return true;
    } catch (error) {
      if (error instanceof AppError) return false; // removed, demoted, or the occurrence is gone
      throw error;
    }
  };
  return new Response(liveSnapshotStream(ctx, subject, request.signal, { isStillAllowed }), {
    headers: {
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-cache, no-transform",
      // Tells nginx-style proxies not to buffer the stream.
      "x-accel-buffering": "no",
    },
  });
});
