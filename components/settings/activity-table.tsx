import { useFormatter, useTranslations } from "next-intl";
import { formatDateTime } from "@/components/dashboard/format";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import type { listAuditLogs } from "@/lib/audit/list-audit-logs";
import { describeAuditEntry } from "@/lib/audit/describe";

type Entry = Awaited<ReturnType<typeof listAuditLogs>>[number];

/** The audit log, newest first: who changed what, and when. */
export function ActivityTable({ entries, timeZone }: { entries: Entry[]; timeZone: string }) {
  const t = useTranslations("settings");
  const apiKeys = useTranslations("apiKeys");
  const webhooks = useTranslations("webhooks");
  const format = useFormatter();
  return (
    <Table aria-label={t("activity.title")}>
      <THead>
        <TR>
          <TH>{t("activity.when")}</TH>
          <TH>{t("activity.who")}</TH>
          <TH>{t("activity.what")}</TH>
        </TR>
      </THead>
      <TBody>
        {entries.map((entry) => (
          <TR key={entry.id}>
            <TD className="whitespace-nowrap tabular-nums">{formatDateTime(format, entry.createdAt, timeZone)}</TD>
            <TD>
              {entry.actorName ?? (entry.actorType === "system" ? t("activity.system") : t("activity.deletedUser"))}
              {entry.apiKeyName ? (
                <span className="block text-xs text-slate-500">{apiKeys("audit.via", { name: entry.apiKeyName })}</span>
              ) : null}
            </TD>
            <TD className="whitespace-normal">{describeAuditEntry(t, format, entry, { apiKeys, webhooks })}</TD>
          </TR>
        ))}
      </TBody>
    </Table>
  );
}
