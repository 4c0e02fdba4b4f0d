import Link from "next/link";
import { formatDateTime } from "@/components/dashboard/format";
import { Badge } from "@/components/ui/badge";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import type { listEvents } from "@/lib/events/read-events";

type EventRow = Awaited<ReturnType<typeof listEvents>>[number];

type Props = {
  orgSlug: string;
  events: EventRow[];
  /** An event in another zone says so beside its time. */
  orgTimeZone: string;
  /** The events page: when each one next takes place. */
  showNext?: boolean;
};

/** Events with their kind, rule, venue and roster size (the overview and the events page). */
export function EventsTable({ orgSlug, events, orgTimeZone, showNext = false }: Props) {
  return (
    <Table aria-label="Events">
      <THead>
        <TR>
          <TH>Event</TH>
          <TH>When</TH>
          {showNext ? <TH>Next</TH> : null}
          <TH>Venue</TH>
          <TH className="text-right">Roster</TH>
        </TR>
      </THead>
      <TBody>
        {events.map((event) => (
          <TR key={event.id}>
            <TD>
              <Link href={`/${orgSlug}/events/${event.id}`} className="font-medium text-brand-800 hover:underline">
                {event.title}
              </Link>{" "}
              <Badge tone={event.kind === "periodic" ? "brand" : "neutral"}>{event.kind === "periodic" ? "Recurring" : "One-off"}</Badge>
            </TD>
            <TD className="whitespace-normal">
              {event.summary}
              {event.timeZone !== orgTimeZone ? ` (${event.timeZone})` : ""}
            </TD>
            {showNext ? <TD>{event.nextStartsAt ? formatDateTime(event.nextStartsAt, event.timeZone) : "—"}</TD> : null}
            <TD>{event.venueName}</TD>
            <TD className="text-right tabular-nums">{event.rosterSize}</TD>
          </TR>
        ))}
      </TBody>
    </Table>
  );
}
