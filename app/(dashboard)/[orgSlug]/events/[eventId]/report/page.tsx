import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AttendanceReportView } from "@/components/reports/attendance-report-view";
import { AppError } from "@/lib/errors";
import { isUuid } from "@/lib/utils/uuid";
import { getAttendanceReport, type AttendanceReport } from "@/lib/reports/attendance-report";
import { reportDatesProblem, type ReportDatesProblem } from "@/lib/reports/schemas";
import { notFoundOnMissing, requirePageContext } from "@/lib/auth/request-context";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("reports.report");
  return { title: t("title") };
}

type Props = {
  params: Promise<{ orgSlug: string; eventId: string }>;
  searchParams: Promise<{ from?: string | string[]; to?: string | string[] }>;
};
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined;

export default async function AttendanceReportPage({ params, searchParams }: Props) {
  const { orgSlug, eventId } = await params;
  const search = await searchParams;
  const ctx = await requirePageContext(orgSlug);
  if (!isUuid(eventId)) notFound();

  // Dates that cannot be used are explained, and the default range is shown instead.
  const dates = { from: first(search.from), to: first(search.to) };
  let problem: ReportDatesProblem | null = null;
  let report: AttendanceReport;
  try {
    report = await notFoundOnMissing(getAttendanceReport(ctx, { eventId, ...dates }));
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== "VALIDATION") throw error;
    problem = reportDatesProblem(dates) ?? "badFrom";
    report = await notFoundOnMissing(getAttendanceReport(ctx, { eventId }));
  }
  return <AttendanceReportView orgSlug={orgSlug} report={report} problem={problem} />;
}
