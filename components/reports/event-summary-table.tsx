import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import type { listAttendanceSummaries } from "@/lib/reports/summaries";
import { lateCell } from "./outcome-tables";
import { rateText } from "./rate";

type Summary = Awaited<ReturnType<typeof listAttendanceSummaries>>[number];

/** One row per event (the reports page): occurrences held, invitations, and how they turned out. */
export function EventSummaryTable({ orgSlug, summaries }: { orgSlug: string; summaries: Summary[] }) {
  const t = useTranslations("reports.tables");
  const format = useFormatter();
  return (
    <Table aria-label={t("byEvent")}>
      <THead>
        <TR>
          <TH>{t("event")}</TH>
          <TH className="text-right">{t("occurrences")}</TH>
          <TH className="text-right">{t("invitations")}</TH>
          <TH className="text-right">{t("attended")}</TH>
          <TH className="text-right">{t("onTime")}</TH>
          <TH className="text-right">{t("late")}</TH>
          <TH className="text-right">{t("noShows")}</TH>
        </TR>
      </THead>
      <TBody>
        {summaries.map((s) => (
          <TR key={s.eventId}>
            <TD>
              <Link href={`/${orgSlug}/events/${s.eventId}/report`} className="font-medium text-brand-800 hover:underline">
                {s.title}
              </Link>
              {s.status === "archived" ? <Badge className="ml-2">{t("archived")}</Badge> : null}
            </TD>
            <TD className="text-right tabular-nums">
              {s.held}
              {s.cancelled > 0 ? <span className="block text-xs text-slate-500">{t("cancelledCount", { count: s.cancelled })}</span> : null}
            </TD>
            <TD className="text-right tabular-nums">{s.tally.invited}</TD>
            <TD className="text-right font-medium tabular-nums">{rateText(format, s.tally.attendanceRate)}</TD>
            <TD className="text-right tabular-nums">{s.tally.on_time}</TD>
            <TD className="text-right tabular-nums">{lateCell(t, s.tally)}</TD>
            <TD className="text-right tabular-nums">{s.tally.no_show}</TD>
          </TR>
        ))}
      </TBody>
    </Table>
  );
}
