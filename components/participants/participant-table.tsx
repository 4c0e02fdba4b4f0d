import type { ReactNode } from "react";
import { useFormatter, useTranslations } from "next-intl";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import type { ParticipantFormValues } from "./participant-form";
import { LanguageBadge, MaybeText, NoWhatsAppNote, OptedOutBadge, ParticipantName, PhoneText } from "./participant-cells";

export type ParticipantRow = Omit<ParticipantFormValues, "language"> & {
  optedOutAt: Date | null;
  /** Their own language (shown beside the name); null or absent: the organization's. */
  language?: string | null;
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

/** People with their name (and imported extras), contact details and note: the overview, the participants page and a roster. */
export function ParticipantTable({ label, people, columns, timeZone, rowTestId, rowActions }: Props) {
  const t = useTranslations("participants.table");
  const format = useFormatter();
  const heads: Record<ParticipantColumn, string> = {
    phone: t("phone"),
    contact: t("contact"),
    email: t("email"),
    guardianOf: t("guardianOf"),
    added: t("added"),
  };
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
        return p.addedAt ? format.dateTime(p.addedAt, { dateStyle: "medium", timeZone }) : null;
    }
  };
  return (
    <Table aria-label={label}>
      <THead>
        <TR>
          <TH>{t("participant")}</TH>
          {columns.map((column) => (
            <TH key={column}>{heads[column]}</TH>
          ))}
          {rowActions ? (
            <TH className="text-right">
              <span className="sr-only">{t("actions")}</span>
            </TH>
          ) : null}
        </TR>
      </THead>
      <TBody>
        {people.map((p) => (
          <TR key={p.id} data-testid={rowTestId}>
            <TD>
              <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
                <ParticipantName person={p} />
                <OptedOutBadge optedOutAt={p.optedOutAt} />
                <LanguageBadge language={p.language} />
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
