import { getLocale, getTranslations } from "next-intl/server";
import { withOrgRoute } from "@/lib/adapters";
import { csvDownload } from "@/lib/http";
import { exportAttendanceCsv } from "@/lib/reports/export-report";
import { toSlug } from "@/lib/utils/slug";

export const dynamic = "force-dynamic";

// The file is in the organizer's language: the request's, decided like a page's (lib/adapters/request-locale.ts).
export const GET = withOrgRoute<{ orgSlug: string; eventId: string }>(
  "export-attendance-report",
  async (request, { ctx, params }) => {
    const search = new URL(request.url).searchParams;
    const input = { eventId: params.eventId, from: search.get("from") || undefined, to: search.get("to") || undefined };
    const { csv, range, title } = await exportAttendanceCsv(ctx, input, new Date(), await getLocale());
    const t = await getTranslations("reports.csv");
    // A plain ASCII name in every language ("…-presenca-…"), as browsers save it.
    const name = toSlug(t("fileName", { event: toSlug(title) || "event", from: range.from, to: range.to }), 200);
    return csvDownload(csv, `${name}.csv`);
  },
  { capability: "events.read" },
);
