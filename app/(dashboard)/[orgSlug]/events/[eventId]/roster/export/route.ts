import { getLocale, getTranslations } from "next-intl/server";
import { withOrgRoute } from "@/lib/adapters";
import { getEvent } from "@/lib/events/read-events";
import { csvDownload } from "@/lib/http";
import { exportRosterCsv } from "@/lib/participants/csv/export-roster";
import { toSlug } from "@/lib/utils/slug";

export const dynamic = "force-dynamic";

// The file is in the organizer's language: the request's, decided like a page's (lib/adapters/request-locale.ts).
export const GET = withOrgRoute<{ orgSlug: string; eventId: string }>(
  "export-roster",
  async (_request, { ctx, params }) => {
    // The event first: an unknown or foreign id is a 404 before anything is read or audited.
    const event = await getEvent(ctx, params.eventId);
    const csv = await exportRosterCsv(ctx, event.id, await getLocale());
    const t = await getTranslations("roster.csv");
    // A plain ASCII name in every language, as browsers save it.
    return csvDownload(csv, `${toSlug(t("fileName", { event: toSlug(event.title) || "event" }), 200)}.csv`);
  },
  { capability: "events.read" },
);
