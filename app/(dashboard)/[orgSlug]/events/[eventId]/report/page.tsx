import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { OccurrenceOutcomeTable, ParticipantOutcomeTable } from "@/components/reports/outcome-tables";
import { Alert } from "@/components/ui/alert";
import { Button, buttonClasses } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { ChartIcon, DownloadIcon } from "@/components/ui/icons";
import { Input } from "@/components/ui/input";
import { PageHeader } from "@/components/ui/page-header";
import { Stat } from "@/components/ui/stat";
import { AppError } from "@/lib/errors";
import { getAttendanceReport, type AttendanceReport } from "@/lib/reports/attendance-report";
import { formatRate } from "@/lib/reports/outcomes";
import { REPORT_DEFAULT_DAYS } from "@/lib/reports/schemas";
import { notFoundOnMissing, requirePageContext } from "@/lib/auth/request-context";
import { isUuid } from "@/lib/utils/uuid";

export const metadata: Metadata = { title: "Attendance report" };

type Search = { from?: string | string[]; to?: string | string[] };
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined;

const dayFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
/** "2026-11-24" → "24 Nov 2026" (a calendar date: no zone conversion). */
const formatDay = (date: string) => dayFormat.format(new Date(`${date}T00:00:00Z`));

export default async function AttendanceReportPage({
  params,
  searchParams,
}: {
  params: Promise<{ orgSlug: string; eventId: string }>;
  searchParams: Promise<Search>;
}) {
  const { orgSlug, eventId } = await params;
  const search = await searchParams;
  const ctx = await requirePageContext(orgSlug);
  if (!isUuid(eventId)) notFound();

  // Dates that cannot be used are explained, and the default range is shown instead.
  let problem: AppError | null = null;
  let report: AttendanceReport;
  try {
    report = await notFoundOnMissing(getAttendanceReport(ctx, { eventId, from: first(search.from), to: first(search.to) }));
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== "VALIDATION") throw error;
    problem = error;
    report = await notFoundOnMissing(getAttendanceReport(ctx, { eventId }));
  }
  const { event, range, totals } = report;
  const base = `/${orgSlug}/events/${event.id}`;
  const query = new URLSearchParams(range).toString();

  return (
    <div className="space-y-6">
      <PageHeader
        eyebrow={
          <Link href={base} className="hover:underline">
            {event.title}
          </Link>
        }
        title="Attendance report"
        description={`Occurrences that started from ${formatDay(range.from)} to ${formatDay(range.to)}, times in ${event.timeZone.replaceAll("_", " ")}. Late means checked in more than ${event.lateGraceMinutes} minutes after the start.`}
        actions={
          report.rows.length > 0 ? (
            <a href={`${base}/report/export?${query}`} className={buttonClasses("secondary")} download>
              <DownloadIcon className="size-4" aria-hidden="true" />
              Download CSV
            </a>
          ) : null
        }
      />

      <form className="flex flex-wrap items-end gap-3" aria-label="Report dates">
        <label className="text-sm font-medium text-slate-700">
          From
          <Input type="date" name="from" defaultValue={range.from} className="mt-1 w-44" required />
        </label>
        <label className="text-sm font-medium text-slate-700">
          To
          <Input type="date" name="to" defaultValue={range.to} className="mt-1 w-44" required />
        </label>
        <Button type="submit" variant="secondary">
          Show
        </Button>
      </form>

      {problem ? (
        <Alert tone="danger" title="Those dates cannot be used">
          {Object.values(problem.fields ?? {}).flat()[0] ?? problem.message} Showing the last {REPORT_DEFAULT_DAYS} days instead.
        </Alert>
      ) : null}

      {report.occurrences.length === 0 ? (
        <Card>
          <CardContent className="pt-5">
            <EmptyState
              icon={<ChartIcon />}
              title="Nothing to report for these dates"
              description={
                report.cancelled > 0
                  ? `${report.cancelled} occurrence${report.cancelled === 1 ? " was" : "s were"} cancelled, and none took place.`
                  : "No occurrence of this event started in this range. Occurrences appear here once they have started; pick other dates above."
              }
            />
          </CardContent>
        </Card>
      ) : (
        <>
          <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-5">
            <Stat
              label="Occurrences"
              value={report.occurrences.length}
              hint={report.cancelled > 0 ? `${report.cancelled} cancelled, not counted` : "held in this range"}
            />
            <Stat label="Attended" value={formatRate(totals.attendanceRate)} hint={`${totals.arrived} of ${totals.invited} invitations`} />
            <Stat
              label="On time"
              value={totals.on_time}
              hint={totals.arrived > 0 ? `${formatRate(totals.on_time / totals.arrived)} of arrivals` : "nobody arrived"}
            />
            <Stat
              label="Late"
              value={totals.late}
              hint={totals.averageMinutesLate === null ? "nobody was late" : `${totals.averageMinutesLate} min late on average`}
            />
            <Stat label="No-shows" value={totals.no_show} hint="confirmed, did not come" />
          </div>

          <Card>
            <CardHeader>
              <CardTitle>By occurrence</CardTitle>
              <CardDescription>
                Attended is arrivals (on time or late) out of everyone invited. {totals.declined} declined and{" "}
                {totals.no_answer} never answered over the whole range.
              </CardDescription>
            </CardHeader>
            <CardContent>
              <OccurrenceOutcomeTable orgSlug={orgSlug} occurrences={report.occurrences} />
            </CardContent>
          </Card>

          <Card>
            <CardHeader>
              <CardTitle>By participant</CardTitle>
              <CardDescription>Each person over the occurrences they were invited to in this range.</CardDescription>
            </CardHeader>
            <CardContent>
              <ParticipantOutcomeTable orgSlug={orgSlug} participants={report.participants} />
            </CardContent>
          </Card>
        </>
      )}
    </div>
  );
}
