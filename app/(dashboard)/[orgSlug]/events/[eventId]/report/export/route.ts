import { withRoute } from "@/lib/http/route";
import { exportAttendanceCsv } from "@/lib/reports/export-report";
import { getOrgContext } from "@/lib/auth/request-context";
import { toSlug } from "@/lib/utils/slug";

export const dynamic = "force-dynamic";

export const GET = withRoute<{ orgSlug: string; eventId: string }>("export-attendance-report", async (request, { params }) => {
  const { orgSlug, eventId } = await params;
  const ctx = await getOrgContext(orgSlug);
  const search = new URL(request.url).searchParams;
  const { csv, range, title } = await exportAttendanceCsv(ctx, {
    eventId,
    from: search.get("from") || undefined,
    to: search.get("to") || undefined,
  });
  return new Response(csv, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${toSlug(title) || "event"}-attendance-${range.from}-to-${range.to}.csv"`,
      "cache-control": "private, no-store",
    },
  });
});
