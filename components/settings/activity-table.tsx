import { formatDateTime } from "@/components/dashboard/format";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import type { listAuditLogs } from "@/lib/audit/list-audit-logs";
import { describeAuditEntry } from "@/lib/audit/describe";

type Entry = Awaited<ReturnType<typeof listAuditLogs>>[number];

/** The audit log, newest first: who changed what, and when. */
export function ActivityTable({ entries, timeZone }: { entries: Entry[]; timeZone: string }) {
  return (
    <Table>
      <THead>
        <TR>
          <TH>When</TH>
          <TH>Who</TH>
          <TH>What</TH>
        </TR>
      </THead>
      <TBody>
        {entries.map((entry) => (
          <TR key={entry.id}>
            <TD className="whitespace-nowrap tabular-nums">{formatDateTime(entry.createdAt, timeZone)}</TD>
            <TD>{entry.actorName ?? (entry.actorType === "system" ? "System" : "Deleted user")}</TD>
            <TD>{describeAuditEntry(entry)}</TD>
          </TR>
        ))}
      </TBody>
    </Table>
  );
}
