import type { Metadata } from "next";
import Link from "next/link";
import { EventDangerZone } from "@/components/events/event-danger-zone";
import { ACTION_LABELS } from "@/components/occurrences/labels";
import { OccurrenceTable } from "@/components/occurrences/occurrence-table";
import { RecentOutcomeTable } from "@/components/reports/outcome-tables";
import { Badge } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { ClockIcon } from "@/components/ui/icons";
import { PageHeader } from "@/components/ui/page-header";
import { getEvent } from "@/lib/events/read-events";
import { listUpcomingOccurrences } from "@/lib/occurrences/occurrences";
import { getAttendanceReport } from "@/lib/reports/attendance-report";
import { REPORT_DEFAULT_DAYS } from "@/lib/reports/schemas";
import { LINK_NOT_OPENED_AFTER_MINUTES } from "@/lib/whatsapp/outbound/location-follow-ups";
import { notFoundOnMissing, requirePageContext } from "@/lib/auth/request-context";
import { can } from "@/lib/tenant/roles";

export const metadata: Metadata = { title: "Event" };

/** Held occurrences shown on the page; the report has the rest. */
const RECENT_SHOWN = 5;

function describeOffset(minutes: number | null, relation: string): string {
  if (minutes === null) return "Off";
  if (minutes % 1440 === 0 && minutes > 0) return `${minutes / 1440} day${minutes === 1440 ? "" : "s"} ${relation}`;
  if (minutes % 60 === 0 && minutes > 0) return `${minutes / 60} hour${minutes === 60 ? "" : "s"} ${relation}`;
  return `${minutes} minutes ${relation}`;
}

export default async function EventPage({ params }: { params: Promise<{ orgSlug: string; eventId: string }> }) {
  const { orgSlug, eventId } = await params;
  const ctx = await requirePageContext(orgSlug);
  const event = await notFoundOnMissing(getEvent(ctx, eventId));
  const [occurrences, report] = await Promise.all([
    listUpcomingOccurrences(ctx, { eventId: event.id, limit: 20 }),
    getAttendanceReport(ctx, { eventId: event.id }),
  ]);
  const recent = report.occurrences.slice(-RECENT_SHOWN).reverse();
  const canWrite = can(ctx.role, "events.write");
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
            {canWrite && !archived ? (
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
          <Card>
            <CardHeader>
              <CardTitle>Next occurrences</CardTitle>
              <CardDescription>Planned {event.kind === "periodic" ? "60 days ahead" : "once"}; times in {event.timeZone.replaceAll("_", " ")}.</CardDescription>
            </CardHeader>
            <CardContent>
              {occurrences.length === 0 ? (
                <EmptyState icon={<ClockIcon />} title="No upcoming occurrences" description={archived ? "Archived events plan no new occurrences." : "The rule produces no date from today on. Edit the event to change it."} />
              ) : (
                <OccurrenceTable orgSlug={orgSlug} occurrences={occurrences} />
              )}
            </CardContent>
          </Card>
          <Card>
            <CardHeader className="flex-row flex-wrap items-start justify-between gap-2">
              <div>
                <CardTitle>Recent occurrences</CardTitle>
                <CardDescription>How the latest ones went; the last {REPORT_DEFAULT_DAYS} days are in the report.</CardDescription>
              </div>
              <Link href={`${base}/report`} className="text-sm font-medium text-brand-700 hover:underline">
                Full attendance report
              </Link>
            </CardHeader>
            <CardContent>
              {recent.length === 0 ? (
                <EmptyState icon={<ClockIcon />} title="Nothing held yet" description={`No occurrence of this event has started in the last ${REPORT_DEFAULT_DAYS} days.`} />
              ) : (
                <RecentOutcomeTable orgSlug={orgSlug} occurrences={recent} />
              )}
            </CardContent>
          </Card>
        </div>

        <div className="space-y-6">
          <Card>
            <CardHeader>
              <CardTitle>Venue</CardTitle>
            </CardHeader>
            <CardContent>
              <dl className="space-y-2 text-sm">
                <div><dt className="font-medium text-slate-900">{event.venueName}</dt><dd className="text-slate-600">{event.venueAddress || "No address given"}</dd></div>
                <div><dt className="text-slate-500">Position</dt><dd className="tabular-nums">{event.venueLat.toFixed(5)}, {event.venueLng.toFixed(5)}</dd></div>
                <div><dt className="text-slate-500">Arrival radius</dt><dd>{event.arrivalRadiusM} m</dd></div>
                <div><dt className="text-slate-500">Travel</dt><dd>{event.travelMode === "walking" ? "On foot" : "By car or bus"}; late {event.lateGraceMinutes} min after the start</dd></div>
                <div><dt className="text-slate-500">Duration</dt><dd>{event.durationMinutes} minutes</dd></div>
              </dl>
            </CardContent>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle>Message schedule</CardTitle>
            </CardHeader>
            <CardContent>
              <dl className="space-y-2 text-sm">
                <div><dt className="text-slate-500">{ACTION_LABELS.confirmation}</dt><dd>{describeOffset(event.schedule.confirmationOffsetMinutes, "before the start")}</dd></div>
                <div><dt className="text-slate-500">{ACTION_LABELS.reminder}</dt><dd>{describeOffset(event.schedule.reminderOffsetMinutes, "before the start")}</dd></div>
                <div><dt className="text-slate-500">{ACTION_LABELS.tracking_link}</dt><dd>{describeOffset(event.schedule.trackingOffsetMinutes, "before the start")}</dd></div>
                {event.schedule.trackingOffsetMinutes !== null ? (
                  <div>
                    <dt className="text-slate-500">Location request</dt>
                    <dd>
                      {LINK_NOT_OPENED_AFTER_MINUTES} minutes after the tracking link to whoever has not opened it, and when
                      someone&apos;s sharing stops on the way (people who wrote in the last 24 hours)
                    </dd>
                  </div>
                ) : null}
                <div><dt className="text-slate-500">{ACTION_LABELS.closure}</dt><dd>{describeOffset(event.schedule.closureOffsetMinutes, "after the end")}</dd></div>
              </dl>
            </CardContent>
          </Card>
          {canWrite ? (
            <Card>
              <CardHeader>
                <CardTitle>Archive or delete</CardTitle>
              </CardHeader>
              <CardContent>
                <EventDangerZone orgSlug={orgSlug} eventId={event.id} title={event.title} archived={archived} />
              </CardContent>
            </Card>
          ) : null}
        </div>
      </div>
    </div>
  );
}
