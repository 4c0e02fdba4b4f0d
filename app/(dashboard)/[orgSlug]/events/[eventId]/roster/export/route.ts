import { getEvent } from "@/lib/events/read-events";
import { withRoute } from "@/lib/http/route";
import { exportRosterCsv } from "@/lib/participants/csv/export-roster";
import { getOrgContext } from "@/lib/auth/request-context";
import { toSlug } from "@/lib/utils/slug";

export const dynamic = "force-dynamic";

export const GET = withRoute<{ orgSlug: string; eventId: string }>("export-roster", async (_request, { params }) => {
  const { orgSlug, eventId } = await params;
  const ctx = await getOrgContext(orgSlug);
  // The event first: an unknown or foreign id is a 404 before anything is read or audited.
  const event = await getEvent(ctx, eventId);
  const csv = await exportRosterCsv(ctx, event.id);
  return new Response(csv, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${toSlug(event.title) || "event"}-roster.csv"`,
      "cache-control": "private, no-store",
    },
  });
});
