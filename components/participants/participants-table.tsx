import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { DeleteParticipantForm } from "./delete-participant-form";
import { MaybeText, OptedOutBadge, ParticipantName, PhoneText } from "./participant-cells";

type Row = {
  id: string;
  name: string;
  phone: string;
  email: string | null;
  guardianOf: string | null;
  metadata: Record<string, string>;
  optedOutAt: Date | null;
};

export function ParticipantsTable({ orgSlug, people, canWrite }: { orgSlug: string; people: Row[]; canWrite: boolean }) {
  return (
    <Table aria-label="Participants">
      <THead>
        <TR>
          <TH>Participant</TH>
          <TH>Phone</TH>
          <TH>E-mail</TH>
          <TH>Guardian of</TH>
          {canWrite ? (
            <TH className="text-right">
              <span className="sr-only">Actions</span>
            </TH>
          ) : null}
        </TR>
      </THead>
      <TBody>
        {people.map((p) => (
          <TR key={p.id} data-testid="participant-row">
            <TD>
              <div className="flex items-center gap-2">
                <ParticipantName person={p} />
                <OptedOutBadge optedOutAt={p.optedOutAt} />
              </div>
            </TD>
            <TD>
              <PhoneText phone={p.phone} />
            </TD>
            <TD>
              <MaybeText value={p.email} />
            </TD>
            <TD>
              <MaybeText value={p.guardianOf} />
            </TD>
            {canWrite ? (
              <TD>
                <div className="flex items-center justify-end gap-1">
                  <Link href={`/${orgSlug}/participants/${p.id}`} className={buttonClasses("ghost", "sm")} aria-label={`Edit ${p.name}`}>
                    Edit
                  </Link>
                  <DeleteParticipantForm orgSlug={orgSlug} participantId={p.id} name={p.name} />
                </div>
              </TD>
            ) : null}
          </TR>
        ))}
      </TBody>
    </Table>
  );
}
