import type { Metadata } from "next";
import Link from "next/link";
import { lateCell } from "@/components/reports/outcome-tables";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { ChartIcon } from "@/components/ui/icons";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { formatRate } from "@/lib/reports/outcomes";
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
      <Card>
        <CardContent className="pt-5">
          {summaries.length === 0 ? (
            <EmptyState
              icon={<ChartIcon />}
              title={`Nothing took place in the last ${REPORT_DEFAULT_DAYS} days`}
              description="Once an occurrence of an event has started, who came on time, late or not at all shows here. Earlier dates are in each event's report."
            />
          ) : (
            <Table aria-label="Attendance by event">
              <THead>
                <TR>
                  <TH>Event</TH>
                  <TH className="text-right">Occurrences</TH>
                  <TH className="text-right">Invitations</TH>
                  <TH className="text-right">Attended</TH>
                  <TH className="text-right">On time</TH>
                  <TH className="text-right">Late</TH>
                  <TH className="text-right">No-shows</TH>
                </TR>
              </THead>
              <TBody>
                {summaries.map((s) => (
                  <TR key={s.eventId}>
                    <TD>
                      <Link href={`/${orgSlug}/events/${s.eventId}/report`} className="font-medium text-brand-800 hover:underline">
                        {s.title}
                      </Link>
                      {s.status === "archived" ? <Badge className="ml-2">Archived</Badge> : null}
                    </TD>
                    <TD className="text-right tabular-nums">
                      {s.held}
                      {s.cancelled > 0 ? <span className="block text-xs text-slate-500">+{s.cancelled} cancelled</span> : null}
                    </TD>
                    <TD className="text-right tabular-nums">{s.tally.invited}</TD>
                    <TD className="text-right font-medium tabular-nums">{formatRate(s.tally.attendanceRate)}</TD>
                    <TD className="text-right tabular-nums">{s.tally.on_time}</TD>
                    <TD className="text-right tabular-nums">{lateCell(s.tally)}</TD>
                    <TD className="text-right tabular-nums">{s.tally.no_show}</TD>
                  </TR>
                ))}
              </TBody>
            </Table>
          )}
        </CardContent>
      </Card>
    </div>
  );
}
