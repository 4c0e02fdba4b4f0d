import { useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { isLocale, LOCALE_NAMES } from "@/lib/i18n/locales";
import type { Translator } from "@/lib/i18n/translator-type";
import { cn } from "@/lib/utils/cn";
import { formatPhone } from "../format-phone";
import { NoWhatsAppNote } from "../participant-cells";
import type { MergedRow } from "./chunks";

type Verdict = { label: string; tone: "success" | "brand" | "neutral" | "warning" | "danger"; note: string };

/** How a row will be treated, in the organizer's words. */
export function rowVerdict(t: Translator<"import.preview">, row: MergedRow): Verdict {
  if (row.status === "error") return { label: t("verdict.error"), tone: "danger", note: row.errors.join(" ") };
  if (row.isOnRoster) return { label: t("verdict.onRoster"), tone: "neutral", note: t("verdict.onRosterNote") };
  if (row.status === "duplicate") return { label: t("verdict.duplicate"), tone: "warning", note: row.errors.join(" ") };
  if (row.existingParticipant) {
    return { label: t("verdict.known"), tone: "brand", note: t("verdict.knownNote", { name: row.existingParticipant.name }) };
  }
  return { label: t("verdict.new"), tone: "success", note: "" };
}

/** What the row brings besides its name and contact: "Guardian of Lena · Deutsch · Class: 3b". */
function details(t: Translator<"import.preview">, row: MergedRow): string {
  const { guardianOf, language, metadata } = row.data;
  return [
    guardianOf && t("guardianOf", { name: guardianOf }),
    isLocale(language) && LOCALE_NAMES[language],
    ...Object.entries(metadata).map(([k, v]) => `${k}: ${v}`),
  ]
    .filter(Boolean)
    .join(" · ");
}

export function PreviewTable({ rows }: { rows: MergedRow[] }) {
  const t = useTranslations("import.preview");
  return (
    <Table aria-label={t("tableLabel")} wrapperClassName="max-h-[32rem] overflow-y-auto">
      <THead className="sticky top-0 z-10">
        <TR>
          <TH className="w-16 text-right">{t("line")}</TH>
          <TH>{t("status")}</TH>
          <TH>{t("name")}</TH>
          <TH>{t("contact")}</TH>
          <TH>{t("notes")}</TH>
        </TR>
      </THead>
      <TBody>
        {rows.map((row) => {
          const verdict = rowVerdict(t, row);
          const isProblem = row.status === "error" || (row.status === "duplicate" && !row.isOnRoster);
          return (
            <TR key={row.line} data-testid={`preview-line-${row.line}`} className={cn(isProblem && "bg-red-50/50")}>
              <TD className="text-right text-slate-500 tabular-nums">{row.line}</TD>
              <TD>
                <Badge tone={verdict.tone} dot>
                  {verdict.label}
                </Badge>
              </TD>
              <TD className="font-medium text-slate-900">{row.data.name || <span className="font-normal text-slate-400">{t("noName")}</span>}</TD>
              <TD>
                <p className="whitespace-nowrap tabular-nums">{row.data.phone ? formatPhone(row.data.phone) : "—"}</p>
                <NoWhatsAppNote reason={row.noWhatsAppReason} />
                {row.data.email ? <p className="text-xs text-slate-500">{row.data.email}</p> : null}
              </TD>
              <TD className={cn("min-w-56 whitespace-normal", isProblem ? "text-red-800" : "text-slate-600")}>
                {verdict.note || details(t, row)}
              </TD>
            </TR>
          );
        })}
      </TBody>
    </Table>
  );
}
