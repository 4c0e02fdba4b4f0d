import Link from "next/link";
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
};

/** One event: its next occurrences, how the latest went, where it is and when its messages go out. */
export function EventView({ orgSlug, event, upcoming, recent, manage }: Props) {
  const archived = event.status === "archived";
  const base = `/${orgSlug}/events/${event.id}`;
  return (
    <div className="space-y-6">
      <PageHeader
        eyebrow={<Link href={`/${orgSlug}/events`} className="hover:underline">Events</Link>}
        title={event.title}
        description={event.summary}
        actions={
          <div className="flex flex-wrap gap-2">
            <Link href={`${base}/roster`} className={buttonClasses("secondary")}>
              Roster ({event.rosterSize})
            </Link>
            <Link href={`${base}/report`} className={buttonClasses("secondary")}>
              Attendance report
            </Link>
            {manage && !archived ? (
              <Link href={`${base}/edit`} className={buttonClasses("primary")}>
                Edit event
              </Link>
            ) : null}
          </div>
        }
      />
      {archived ? <Badge tone="neutral">Archived</Badge> : null}

      <div className="grid gap-6 lg:grid-cols-[1fr_22rem]">
        <div className="min-w-0 space-y-6">
          <SectionCard
            title="Next occurrences"
            description={`Planned ${event.kind === "periodic" ? "60 days ahead" : "once"}; times in ${event.timeZone.replaceAll("_", " ")}.`}
          >
            {upcoming.length === 0 ? (
              <EmptyState
                icon={<ClockIcon />}
                title="No upcoming occurrences"
                description={archived ? "Archived events plan no new occurrences." : "The rule produces no date from today on. Edit the event to change it."}
              />
            ) : (
              <OccurrenceTable orgSlug={orgSlug} occurrences={upcoming} />
            )}
          </SectionCard>
          <SectionCard
            title="Recent occurrences"
            description={`How the latest ones went; the last ${REPORT_DEFAULT_DAYS} days are in the report.`}
            aside={
              <Link href={`${base}/report`} className="text-sm font-medium text-brand-700 hover:underline">
                Full attendance report
              </Link>
            }
          >
            {recent.length === 0 ? (
              <EmptyState
                icon={<ClockIcon />}
                title="Nothing held yet"
                description={`No occurrence of this event has started in the last ${REPORT_DEFAULT_DAYS} days.`}
              />
            ) : (
              <RecentOutcomeTable orgSlug={orgSlug} occurrences={recent} />
            )}
          </SectionCard>
        </div>

        <div className="space-y-6">
          <VenueCard event={event} />
          <MessageScheduleCard event={event} />
          {manage ? (
            <SectionCard title="Archive or delete">
              <EventDangerZone eventId={event.id} title={event.title} archived={archived} actions={manage} />
            </SectionCard>
          ) : null}
        </div>
      </div>
    </div>
  );
}
