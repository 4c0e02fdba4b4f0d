import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { formatRate } from "@/lib/reports/outcomes";
import type { listAttendanceSummaries } from "@/lib/reports/summaries";
import { lateCell } from "./outcome-tables";

type Summary = Awaited<ReturnType<typeof listAttendanceSummaries>>[number];

/** One row per event (the reports page): occurrences held, invitations, and how they turned out. */
export function EventSummaryTable({ orgSlug, summaries }: { orgSlug: string; summaries: Summary[] }) {
  return (
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
  );
}
