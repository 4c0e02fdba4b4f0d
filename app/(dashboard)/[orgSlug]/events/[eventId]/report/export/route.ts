import { withOrgRoute } from "@/lib/adapters";
import { csvDownload } from "@/lib/http";
import { exportAttendanceCsv } from "@/lib/reports/export-report";
import { toSlug } from "@/lib/utils/slug";

export const dynamic = "force-dynamic";

export const GET = withOrgRoute<{ orgSlug: string; eventId: string }>(
  "export-attendance-report",
  async (request, { ctx, params }) => {
    const search = new URL(request.url).searchParams;
    const { csv, range, title } = await exportAttendanceCsv(ctx, {
      eventId: params.eventId,
      from: search.get("from") || undefined,
      to: search.get("to") || undefined,
    });
    return csvDownload(csv, `${toSlug(title) || "event"}-attendance-${range.from}-to-${range.to}.csv`);
  },
  { capability: "events.read" },
);
