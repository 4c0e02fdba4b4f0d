import { useFormatter, useTranslations } from "next-intl";
import { formatDateTime } from "@/components/dashboard/format";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import type { FormAction } from "@/lib/http/action-result";
import type { WebhookDeliveryRow } from "@/lib/webhooks";
import { deliveryErrorText } from "./delivery-error";
import { ResendForm } from "./endpoint-controls";

const TONES: Record<WebhookDeliveryRow["status"], BadgeTone> = { pending: "warning", succeeded: "success", failed: "danger" };

type Props = { endpointId: string; deliveries: WebhookDeliveryRow[]; timeZone: string; resend: FormAction };

/** An endpoint's latest deliveries: the event, when, how it went, the receiver's last answer and the next try. */
export function DeliveriesTable({ endpointId, deliveries, timeZone, resend }: Props) {
  const t = useTranslations("webhooks");
  const format = useFormatter();
  const when = (at: Date) => formatDateTime(format, at, timeZone);
  if (deliveries.length === 0) return <p className="text-sm text-slate-600">{t("deliveries.empty")}</p>;
  return (
    <div className="space-y-2">
      <h3 className="text-sm font-semibold text-slate-900">{t("deliveries.title")}</h3>
      <Table aria-label={t("deliveries.title")} className="[&_td]:px-3 [&_th]:px-3 [&_th]:whitespace-normal">
        <THead>
          <TR>
            <TH>{t("deliveries.event")}</TH>
            <TH>{t("deliveries.created")}</TH>
            <TH>{t("deliveries.status")}</TH>
            <TH className="text-right">{t("deliveries.attempts")}</TH>
            <TH>{t("deliveries.response")}</TH>
            <TH>{t("deliveries.next")}</TH>
            <TH>
              <span className="sr-only">{t("deliveries.resend")}</span>
            </TH>
          </TR>
        </THead>
        <TBody>
          {deliveries.map((d) => {
            const lastError = deliveryErrorText(t, d);
            return (
              <TR key={d.id} data-testid="webhook-delivery">
                <TD>
                  <code className="font-mono text-xs">{d.eventType}</code>
                </TD>
                <TD className="whitespace-nowrap tabular-nums">{when(d.createdAt)}</TD>
                <TD>
                  <Badge tone={TONES[d.status]}>{t(`deliveryStatus.${d.status}`)}</Badge>
                </TD>
                <TD className="text-right tabular-nums">{d.attempts}</TD>
                <TD className="max-w-64 whitespace-normal" title={lastError ?? undefined}>
                  {d.attempts === 0 ? null : (
                    <span className="tabular-nums">
                      {d.lastResponseStatus ?? t("deliveries.noResponse")}
                      {d.lastDurationMs === null ? null : ` · ${t("deliveries.duration", { ms: d.lastDurationMs })}`}
                    </span>
                  )}
                  {lastError ? <span className="block truncate text-xs text-slate-500">{lastError}</span> : null}
                </TD>
                <TD className="whitespace-nowrap tabular-nums">{d.status === "pending" ? when(d.nextAttemptAt) : null}</TD>
                <TD>
                  <ResendForm resend={resend} endpointId={endpointId} deliveryId={d.id} event={d.eventType} />
                </TD>
              </TR>
            );
          })}
        </TBody>
      </Table>
    </div>
  );
}
