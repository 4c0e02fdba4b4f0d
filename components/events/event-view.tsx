import Link from "next/link";
import type { ComponentProps } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { zoneName } from "@/components/dashboard/format";
import { CalendarFeedCard } from "@/components/calendar/calendar-feed-card";
import { OccurrenceTable } from "@/components/occurrences/occurrence-table";
import { RecentOutcomeTable } from "@/components/reports/outcome-tables";
import { Badge } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { ClockIcon } from "@/components/ui/icons";
import { PageHeader } from "@/components/ui/page-header";
import { SectionCard } from "@/components/ui/section-card";
import type { getEvent } from "@/lib/events/read-events";
import type { FormAction } from "@/lib/http/action-result";
import { describeTiming } from "@/lib/recurrence/rrule-text";
import { REPORT_DEFAULT_DAYS } from "@/lib/reports/schemas";
import { EventDangerZone } from "./event-danger-zone";
import { MessageScheduleCard, VenueCard } from "./event-facts";

type Props = {
  orgSlug: string;
  event: Awaited<ReturnType<typeof getEvent>>;
  upcoming: Parameters<typeof OccurrenceTable>[0]["occurrences"];
  /** The latest held occurrences, newest first. */
  recent: Parameters<typeof RecentOutcomeTable>[0]["occurrences"];
  /** A manager's archive and delete; null for everyone else. */
  manage: { archive: FormAction; remove: FormAction } | null;
  /** The event's calendar feed address, and a manager's "new address". */
  calendar: Omit<ComponentProps<typeof CalendarFeedCard>, "scope">;
};

/** One event: its next occurrences, how the latest went, where it is and when its messages go out. */
export function EventView({ orgSlug, event, upcoming, recent, manage, calendar }: Props) {
  const t = useTranslations("events.view");
  const recurrence = useTranslations("recurrence");
  const format = useFormatter();
  const archived = event.status === "archived";
  const base = `/${orgSlug}/events/${event.id}`;
  return (
    <div className="space-y-6">
      <PageHeader
        eyebrow={<Link href={`/${orgSlug}/events`} className="hover:underline">{t("eyebrow")}</Link>}
        title={event.title}
        description={describeTiming(recurrence, format, event)}
        actions={
          <div className="flex flex-wrap gap-2">
            <Link href={`${base}/roster`} className={buttonClasses("secondary")}>
              {t("roster", { size: event.rosterSize })}
            </Link>
            <Link href={`${base}/report`} className={buttonClasses("secondary")}>
              {t("report")}
            </Link>
            {manage && !archived ? (
              <Link href={`${base}/edit`} className={buttonClasses("primary")}>
                {t("edit")}
              </Link>
            ) : null}
          </div>
        }
      />
      {archived ? <Badge tone="neutral">{t("archived")}</Badge> : null}

      {/* Side by side only on wide screens: the tables keep their width (and every language its headers) below that. */}
      <div className="grid gap-6 2xl:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="min-w-0 space-y-6">
          <SectionCard
            title={t("next.title")}
            description={t("next.description", { kind: event.kind, zone: zoneName(event.timeZone) })}
          >
            {upcoming.length === 0 ? (
              <EmptyState
                icon={<ClockIcon />}
                title={t("next.emptyTitle")}
                description={archived ? t("next.emptyArchived") : t("next.emptyDescription")}
              />
            ) : (
              <OccurrenceTable orgSlug={orgSlug} occurrences={upcoming} />
            )}
          </SectionCard>
          <SectionCard
            title={t("recent.title")}
            description={t("recent.description", { days: REPORT_DEFAULT_DAYS })}
            aside={
              <Link href={`${base}/report`} className="text-sm font-medium text-brand-700 hover:underline">
                {t("recent.fullReport")}
              </Link>
            }
          >
            {recent.length === 0 ? (
              <EmptyState icon={<ClockIcon />} title={t("recent.emptyTitle")} description={t("recent.emptyDescription", { days: REPORT_DEFAULT_DAYS })} />
            ) : (
              <RecentOutcomeTable orgSlug={orgSlug} occurrences={recent} />
            )}
          </SectionCard>
        </div>

        <div className="grid content-start gap-6 md:grid-cols-2 2xl:grid-cols-1">
          <VenueCard event={event} />
          <MessageScheduleCard event={event} />
          <CalendarFeedCard scope="event" {...calendar} />
          {manage ? (
            <SectionCard title={t("manage")}>
              <EventDangerZone eventId={event.id} title={event.title} archived={archived} actions={manage} />
            </SectionCard>
          ) : null}
        </div>
      </div>
    </div>
  );
}
