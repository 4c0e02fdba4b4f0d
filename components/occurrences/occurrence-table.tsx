import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { formatLocalDateTime } from "@/components/dashboard/format";
import { Badge } from "@/components/ui/badge";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import type { listUpcomingOccurrences } from "@/lib/occurrences/occurrences";
import { occurrenceStatus } from "./labels";

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
  const t = useTranslations("occurrences");
  const format = useFormatter();
  return (
    <Table aria-label={t("table.label")}>
      <THead>
        <TR>
          <TH>{t("table.when")}</TH>
          {showEvent ? <TH>{t("table.event")}</TH> : null}
          <TH>{t("table.status")}</TH>
          <TH className="text-right">{t("table.confirmed")}</TH>
          <TH className="text-right">{t("table.messagesToGo")}</TH>
        </TR>
      </THead>
      <TBody>
        {occurrences.map((o) => {
          const status = occurrenceStatus(t, o.status);
          return (
            <TR key={o.id}>
              <TD>
                <Link href={`/${orgSlug}/occurrences/${o.id}`} className="font-medium tabular-nums text-brand-800 hover:underline">
                  {formatLocalDateTime(format, o.startsLocal)}
                </Link>
                {today && o.startsLocal.slice(0, 10) === today ? <Badge tone="brand" className="ml-2">{t("today")}</Badge> : null}
              </TD>
              {showEvent ? (
                <TD className="whitespace-normal">
                  {o.eventTitle}
                  <span className="block text-xs text-slate-500">{o.venueName}</span>
                </TD>
              ) : null}
              <TD>
                <Badge tone={status.tone}>{status.label}</Badge>
                {o.isDetached ? <Badge tone="warning" className="ml-1">{t("moved")}</Badge> : null}
              </TD>
              <TD className="text-right tabular-nums">{t("table.confirmedOf", { confirmed: o.rsvp.confirmed, total: o.rsvp.total })}</TD>
              <TD className="text-right tabular-nums">{format.number(o.pendingActions)}</TD>
            </TR>
          );
        })}
      </TBody>
    </Table>
  );
}
