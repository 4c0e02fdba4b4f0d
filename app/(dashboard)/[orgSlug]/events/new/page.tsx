import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Forbidden } from "@/components/dashboard/forbidden";
import { EventForm } from "@/components/events/event-form";
import { newEventValues } from "@/components/events/event-form-values";
import { PageHeader } from "@/components/ui/page-header";
import { listTimeZones } from "@/lib/organizations/time-zones";
import { requirePageContext } from "@/lib/auth/request-context";
import { CAPABILITIES, can } from "@/lib/tenant/roles";
import { saveEventAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("events.new");
  return { title: t("title") };
}

export default async function NewEventPage({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params;
  const ctx = await requirePageContext(orgSlug);
  if (!can(ctx.role, "events.write")) return <Forbidden role={ctx.role} needs={CAPABILITIES["events.write"]} />;
  const t = await getTranslations("events.new");
  return (
    <div className="space-y-6">
      <PageHeader title={t("title")} description={t("description")} />
      <EventForm
        save={saveEventAction.bind(null, orgSlug)}
        target={{ eventId: null }}
        initial={newEventValues(ctx.org.timeZone)}
        timeZones={listTimeZones()}
      />
    </div>
  );
}
