import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { Badge } from "@/components/ui/badge";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import type { MessageRow } from "@/lib/messages/list-messages";
import { historyInStatusOrder } from "@/lib/whatsapp/webhook/status-order";
import { failureSentence } from "./failure-text";
import { describeInboundMessage, kindLabel, MESSAGE_STATUS_TONES, senderProfileName, statusLabel } from "./labels";

type Props = { orgSlug: string; rows: MessageRow[]; timeZone: string; showOccurrence: boolean };

/** Every message in and out: who, what, its status history, and why it failed (or waits for a retry) in words. */
export function MessagesTable({ orgSlug, rows, timeZone, showOccurrence }: Props) {
  const t = useTranslations("messages");
  const failures = useTranslations("sendFailures");
  const format = useFormatter();
  const when = (at: Date | string, zone: string) =>
    format.dateTime(new Date(at), { timeZone: zone, day: "numeric", month: "short", hour: "numeric", minute: "2-digit" });
  return (
    <Table aria-label={t("table.label")}>
      <THead>
        <TR>
          <TH>{t("table.when")}</TH>
          <TH>{t("table.participant")}</TH>
          <TH>{t("table.message")}</TH>
          {showOccurrence ? <TH>{t("table.occurrence")}</TH> : null}
          <TH>{t("table.status")}</TH>
        </TR>
      </THead>
      <TBody>
        {rows.map((m) => {
          const history = historyInStatusOrder(m.statusHistory)
            .map((h) => t("table.historyStep", { status: statusLabel(t, h.status), when: when(h.at, timeZone) }))
            .join(" → ");
          const failed = failureSentence(failures, m.errorCode, m.errorMessage);
          const waiting = m.status === "queued" && failed;
          return (
            <TR key={m.id} data-testid="message-row">
              <TD className="text-slate-600 tabular-nums">{when(m.createdAt, timeZone)}</TD>
              <TD className="min-w-32 whitespace-normal">{m.participantName ?? <UnknownSender body={m.body} />}</TD>
              <TD className="min-w-48 whitespace-normal">
                <span className="font-medium text-slate-900">{kindLabel(t, m.kind)}</span>
                <span className="block text-xs text-slate-500">{m.direction === "inbound" ? t("table.fromParticipant") : t("table.toParticipant")}</span>
                {m.direction === "inbound" ? <InboundSummary type={m.type} body={m.body} /> : null}
              </TD>
              {showOccurrence ? (
                <TD className="min-w-44 whitespace-normal">
                  {m.instanceId && m.eventTitle ? (
                    <Link href={`/${orgSlug}/occurrences/${m.instanceId}`} className="text-brand-700 hover:underline">
                      {m.eventTitle}
                      {m.startsAt ? (
                        <span className="block text-xs whitespace-nowrap text-slate-500">{when(m.startsAt, m.timeZone ?? timeZone)}</span>
                      ) : null}
                    </Link>
                  ) : (
                    <span className="text-slate-500">—</span>
                  )}
                </TD>
              ) : null}
              <TD className="min-w-56 whitespace-normal">
                <Badge tone={MESSAGE_STATUS_TONES[m.status] ?? "neutral"} dot>
                  {statusLabel(t, m.status)}
                </Badge>
                {m.status === "failed" && failed ? <p className="mt-1 text-sm text-red-800">{failed}</p> : null}
                {waiting ? (
                  <p className="mt-1 text-sm text-amber-800">
                    {m.retryAt
                      ? t("table.retryingAt", { when: when(m.retryAt, timeZone), reason: failed ?? "" })
                      : t("table.retrying", { reason: failed ?? "" })}
                  </p>
                ) : null}
                {history ? <p className="mt-1 text-xs text-slate-500">{history}</p> : null}
              </TD>
            </TR>
          );
        })}
      </TBody>
    </Table>
  );
}

function InboundSummary({ type, body }: { type: string; body: Record<string, unknown> }) {
  const t = useTranslations("messages");
  const summary = describeInboundMessage(t, type, body);
  return summary ? <span className="mt-1 block text-sm text-slate-700">{summary}</span> : null;
}

/** A number that is nobody on the participant list: the name they gave themselves in WhatsApp, when they sent one. */
function UnknownSender({ body }: { body: Record<string, unknown> }) {
  const t = useTranslations("messages.table");
  const name = senderProfileName(body);
  if (!name) return <span className="text-slate-500">{t("unknownNumber")}</span>;
  return (
    <>
      <span>{name}</span>
      <span className="block text-xs text-slate-500">{t("profileName")}</span>
    </>
  );
}
