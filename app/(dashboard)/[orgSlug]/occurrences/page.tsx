import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { occurrenceStatus } from "@/components/occurrences/labels";
import { OccurrenceTable } from "@/components/occurrences/occurrence-table";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { ClockIcon } from "@/components/ui/icons";
import { PageHeader } from "@/components/ui/page-header";
import { SectionCard } from "@/components/ui/section-card";
import { Select } from "@/components/ui/select";
import { listEvents } from "@/lib/events/read-events";
import { listUpcomingOccurrences } from "@/lib/occurrences/occurrences";
import { OCCURRENCE_STATUSES } from "@/lib/occurrences/schemas";
import { instantToLocal } from "@/lib/recurrence/expand";
import { requirePageContext } from "@/lib/auth/request-context";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("occurrences.upcoming");
  return { title: t("title") };
}

type Search = { event?: string; status?: string };

export default async function UpcomingPage({ params, searchParams }: { params: Promise<{ orgSlug: string }>; searchParams: Promise<Search> }) {
  const { orgSlug } = await params;
  const search = await searchParams;
  const ctx = await requirePageContext(orgSlug);
  const t = await getTranslations("occurrences");
  const events = await listEvents(ctx, { status: "active" });
  const eventId = events.some((e) => e.id === search.event) ? search.event : undefined;
  const status = OCCURRENCE_STATUSES.find((s) => s === search.status);
  const occurrences = await listUpcomingOccurrences(ctx, { eventId, status, limit: 100 });
  const today = instantToLocal(new Date(), ctx.org.timeZone).slice(0, 10);

  return (
    <div className="space-y-6">
      <PageHeader title={t("upcoming.title")} description={t("upcoming.description")} />
      <form className="flex flex-wrap items-end gap-3" aria-label={t("upcoming.filters")}>
        <label className="text-sm font-medium text-slate-700">
          {t("upcoming.event")}
          <Select name="event" defaultValue={eventId ?? ""} wrapperClassName="mt-1 w-64">
            <option value="">{t("upcoming.allEvents")}</option>
            {events.map((e) => (
              <option key={e.id} value={e.id}>
                {e.title}
              </option>
            ))}
          </Select>
        </label>
        <label className="text-sm font-medium text-slate-700">
          {t("upcoming.status")}
          <Select name="status" defaultValue={status ?? ""} wrapperClassName="mt-1 w-48">
            <option value="">{t("upcoming.anyStatus")}</option>
            {OCCURRENCE_STATUSES.map((s) => (
              <option key={s} value={s}>
                {occurrenceStatus(t, s).label}
              </option>
            ))}
          </Select>
        </label>
        <Button type="submit" variant="secondary">
          {t("upcoming.filter")}
        </Button>
      </form>
      <SectionCard contentClassName="pt-5">
        {occurrences.length === 0 ? (
          <EmptyState
            icon={<ClockIcon />}
            title={t("upcoming.emptyTitle")}
            description={events.length === 0 ? t("upcoming.emptyNoEvents") : t("upcoming.emptyFiltered")}
          />
        ) : (
          <OccurrenceTable orgSlug={orgSlug} occurrences={occurrences} showEvent today={today} />
        )}
      </SectionCard>
    </div>
  );
}
