import { Badge } from "@/components/ui/badge";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { cn } from "@/lib/utils/cn";
import { formatPhone } from "../format-phone";
import { NoWhatsAppNote } from "../participant-cells";
import type { MergedRow } from "./chunks";

/** How a row will be treated, in the organizer's words. */
export function rowVerdict(row: MergedRow): { label: string; tone: "success" | "brand" | "neutral" | "warning" | "danger"; note: string } {
  if (row.status === "error") return { label: "Error", tone: "danger", note: row.errors.join(" ") };
  if (row.isOnRoster) return { label: "Already on roster", tone: "neutral", note: "Nothing to do: this person is on the roster." };
  if (row.status === "duplicate") return { label: "Duplicate", tone: "warning", note: row.errors.join(" ") };
  if (row.existingParticipant) {
    return { label: "Known", tone: "brand", note: `Already in your organization as ${row.existingParticipant.name}; added to this roster.` };
  }
  return { label: "New", tone: "success", note: "" };
}

export function PreviewTable({ rows }: { rows: MergedRow[] }) {
  return (
    <Table aria-label="Rows of the file" wrapperClassName="max-h-[32rem] overflow-y-auto">
      <THead className="sticky top-0 z-10">
        <TR>
          <TH className="w-16 text-right">Line</TH>
          <TH>Status</TH>
          <TH>Name</TH>
          <TH>Contact</TH>
          <TH>Notes</TH>
        </TR>
      </THead>
      <TBody>
        {rows.map((row) => {
          const verdict = rowVerdict(row);
          const isProblem = row.status === "error" || (row.status === "duplicate" && !row.isOnRoster);
          return (
            <TR key={row.line} data-testid={`preview-line-${row.line}`} className={cn(isProblem && "bg-red-50/50")}>
              <TD className="text-right text-slate-500 tabular-nums">{row.line}</TD>
              <TD>
                <Badge tone={verdict.tone} dot>
                  {verdict.label}
                </Badge>
              </TD>
              <TD className="font-medium text-slate-900">{row.data.name || <span className="font-normal text-slate-400">(no name)</span>}</TD>
              <TD>
                <p className="whitespace-nowrap tabular-nums">{row.data.phone ? formatPhone(row.data.phone) : "—"}</p>
                <NoWhatsAppNote reason={row.noWhatsAppReason} />
                {row.data.email ? <p className="text-xs text-slate-500">{row.data.email}</p> : null}
              </TD>
              <TD className={cn("min-w-56 whitespace-normal", isProblem ? "text-red-800" : "text-slate-600")}>
                {verdict.note || [row.data.guardianOf && `Guardian of ${row.data.guardianOf}`, ...Object.entries(row.data.metadata).map(([k, v]) => `${k}: ${v}`)].filter(Boolean).join(" · ")}
              </TD>
            </TR>
          );
        })}
      </TBody>
    </Table>
  );
}
