import type { ReactNode } from "react";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import type { ParticipantFormValues } from "./participant-form";
import { MaybeText, NoWhatsAppNote, OptedOutBadge, ParticipantName, PhoneText } from "./participant-cells";

export type ParticipantRow = ParticipantFormValues & {
  optedOutAt: Date | null;
  /** A roster's: why WhatsApp cannot reach the number, and when they were added. */
  noWhatsAppReason?: string | null;
  addedAt?: Date;
};

/** "contact" is the phone with its WhatsApp note and the e-mail under it (the roster); "added" needs `timeZone`. */
export type ParticipantColumn = "phone" | "contact" | "email" | "guardianOf" | "added";

type Props = {
  label: string;
  people: ParticipantRow[];
  columns: ParticipantColumn[];
  timeZone?: string;
  rowTestId?: string;
  /** A manager's links and forms at the end of each row. */
  rowActions?: (person: ParticipantRow) => ReactNode;
};

const HEADS: Record<ParticipantColumn, string> = { phone: "Phone", contact: "Contact", email: "E-mail", guardianOf: "Guardian of", added: "Added" };

/** People with their name (and imported extras), contact details and note: the overview, the participants page and a roster. */
export function ParticipantTable({ label, people, columns, timeZone, rowTestId, rowActions }: Props) {
  const addedOn = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone });
  const cell = (p: ParticipantRow, column: ParticipantColumn): ReactNode => {
    switch (column) {
      case "phone":
        return <PhoneText phone={p.phone} />;
      case "contact":
        return (
          <>
            <PhoneText phone={p.phone} />
            <NoWhatsAppNote reason={p.noWhatsAppReason ?? null} />
            {p.email ? <p className="text-xs text-slate-500">{p.email}</p> : null}
          </>
        );
      case "email":
        return <MaybeText value={p.email} />;
      case "guardianOf":
        return <MaybeText value={p.guardianOf} />;
      case "added":
        return p.addedAt ? addedOn.format(p.addedAt) : null;
    }
  };
  return (
    <Table aria-label={label}>
      <THead>
        <TR>
          <TH>Participant</TH>
          {columns.map((column) => (
            <TH key={column}>{HEADS[column]}</TH>
          ))}
          {rowActions ? (
            <TH className="text-right">
              <span className="sr-only">Actions</span>
            </TH>
          ) : null}
        </TR>
      </THead>
      <TBody>
        {people.map((p) => (
          <TR key={p.id} data-testid={rowTestId}>
            <TD>
              <div className="flex items-center gap-2">
                <ParticipantName person={p} />
                <OptedOutBadge optedOutAt={p.optedOutAt} />
              </div>
            </TD>
            {columns.map((column) => (
              <TD key={column} className={column === "added" ? "text-slate-600" : undefined}>
                {cell(p, column)}
              </TD>
            ))}
            {rowActions ? (
              <TD>
                <div className="flex items-center justify-end gap-1">{rowActions(p)}</div>
              </TD>
            ) : null}
          </TR>
        ))}
      </TBody>
    </Table>
  );
}
