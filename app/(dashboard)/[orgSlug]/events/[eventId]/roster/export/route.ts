import { getEvent } from "@/lib/events/events";
import { withRoute } from "@/lib/http/route";
import { exportRosterCsv } from "@/lib/participants/csv/export-roster";
import { getOrgContext } from "@/lib/tenant/request-context";

export const dynamic = "force-dynamic";

/** "Morning run (Gate B)" → "morning-run-gate-b"; accents folded so the file name stays plain ASCII. */
function fileSlug(title: string): string {
  const slug = title
    .replace(/ß/g, "ss")
    .replace(/æ/gi, "ae")
    .replace(/[øœ]/gi, "o")
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60);
  return slug || "event";
}

export const GET = withRoute<{ orgSlug: string; eventId: string }>("export-roster", async (_request, { params }) => {
  const { orgSlug, eventId } = await params;
  const ctx = await getOrgContext(orgSlug);
  // The event first: an unknown or foreign id is a 404 before anything is read or audited.
  const event = await getEvent(ctx, eventId);
  const csv = await exportRosterCsv(ctx, event.id);
  return new Response(csv, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${fileSlug(event.title)}-roster.csv"`,
      "cache-control": "private, no-store",
    },
  });
});
