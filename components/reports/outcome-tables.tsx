import Link from "next/link";
import { useFormatter } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { formatLocalShort } from "@/components/occurrences/labels";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { formatRate, type Tally } from "@/lib/reports/outcomes";

/** "4 (avg 7 min)" for late arrivals; the count alone when nobody was late. */
export function lateCell(tally: Tally): string {
  return tally.averageMinutesLate === null ? String(tally.late) : `${tally.late} (avg ${tally.averageMinutesLate} min)`;
}

function OutcomeCells({ tally }: { tally: Tally }) {
  return (
    <>
      <TD className="text-right tabular-nums">{tally.invited}</TD>
      <TD className="text-right tabular-nums">{tally.on_time}</TD>
      <TD className="text-right tabular-nums">{lateCell(tally)}</TD>
      <TD className="text-right tabular-nums">{tally.no_show}</TD>
      <TD className="text-right tabular-nums">{tally.declined}</TD>
      <TD className="text-right tabular-nums">{tally.no_answer}</TD>
      <TD className="text-right font-medium tabular-nums">{formatRate(tally.attendanceRate)}</TD>
    </>
  );
}

function OutcomeHeads({ invited }: { invited: string }) {
  return (
    <>
      <TH className="text-right">{invited}</TH>
      <TH className="text-right">On time</TH>
      <TH className="text-right">Late</TH>
      <TH className="text-right">No-show</TH>
      <TH className="text-right">Declined</TH>
      <TH className="text-right">No answer</TH>
      <TH className="text-right">Attended</TH>
    </>
  );
}

type OccurrenceOutcome = { id: string; startsLocal: string; inProgress: boolean; tally: Tally };

/** One row per occurrence held: how its invitations turned out. */
export function OccurrenceOutcomeTable({ orgSlug, occurrences }: { orgSlug: string; occurrences: OccurrenceOutcome[] }) {
  return (
    <Table aria-label="Attendance by occurrence">
      <THead>
        <TR>
          <TH>Occurrence</TH>
          <OutcomeHeads invited="Invited" />
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
  return (
    <Table aria-label="Recent occurrences">
      <THead>
        <TR>
          <TH>Occurrence</TH>
          <TH className="text-right">Came</TH>
          <TH className="text-right">Late</TH>
          <TH className="text-right">No-show</TH>
          <TH className="text-right">Attended</TH>
        </TR>
      </THead>
      <TBody>
        {occurrences.map((o) => (
          <TR key={o.id}>
            <OccurrenceCell orgSlug={orgSlug} occurrence={o} />
            <TD className="text-right tabular-nums">
              {o.tally.arrived} / {o.tally.invited}
            </TD>
            <TD className="text-right tabular-nums">{lateCell(o.tally)}</TD>
            <TD className="text-right tabular-nums">{o.tally.no_show}</TD>
            <TD className="text-right font-medium tabular-nums">{formatRate(o.tally.attendanceRate)}</TD>
          </TR>
        ))}
      </TBody>
    </Table>
  );
}

function OccurrenceCell({ orgSlug, occurrence: o }: { orgSlug: string; occurrence: OccurrenceOutcome }) {
  const format = useFormatter();
  return (
    <TD>
      <Link href={`/${orgSlug}/occurrences/${o.id}`} className="font-medium tabular-nums text-brand-800 hover:underline">
        {formatLocalShort(format, o.startsLocal)}
      </Link>
      {o.inProgress ? (
        <Badge tone="brand" className="ml-2" title={`${o.tally.expected} confirmed, not arrived yet`}>
          In progress
        </Badge>
      ) : null}
    </TD>
  );
}

type ParticipantOutcome = { participantId: string; name: string; contact: string; tally: Tally };

/** One row per person invited to any occurrence in the report: their record over those occurrences. */
export function ParticipantOutcomeTable({ orgSlug, participants }: { orgSlug: string; participants: ParticipantOutcome[] }) {
  return (
    <Table aria-label="Attendance by participant">
      <THead>
        <TR>
          <TH>Participant</TH>
          <OutcomeHeads invited="Occurrences" />
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
