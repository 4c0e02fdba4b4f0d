import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import type { Translator } from "@/lib/i18n/translator-type";
import type { Tally } from "@/lib/reports/outcomes";
import { rateText } from "./rate";

/** "4 (avg 7 min)" for late arrivals; the count alone when nobody was late. */
export function lateCell(t: Translator<"reports.tables">, tally: Tally): string {
  return tally.averageMinutesLate === null ? String(tally.late) : t("lateCell", { count: tally.late, minutes: tally.averageMinutesLate });
}

function OutcomeCells({ tally }: { tally: Tally }) {
  const t = useTranslations("reports.tables");
  const format = useFormatter();
  return (
    <>
      <TD className="text-right tabular-nums">{tally.invited}</TD>
      <TD className="text-right tabular-nums">{tally.on_time}</TD>
      <TD className="text-right tabular-nums">{lateCell(t, tally)}</TD>
      <TD className="text-right tabular-nums">{tally.no_show}</TD>
      <TD className="text-right tabular-nums">{tally.declined}</TD>
      <TD className="text-right tabular-nums">{tally.no_answer}</TD>
      <TD className="text-right font-medium tabular-nums">{rateText(format, tally.attendanceRate)}</TD>
    </>
  );
}

// Seven counts side by side: their headings may take two lines ("Keine / Antwort") rather than widen the table.
const COUNT_HEAD = "text-right whitespace-normal";

function OutcomeHeads({ invited }: { invited: string }) {
  const t = useTranslations("reports.tables");
  return (
    <>
      <TH className={COUNT_HEAD}>{invited}</TH>
      <TH className={COUNT_HEAD}>{t("onTime")}</TH>
      <TH className={COUNT_HEAD}>{t("late")}</TH>
      <TH className={COUNT_HEAD}>{t("noShow")}</TH>
      <TH className={COUNT_HEAD}>{t("declined")}</TH>
      <TH className={COUNT_HEAD}>{t("noAnswer")}</TH>
      <TH className={COUNT_HEAD}>{t("attended")}</TH>
    </>
  );
}

type OccurrenceOutcome = { id: string; startsAt: Date; timeZone: string; inProgress: boolean; tally: Tally };

/** One row per occurrence held: how its invitations turned out. */
export function OccurrenceOutcomeTable({ orgSlug, occurrences }: { orgSlug: string; occurrences: OccurrenceOutcome[] }) {
  const t = useTranslations("reports.tables");
  return (
    <Table aria-label={t("byOccurrence")}>
      <THead>
        <TR>
          <TH>{t("occurrence")}</TH>
          <OutcomeHeads invited={t("invited")} />
        </TR>
      </THead>
      <TBody>
        {occurrences.map((o) => (
          <TR key={o.id}>
            <OccurrenceCell orgSlug={orgSlug} occurrence={o} />
            <OutcomeCells tally={o.tally} />
          </TR>
        ))}
      </TBody>
    </Table>
  );
}

/** The latest occurrences in a few columns (the event page): who came, who was late, no-shows, the attended share. */
export function RecentOutcomeTable({ orgSlug, occurrences }: { orgSlug: string; occurrences: OccurrenceOutcome[] }) {
  const t = useTranslations("reports.tables");
  const format = useFormatter();
  return (
    <Table aria-label={t("recent")}>
      <THead>
        <TR>
          <TH>{t("occurrence")}</TH>
          <TH className="text-right">{t("came")}</TH>
          <TH className="text-right">{t("late")}</TH>
          <TH className="text-right">{t("noShow")}</TH>
          <TH className="text-right">{t("attended")}</TH>
        </TR>
      </THead>
      <TBody>
        {occurrences.map((o) => (
          <TR key={o.id}>
            <OccurrenceCell orgSlug={orgSlug} occurrence={o} />
            <TD className="text-right tabular-nums">{t("cameCell", { arrived: o.tally.arrived, invited: o.tally.invited })}</TD>
            <TD className="text-right tabular-nums">{lateCell(t, o.tally)}</TD>
            <TD className="text-right tabular-nums">{o.tally.no_show}</TD>
            <TD className="text-right font-medium tabular-nums">{rateText(format, o.tally.attendanceRate)}</TD>
          </TR>
        ))}
      </TBody>
    </Table>
  );
}

function OccurrenceCell({ orgSlug, occurrence: o }: { orgSlug: string; occurrence: OccurrenceOutcome }) {
  const t = useTranslations("reports.tables");
  const format = useFormatter();
  const start = format.dateTime(o.startsAt, { timeZone: o.timeZone, weekday: "short", day: "numeric", month: "short", hour: "numeric", minute: "2-digit" });
  // The "in progress" badge goes under the start when the column is narrow, not beside it off the table's edge.
  return (
    <TD className="whitespace-normal">
      <span className="flex flex-wrap items-center gap-x-2 gap-y-1">
        <Link href={`/${orgSlug}/occurrences/${o.id}`} className="font-medium whitespace-nowrap tabular-nums text-brand-800 hover:underline">
          {start}
        </Link>
        {o.inProgress ? (
          <Badge tone="brand" title={t("inProgressTitle", { count: o.tally.expected })}>
            {t("inProgress")}
          </Badge>
        ) : null}
      </span>
    </TD>
  );
}

type ParticipantOutcome = { participantId: string; name: string; contact: string; tally: Tally };

/** One row per person invited to any occurrence in the report: their record over those occurrences. */
export function ParticipantOutcomeTable({ orgSlug, participants }: { orgSlug: string; participants: ParticipantOutcome[] }) {
  const t = useTranslations("reports.tables");
  return (
    <Table aria-label={t("byParticipant")}>
      <THead>
        <TR>
          <TH>{t("participant")}</TH>
          <OutcomeHeads invited={t("occurrences")} />
        </TR>
      </THead>
      <TBody>
        {participants.map((p) => (
          <TR key={p.participantId}>
            <TD>
              <Link href={`/${orgSlug}/participants/${p.participantId}`} className="font-medium text-slate-900 hover:underline">
                {p.name}
              </Link>
              <span className="block text-xs text-slate-500">{p.contact}</span>
            </TD>
            <OutcomeCells tally={p.tally} />
          </TR>
        ))}
      </TBody>
    </Table>
  );
}
