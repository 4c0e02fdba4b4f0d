import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import type { listUpcomingOccurrences } from "@/lib/occurrences/occurrences";
import { OCCURRENCE_STATUS, formatLocalShort } from "./labels";

type Row = Awaited<ReturnType<typeof listUpcomingOccurrences>>[number];

type Props = {
  orgSlug: string;
  occurrences: Row[];
  /** Across events (Upcoming): a column naming the event. */
  showEvent?: boolean;
  /** The organization's local date, "YYYY-MM-DD", to mark today's occurrences. */
  today?: string;
};

/** Occurrences with their status, how many confirmed and how many messages are still to go out. */
export function OccurrenceTable({ orgSlug, occurrences, showEvent = false, today }: Props) {
  return (
    <Table>
      <THead>
        <TR>
          <TH>When</TH>
          {showEvent ? <TH>Event</TH> : null}
          <TH>Status</TH>
          <TH className="text-right">Confirmed</TH>
          <TH className="text-right">Messages to go</TH>
        </TR>
      </THead>
      <TBody>
        {occurrences.map((o) => {
          const status = OCCURRENCE_STATUS[o.status]!;
          return (
            <TR key={o.id}>
              <TD>
                <Link href={`/${orgSlug}/occurrences/${o.id}`} className="font-medium tabular-nums text-brand-800 hover:underline">
                  {formatLocalShort(o.startsLocal)}
                </Link>
                {today && o.startsLocal.slice(0, 10) === today ? <Badge tone="brand" className="ml-2">Today</Badge> : null}
              </TD>
              {showEvent ? (
                <TD>
                  {o.eventTitle}
                  <span className="block text-xs text-slate-500">{o.venueName}</span>
                </TD>
              ) : null}
              <TD>
                <Badge tone={status.tone}>{status.label}</Badge>
                {o.isDetached ? <Badge tone="warning" className="ml-1">Moved</Badge> : null}
              </TD>
              <TD className="text-right tabular-nums">
                {o.rsvp.confirmed} / {o.rsvp.total}
              </TD>
              <TD className="text-right tabular-nums">{o.pendingActions}</TD>
            </TR>
          );
        })}
      </TBody>
    </Table>
  );
}
