import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter } from "next-intl/server";
import { Forbidden } from "@/components/dashboard/forbidden";
import { formatDateTime } from "@/components/dashboard/format";
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

export const metadata: Metadata = { title: "Edit participant" };

export default async function EditParticipantPage({
  params,
  searchParams,
}: {
  params: Promise<{ orgSlug: string; participantId: string }>;
  searchParams: Promise<{ from?: string }>;
}) {
  const { orgSlug, participantId } = await params;
  const ctx = await requirePageContext(orgSlug);
  const format = await getFormatter();
  if (!can(ctx.role, "participants.write")) return <Forbidden role={ctx.role} needs={CAPABILITIES["participants.write"]} />;
  const participant = await notFoundOnMissing(getParticipant(ctx, participantId));
  const list = `/${orgSlug}/participants`;
  const from = safeCallbackPath((await searchParams).from, list);
  const returnTo = from.startsWith(`/${orgSlug}/`) ? from : list;
  const country = ctx.org.defaultCountry;

  return (
    <div className="max-w-3xl space-y-6">
      <PageHeader
        eyebrow={
          <Link href={returnTo} className="inline-flex items-center gap-1 hover:underline">
            {returnTo === list ? "Participants" : "Roster"} <ChevronRightIcon size={14} />
          </Link>
        }
        title={`Edit ${participant.name}`}
        description="Changes apply to every event this person is on."
      />
      {participant.optedOutAt ? (
        <Alert tone="warning" title="Opted out of messages">
          {participant.name} replied STOP on {formatDateTime(format, participant.optedOutAt, ctx.org.timeZone)}. No WhatsApp
          messages are sent to them; only they can opt back in.
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
            metadata: participant.metadata,
          }}
          countryHint={`Numbers without +country code are read as ${countryName(country)}.`}
        />
      </SectionCard>
    </div>
  );
}
