import { withOrgRoute } from "@/lib/adapters";
import { getEvent } from "@/lib/events/read-events";
import { csvDownload } from "@/lib/http";
import { exportRosterCsv } from "@/lib/participants/csv/export-roster";
import { toSlug } from "@/lib/utils/slug";

export const dynamic = "force-dynamic";

export const GET = withOrgRoute<{ orgSlug: string; eventId: string }>(
  "export-roster",
  async (_request, { ctx, params }) => {
    // The event first: an unknown or foreign id is a 404 before anything is read or audited.
    const event = await getEvent(ctx, params.eventId);
    return csvDownload(await exportRosterCsv(ctx, event.id), `${toSlug(event.title) || "event"}-roster.csv`);
  },
  { capability: "events.read" },
);
