import type { Metadata } from "next";
import Link from "next/link";
import { Forbidden } from "@/components/dashboard/forbidden";
import { countryName } from "@/components/participants/format-phone";
import { ImportWizard } from "@/components/participants/import/import-wizard";
import { ChevronRightIcon } from "@/components/ui/icons";
import { PageHeader } from "@/components/ui/page-header";
import { getEvent } from "@/lib/events/read-events";
import { bindOrgActions } from "@/lib/adapters";
import { notFoundOnMissing, requirePageContext } from "@/lib/auth/request-context";
import { CAPABILITIES, can } from "@/lib/tenant/roles";
import { importParticipantsAction, previewImportAction } from "./actions";

export const metadata: Metadata = { title: "Import participants" };

export default async function ImportPage({ params }: { params: Promise<{ orgSlug: string; eventId: string }> }) {
  const { orgSlug, eventId } = await params;
  const ctx = await requirePageContext(orgSlug);
  if (!can(ctx.role, "participants.write")) return <Forbidden role={ctx.role} needs={CAPABILITIES["participants.write"]} />;
  const event = await notFoundOnMissing(getEvent(ctx, eventId));
  const rosterHref = `/${orgSlug}/events/${event.id}/roster`;

  return (
    <div className="space-y-6">
      <PageHeader
        eyebrow={
          <Link href={rosterHref} className="inline-flex items-center gap-1 hover:underline">
            {event.title} · Roster <ChevronRightIcon size={14} />
          </Link>
        }
        title="Import participants"
        description={`Add people to the roster of ${event.title} from a spreadsheet. Re-importing an updated file adds only who is new.`}
      />
      <ImportWizard
        actions={bindOrgActions(orgSlug, { preview: previewImportAction, importChunk: importParticipantsAction })}
        eventId={event.id}
        rosterHref={rosterHref}
        country={countryName(ctx.org.defaultCountry)}
      />
    </div>
  );
}
