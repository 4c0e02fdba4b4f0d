import { serveCalendarFeed } from "@/lib/calendar";
import { FEED_CACHE_SECONDS } from "@/lib/calendar/schemas";
import { clientAddress, withRoute } from "@/lib/http";

// A calendar app's subscription: `GET /calendar/<token>.ics` (HEAD too, from GET), no session; the token is the credential.
export const GET = withRoute<{ file: string }>("calendar.feed", async (request, { params }) => {
  const { file } = await params;
  const feed = await serveCalendarFeed({
    file,
    address: clientAddress(request.headers),
    ifNoneMatch: request.headers.get("if-none-match"),
  });
  const headers = {
    "content-type": "text/calendar; charset=utf-8",
    // Only the subscriber may keep it, and not for long: a regenerated address must stop working for everyone.
    "cache-control": `private, max-age=${FEED_CACHE_SECONDS}`,
    "content-disposition": `inline; filename="${feed.filename}"`,
    etag: feed.etag,
    // A secret address: never in a search index, even if it is pasted somewhere public.
    "x-robots-tag": "noindex",
  };
  return new Response(feed.notModified ? null : feed.body, { status: feed.notModified ? 304 : 200, headers });
});
