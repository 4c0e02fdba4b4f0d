import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { ChartIcon, DownloadIcon } from "@/components/ui/icons";
import { PageHeader } from "@/components/ui/page-header";
import { SectionCard } from "@/components/ui/section-card";
import { StatGrid } from "@/components/ui/stat";
import type { AttendanceReport } from "@/lib/reports/attendance-report";
import { formatRate } from "@/lib/reports/outcomes";
import { REPORT_DEFAULT_DAYS } from "@/lib/reports/schemas";
import { OccurrenceOutcomeTable, ParticipantOutcomeTable } from "./outcome-tables";
import { ReportDatesForm } from "./report-dates-form";

const dayFormat = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
/** "2026-11-24" → "24 Nov 2026" (a calendar date: no zone conversion). */
const formatDay = (date: string) => dayFormat.format(new Date(`${date}T00:00:00Z`));

type Props = {
  orgSlug: string;
  report: AttendanceReport;
  /** Why the dates asked for could not be used (the default range is shown instead). */
  problem: string | null;
};

/** An event's attendance over a date range: totals, each occurrence, each participant, and the CSV. */
export function AttendanceReportView({ orgSlug, report, problem }: Props) {
  const { event, range } = report;
  const base = `/${orgSlug}/events/${event.id}`;
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
            <a href={`${base}/report/export?${new URLSearchParams(range)}`} className={buttonClasses("secondary")} download>
              <DownloadIcon className="size-4" aria-hidden="true" />
              Download CSV
            </a>
          ) : null
        }
      />
      <ReportDatesForm range={range} />
      {problem ? (
        <Alert tone="danger" title="Those dates cannot be used">
          {problem} Showing the last {REPORT_DEFAULT_DAYS} days instead.
        </Alert>
      ) : null}
      {report.occurrences.length === 0 ? (
        <SectionCard contentClassName="pt-5">
          <EmptyState
            icon={<ChartIcon />}
            title="Nothing to report for these dates"
            description={
              report.cancelled > 0
                ? `${report.cancelled} occurrence${report.cancelled === 1 ? " was" : "s were"} cancelled, and none took place.`
                : "No occurrence of this event started in this range. Occurrences appear here once they have started; pick other dates above."
            }
          />
        </SectionCard>
      ) : (
        <ReportBody orgSlug={orgSlug} report={report} />
      )}
    </div>
  );
}

function ReportBody({ orgSlug, report }: { orgSlug: string; report: AttendanceReport }) {
  const { totals } = report;
  return (
    <>
      <StatGrid
        stats={[
          {
            label: "Occurrences",
            value: report.occurrences.length,
            hint: report.cancelled > 0 ? `${report.cancelled} cancelled, not counted` : "held in this range",
          },
          { label: "Attended", value: formatRate(totals.attendanceRate), hint: `${totals.arrived} of ${totals.invited} invitations` },
          {
            label: "On time",
            value: totals.on_time,
            hint: totals.arrived > 0 ? `${formatRate(totals.on_time / totals.arrived)} of arrivals` : "nobody arrived",
          },
          {
            label: "Late",
            value: totals.late,
            hint: totals.averageMinutesLate === null ? "nobody was late" : `${totals.averageMinutesLate} min late on average`,
          },
          { label: "No-shows", value: totals.no_show, hint: "confirmed, did not come" },
        ]}
      />
      <SectionCard
        title="By occurrence"
        description={`Attended is arrivals (on time or late) out of everyone invited. ${totals.declined} declined and ${totals.no_answer} never answered over the whole range.`}
      >
        <OccurrenceOutcomeTable orgSlug={orgSlug} occurrences={report.occurrences} />
      </SectionCard>
      <SectionCard title="By participant" description="Each person over the occurrences they were invited to in this range.">
        <ParticipantOutcomeTable orgSlug={orgSlug} participants={report.participants} />
      </SectionCard>
    </>
  );
}
