import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { formatLocalDate } from "@/components/dashboard/format";
import { Forbidden } from "@/components/dashboard/forbidden";
import { EventForm } from "@/components/events/event-form";
import { eventValues } from "@/components/events/event-form-values";
import { PageHeader } from "@/components/ui/page-header";
import { getEvent } from "@/lib/events/read-events";
import { getOccurrence } from "@/lib/occurrences/occurrences";
import { listTimeZones } from "@/lib/organizations/time-zones";
import { notFoundOnMissing, requirePageContext } from "@/lib/auth/request-context";
import { CAPABILITIES, can } from "@/lib/tenant/roles";
import { saveEventAction } from "../../actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("events.edit");
  return { title: t("metaTitle") };
}

type Props = { params: Promise<{ orgSlug: string; eventId: string }>; searchParams: Promise<{ from?: string }> };

/** `?from=<occurrence id>` edits "this and following": the series is split at that occurrence. */
export default async function EditEventPage({ params, searchParams }: Props) {
  const { orgSlug, eventId } = await params;
  const { from } = await searchParams;
  const ctx = await requirePageContext(orgSlug);
  if (!can(ctx.role, "events.write")) return <Forbidden role={ctx.role} needs={CAPABILITIES["events.write"]} />;
  const event = await notFoundOnMissing(getEvent(ctx, eventId));
  const split = from ? await notFoundOnMissing(getOccurrence(ctx, from)) : null;
  const initial = eventValues(event);
  if (split) {
    initial.date = split.startsLocal.slice(0, 10);
    initial.time = split.startsLocal.slice(11, 16);
  }
  const t = await getTranslations("events.edit");
  const format = await getFormatter();
  return (
    <div className="space-y-6">
      <PageHeader
        title={split ? t("splitTitle", { title: event.title, date: formatLocalDate(format, split.startsLocal) }) : t("title", { title: event.title })}
        description={split ? t("splitDescription") : t("description")}
      />
      <EventForm
        save={saveEventAction.bind(null, orgSlug)}
        target={{ eventId: event.id, fromInstanceId: split?.id }}
        initial={initial}
        timeZones={listTimeZones()}
      />
    </div>
  );
}
