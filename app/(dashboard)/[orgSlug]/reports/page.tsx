import type { Metadata } from "next";
import { EventSummaryTable } from "@/components/reports/event-summary-table";
import { EmptyState } from "@/components/ui/empty-state";
import { ChartIcon } from "@/components/ui/icons";
import { PageHeader } from "@/components/ui/page-header";
import { SectionCard } from "@/components/ui/section-card";
import { REPORT_DEFAULT_DAYS } from "@/lib/reports/schemas";
import { listAttendanceSummaries } from "@/lib/reports/summaries";
import { requirePageContext } from "@/lib/auth/request-context";

export const metadata: Metadata = { title: "Reports" };

export default async function ReportsPage({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params;
  const ctx = await requirePageContext(orgSlug);
  const summaries = await listAttendanceSummaries(ctx);

  return (
    <div className="space-y-6">
      <PageHeader
        title="Reports"
        description={`Attendance over the last ${REPORT_DEFAULT_DAYS} days, per event. Open an event's report for other dates, each occurrence and each participant, and a CSV download.`}
      />
      <SectionCard contentClassName="pt-5">
        {summaries.length === 0 ? (
          <EmptyState
            icon={<ChartIcon />}
            title={`Nothing took place in the last ${REPORT_DEFAULT_DAYS} days`}
            description="Once an occurrence of an event has started, who came on time, late or not at all shows here. Earlier dates are in each event's report."
          />
        ) : (
          <EventSummaryTable orgSlug={orgSlug} summaries={summaries} />
        )}
      </SectionCard>
    </div>
  );
}
