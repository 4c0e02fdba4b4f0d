import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import type { RosterEntry } from "@/lib/participants/roster";
import { MaybeText, NoWhatsAppNote, OptedOutBadge, ParticipantName, PhoneText } from "./participant-cells";
import { RemoveFromRosterForm } from "./roster-actions";

type Props = { orgSlug: string; eventId: string; roster: RosterEntry[]; canWrite: boolean; timeZone: string };

export function RosterTable({ orgSlug, eventId, roster, canWrite, timeZone }: Props) {
  const addedOn = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone });
  return (
    <Table aria-label="Roster">
      <THead>
        <TR>
          <TH>Participant</TH>
          <TH>Contact</TH>
          <TH>Guardian of</TH>
          <TH>Added</TH>
          {canWrite ? (
            <TH className="text-right">
              <span className="sr-only">Actions</span>
            </TH>
          ) : null}
        </TR>
      </THead>
      <TBody>
        {roster.map((p) => (
          <TR key={p.participantId} data-testid="roster-row">
            <TD>
              <div className="flex items-center gap-2">
                <ParticipantName person={p} />
                <OptedOutBadge optedOutAt={p.optedOutAt} />
              </div>
            </TD>
            <TD>
              <PhoneText phone={p.phone} />
              <NoWhatsAppNote reason={p.noWhatsAppReason} />
              {p.email ? <p className="text-xs text-slate-500">{p.email}</p> : null}
            </TD>
            <TD>
              <MaybeText value={p.guardianOf} />
            </TD>
            <TD className="text-slate-600">{addedOn.format(p.addedAt)}</TD>
            {canWrite ? (
              <TD>
                <div className="flex items-center justify-end gap-1">
                  <Link
                    href={`/${orgSlug}/participants/${p.participantId}?from=${encodeURIComponent(`/${orgSlug}/events/${eventId}/roster`)}`}
                    className={buttonClasses("ghost", "sm")}
                    aria-label={`Edit ${p.name}`}
                  >
                    Edit
                  </Link>
                  <RemoveFromRosterForm orgSlug={orgSlug} eventId={eventId} participantId={p.participantId} name={p.name} />
                </div>
              </TD>
            ) : null}
          </TR>
        ))}
      </TBody>
    </Table>
  );
}
