import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { Alert } from "@/components/ui/alert";
import { buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { ChartIcon, DownloadIcon } from "@/components/ui/icons";
import { PageHeader } from "@/components/ui/page-header";
import { SectionCard } from "@/components/ui/section-card";
import { StatGrid } from "@/components/ui/stat";
import type { AttendanceReport } from "@/lib/reports/attendance-report";
import { REPORT_DEFAULT_DAYS, REPORT_MAX_DAYS, type ReportDatesProblem } from "@/lib/reports/schemas";
import { OccurrenceOutcomeTable, ParticipantOutcomeTable } from "./outcome-tables";
import { rateText } from "./rate";
import { ReportDatesForm } from "./report-dates-form";

type Props = {
  orgSlug: string;
  report: AttendanceReport;
  /** Why the dates asked for could not be used (the default range is shown instead). */
  problem: ReportDatesProblem | null;
};

/** An event's attendance over a date range: totals, each occurrence, each participant, and the CSV. */
export function AttendanceReportView({ orgSlug, report, problem }: Props) {
  const t = useTranslations("reports.report");
  const format = useFormatter();
  const { event, range } = report;
  const base = `/${orgSlug}/events/${event.id}`;
  // The range is calendar dates, not instants: shown as they are, with no zone to convert from.
  const day = (date: string) => format.dateTime(new Date(`${date}T00:00:00Z`), { dateStyle: "medium", timeZone: "UTC" });
  return (
    <div className="space-y-6">
      <PageHeader
        eyebrow={
          <Link href={base} className="hover:underline">
            {event.title}
          </Link>
        }
        title={t("title")}
        description={t("description", {
          from: day(range.from),
          to: day(range.to),
          timeZone: event.timeZone.replaceAll("_", " "),
          grace: event.lateGraceMinutes,
        })}
        actions={
          report.rows.length > 0 ? (
            <a href={`${base}/report/export?${new URLSearchParams(range)}`} className={buttonClasses("secondary")} download>
              <DownloadIcon className="size-4" aria-hidden="true" />
              {t("download")}
            </a>
          ) : null
        }
      />
      <ReportDatesForm range={range} />
      {problem ? (
        <Alert tone="danger" title={t("datesProblemTitle")}>
          {t("datesProblem", { problem, max: REPORT_MAX_DAYS, days: REPORT_DEFAULT_DAYS })}
        </Alert>
      ) : null}
      {report.occurrences.length === 0 ? (
        <SectionCard contentClassName="pt-5">
          <EmptyState
            icon={<ChartIcon />}
            title={t("nothingTitle")}
            description={report.cancelled > 0 ? t("nothingCancelled", { count: report.cancelled }) : t("nothingYet")}
          />
        </SectionCard>
      ) : (
        <ReportBody orgSlug={orgSlug} report={report} />
      )}
    </div>
  );
}

function ReportBody({ orgSlug, report }: { orgSlug: string; report: AttendanceReport }) {
  const t = useTranslations("reports.report");
  const format = useFormatter();
  const { totals } = report;
  return (
    <>
      <StatGrid
        stats={[
          {
            label: t("occurrences"),
            value: report.occurrences.length,
            hint: report.cancelled > 0 ? t("cancelledNotCounted", { count: report.cancelled }) : t("heldInRange"),
          },
          {
            label: t("attended"),
            value: rateText(format, totals.attendanceRate),
            hint: t("attendedHint", { arrived: totals.arrived, invited: totals.invited }),
          },
          {
            label: t("onTime"),
            value: totals.on_time,
            hint: totals.arrived > 0 ? t("onTimeHint", { share: rateText(format, totals.on_time / totals.arrived) }) : t("nobodyArrived"),
          },
          {
            label: t("late"),
            value: totals.late,
            hint: totals.averageMinutesLate === null ? t("nobodyLate") : t("lateHint", { minutes: totals.averageMinutesLate }),
          },
          { label: t("noShows"), value: totals.no_show, hint: t("noShowsHint") },
        ]}
      />
      <SectionCard title={t("byOccurrence")} description={t("byOccurrenceHint", { declined: totals.declined, noAnswer: totals.no_answer })}>
        <OccurrenceOutcomeTable orgSlug={orgSlug} occurrences={report.occurrences} />
      </SectionCard>
      <SectionCard title={t("byParticipant")} description={t("byParticipantHint")}>
        <ParticipantOutcomeTable orgSlug={orgSlug} participants={report.participants} />
      </SectionCard>
    </>
  );
}
