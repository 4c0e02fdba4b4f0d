import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { formatDateTime, zoneName } from "@/components/dashboard/format";
import { Badge } from "@/components/ui/badge";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import type { listEvents } from "@/lib/events/read-events";
import { describeTiming } from "@/lib/recurrence/rrule-text";

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
  const t = useTranslations("events.table");
  const recurrence = useTranslations("recurrence");
  const format = useFormatter();
  return (
    <Table aria-label={t("label")}>
      <THead>
        <TR>
          <TH>{t("event")}</TH>
          <TH>{t("when")}</TH>
          {showNext ? <TH>{t("next")}</TH> : null}
          <TH>{t("venue")}</TH>
          <TH className="text-right">{t("roster")}</TH>
        </TR>
      </THead>
      <TBody>
        {events.map((event) => {
          const timing = describeTiming(recurrence, format, event);
          return (
            <TR key={event.id}>
              <TD>
                <Link href={`/${orgSlug}/events/${event.id}`} className="font-medium text-brand-800 hover:underline">
                  {event.title}
                </Link>{" "}
                <Badge tone={event.kind === "periodic" ? "brand" : "neutral"}>{event.kind === "periodic" ? t("recurring") : t("oneOff")}</Badge>
              </TD>
              <TD className="min-w-48 whitespace-normal">
                {event.timeZone !== orgTimeZone ? t("timingInZone", { timing, zone: zoneName(event.timeZone) }) : timing}
              </TD>
              {showNext ? <TD>{event.nextStartsAt ? formatDateTime(format, event.nextStartsAt, event.timeZone) : "—"}</TD> : null}
              <TD className="whitespace-normal">{event.venueName}</TD>
              <TD className="text-right tabular-nums">{format.number(event.rosterSize)}</TD>
            </TR>
          );
        })}
      </TBody>
    </Table>
  );
}
