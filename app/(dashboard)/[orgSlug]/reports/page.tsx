import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { EventSummaryTable } from "@/components/reports/event-summary-table";
import { EmptyState } from "@/components/ui/empty-state";
import { ChartIcon } from "@/components/ui/icons";
import { PageHeader } from "@/components/ui/page-header";
import { SectionCard } from "@/components/ui/section-card";
import { REPORT_DEFAULT_DAYS } from "@/lib/reports/schemas";
import { listAttendanceSummaries } from "@/lib/reports/summaries";
import { requirePageContext } from "@/lib/auth/request-context";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("reports.page");
  return { title: t("title") };
}

export default async function ReportsPage({ params }: { params: Promise<{ orgSlug: string }> }) {
  const { orgSlug } = await params;
  const ctx = await requirePageContext(orgSlug);
  const summaries = await listAttendanceSummaries(ctx);
  const t = await getTranslations("reports.page");

  return (
    <div className="space-y-6">
      <PageHeader title={t("title")} description={t("description", { days: REPORT_DEFAULT_DAYS })} />
      <SectionCard contentClassName="pt-5">
        {summaries.length === 0 ? (
          <EmptyState
            icon={<ChartIcon />}
            title={t("emptyTitle", { days: REPORT_DEFAULT_DAYS })}
            description={t("emptyDescription")}
          />
        ) : (
          <EventSummaryTable orgSlug={orgSlug} summaries={summaries} />
        )}
      </SectionCard>
    </div>
  );
}
