import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import type { MessageRow } from "@/lib/messages/list-messages";
import { historyInStatusOrder } from "@/lib/whatsapp/webhook/status-order";
import { describeInboundMessage, MESSAGE_KIND_LABELS, MESSAGE_STATUS, senderProfileName } from "./labels";

type Props = { orgSlug: string; rows: MessageRow[]; timeZone: string; showOccurrence: boolean };

const when = (at: Date | string, timeZone: string) =>
  new Intl.DateTimeFormat("en-GB", { timeZone, day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" }).format(new Date(at));

/** Every message in and out: who, what, its status history, and why it failed (or waits for a retry) in words. */
export function MessagesTable({ orgSlug, rows, timeZone, showOccurrence }: Props) {
  return (
    <Table aria-label="Messages">
      <THead>
        <TR>
          <TH>When</TH>
          <TH>Participant</TH>
          <TH>Message</TH>
          {showOccurrence ? <TH>Occurrence</TH> : null}
          <TH>Status</TH>
        </TR>
      </THead>
      <TBody>
        {rows.map((m) => {
          const status = MESSAGE_STATUS[m.status] ?? { label: m.status, tone: "neutral" as const };
          const history = historyInStatusOrder(m.statusHistory)
            .map((h) => `${MESSAGE_STATUS[h.status]?.label ?? h.status} ${when(h.at, timeZone)}`)
            .join(" → ");
          const waiting = m.status === "queued" && m.errorMessage;
          return (
            <TR key={m.id} data-testid="message-row">
              <TD className="text-slate-600 tabular-nums">{when(m.createdAt, timeZone)}</TD>
              <TD>{m.participantName ?? <UnknownSender body={m.body} />}</TD>
              <TD className="min-w-56 whitespace-normal">
                <span className="font-medium text-slate-900">{MESSAGE_KIND_LABELS[m.kind] ?? m.kind}</span>
                <span className="block text-xs text-slate-500">{m.direction === "inbound" ? "from the participant" : "to the participant"}</span>
                {m.direction === "inbound" ? <InboundSummary type={m.type} body={m.body} /> : null}
              </TD>
              {showOccurrence ? (
                <TD>
                  {m.instanceId && m.eventTitle ? (
                    <Link href={`/${orgSlug}/occurrences/${m.instanceId}`} className="text-brand-700 hover:underline">
                      {m.eventTitle}
                      {m.startsAt ? ` · ${when(m.startsAt, m.timeZone ?? timeZone)}` : ""}
                    </Link>
                  ) : (
                    <span className="text-slate-500">—</span>
                  )}
                </TD>
              ) : null}
              <TD className="min-w-64 whitespace-normal">
                <Badge tone={status.tone} dot>
                  {status.label}
                </Badge>
                {m.status === "failed" && m.errorMessage ? <p className="mt-1 text-sm text-red-800">{m.errorMessage}</p> : null}
                {waiting ? (
                  <p className="mt-1 text-sm text-amber-800">
                    Waiting to retry{m.retryAt ? ` (next try after ${when(m.retryAt, timeZone)})` : ""}: {m.errorMessage}
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
  const summary = describeInboundMessage(type, body);
  return summary ? <span className="mt-1 block text-sm text-slate-700">{summary}</span> : null;
}

/** A number that is nobody on the participant list: the name they gave themselves in WhatsApp, when they sent one. */
function UnknownSender({ body }: { body: Record<string, unknown> }) {
  const name = senderProfileName(body);
  if (!name) return <span className="text-slate-500">Unknown number</span>;
  return (
    <>
      <span>{name}</span>
      <span className="block text-xs text-slate-500">WhatsApp name · not a participant</span>
    </>
  );
}
