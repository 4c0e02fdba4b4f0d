import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { Forbidden } from "@/components/dashboard/forbidden";
import { countryName } from "@/components/participants/format-phone";
import { ParticipantForm } from "@/components/participants/participant-form";
import { Alert } from "@/components/ui/alert";
import { ChevronRightIcon } from "@/components/ui/icons";
import { PageHeader } from "@/components/ui/page-header";
import { SectionCard } from "@/components/ui/section-card";
import { safeCallbackPath } from "@/lib/http";
import { getParticipant } from "@/lib/participants/participants";
import { notFoundOnMissing, requirePageContext } from "@/lib/auth/request-context";
import { CAPABILITIES, can } from "@/lib/tenant/roles";
import { updateParticipantAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("participants.edit");
  return { title: t("metaTitle") };
}

export default async function EditParticipantPage({
  params,
  searchParams,
}: {
  params: Promise<{ orgSlug: string; participantId: string }>;
  searchParams: Promise<{ from?: string }>;
}) {
  const { orgSlug, participantId } = await params;
  const ctx = await requirePageContext(orgSlug);
  if (!can(ctx.role, "participants.write")) return <Forbidden role={ctx.role} needs={CAPABILITIES["participants.write"]} />;
  const participant = await notFoundOnMissing(getParticipant(ctx, participantId));
  const list = `/${orgSlug}/participants`;
  const from = safeCallbackPath((await searchParams).from, list);
  const returnTo = from.startsWith(`/${orgSlug}/`) ? from : list;
  const t = await getTranslations("participants.edit");
  const format = await getFormatter();
  const country = countryName(ctx.org.defaultCountry, await getLocale());

  return (
    <div className="max-w-3xl space-y-6">
      <PageHeader
        eyebrow={
          <Link href={returnTo} className="inline-flex items-center gap-1 hover:underline">
            {returnTo === list ? t("backToList") : t("backToRoster")} <ChevronRightIcon size={14} />
          </Link>
        }
        title={t("title", { name: participant.name })}
        description={t("description")}
      />
      {participant.optedOutAt ? (
        <Alert tone="warning" title={t("optedOutTitle")}>
          {t("optedOut", {
            name: participant.name,
            when: format.dateTime(participant.optedOutAt, { dateStyle: "medium", timeStyle: "short", timeZone: ctx.org.timeZone }),
          })}
        </Alert>
      ) : null}
      <SectionCard contentClassName="pt-5 sm:pt-6">
        <ParticipantForm
          save={updateParticipantAction.bind(null, orgSlug)}
          returnTo={returnTo}
          participant={{
            id: participant.id,
            name: participant.name,
            phone: participant.phone,
            email: participant.email,
            guardianOf: participant.guardianOf,
            language: participant.language,
            metadata: participant.metadata,
          }}
          countryHint={t("countryHint", { country })}
          orgLanguage={ctx.org.language}
        />
      </SectionCard>
    </div>
  );
}
