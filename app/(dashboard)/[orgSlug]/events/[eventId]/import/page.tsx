import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
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

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("import.page");
  return { title: t("title") };
}

export default async function ImportPage({ params }: { params: Promise<{ orgSlug: string; eventId: string }> }) {
  const { orgSlug, eventId } = await params;
  const ctx = await requirePageContext(orgSlug);
  if (!can(ctx.role, "participants.write")) return <Forbidden role={ctx.role} needs={CAPABILITIES["participants.write"]} />;
  const event = await notFoundOnMissing(getEvent(ctx, eventId));
  const rosterHref = `/${orgSlug}/events/${event.id}/roster`;
  const t = await getTranslations("import.page");

  return (
    <div className="space-y-6">
      <PageHeader
        eyebrow={
          <Link href={rosterHref} className="inline-flex items-center gap-1 hover:underline">
            {t("eyebrow", { event: event.title })} <ChevronRightIcon size={14} />
          </Link>
        }
        title={t("title")}
        description={t("description", { event: event.title })}
      />
      <ImportWizard
        actions={bindOrgActions(orgSlug, { preview: previewImportAction, importChunk: importParticipantsAction })}
        eventId={event.id}
        rosterHref={rosterHref}
        country={countryName(ctx.org.defaultCountry, await getLocale())}
      />
    </div>
  );
}
