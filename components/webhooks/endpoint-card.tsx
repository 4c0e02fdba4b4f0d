import { useFormatter, useTranslations } from "next-intl";
import { formatDateTime } from "@/components/dashboard/format";
import { Badge } from "@/components/ui/badge";
import { SectionCard } from "@/components/ui/section-card";
import type { FormAction } from "@/lib/http/action-result";
import type { WebhookDeliveryRow, WebhookEndpoint } from "@/lib/webhooks";
import { DeliveriesTable } from "./deliveries-table";
import { EndpointControls } from "./endpoint-controls";
import { EndpointForm } from "./endpoint-form";
import { SecretField } from "./secret-field";

export type EndpointView = WebhookEndpoint & { deliveries: WebhookDeliveryRow[] };
export type EndpointActions = Record<"update" | "rotate" | "setEnabled" | "remove" | "sendTest" | "resend", FormAction>;

/** One receiver: where it is, what it gets, its secret, its switches, and its latest deliveries. */
export function EndpointCard({ endpoint, timeZone, actions }: { endpoint: EndpointView; timeZone: string; actions: EndpointActions }) {
  const t = useTranslations("webhooks");
  const format = useFormatter();
  const since = (at: Date) => formatDateTime(format, at, timeZone);
  const status = !endpoint.disabledAt ? (
    <Badge tone={endpoint.failingSince ? "warning" : "success"} dot>
      {endpoint.failingSince ? t("endpoint.failingSince", { since: since(endpoint.failingSince) }) : t("endpoint.enabled")}
    </Badge>
  ) : endpoint.disabledReason === "failing" ? (
    <Badge tone="danger" dot>
      {t("endpoint.disabledFailing", { since: since(endpoint.failingSince ?? endpoint.disabledAt) })}
    </Badge>
  ) : (
    <Badge tone="neutral" dot>
      {t("endpoint.disabled")}
    </Badge>
  );
  return (
    <SectionCard
      title={<span className="font-mono text-base break-all">{endpoint.url}</span>}
      description={endpoint.description || undefined}
      aside={status}
      contentClassName="space-y-5"
    >
      <div className="flex flex-wrap items-center gap-1.5" aria-label={t("endpoint.events")}>
        <span className="mr-1 text-sm font-medium text-slate-700">{t("endpoint.events")}</span>
        {endpoint.eventTypes.map((type) => (
          <code key={type} className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs text-slate-800">
            {type}
          </code>
        ))}
      </div>
      <SecretField secret={endpoint.secret} />
      <EndpointControls endpoint={{ id: endpoint.id, url: endpoint.url, enabled: !endpoint.disabledAt }} actions={actions} />
      <details className="rounded-lg border border-slate-200 px-4 py-2">
        <summary className="cursor-pointer text-sm font-medium text-slate-800">{t("form.edit")}</summary>
        <div className="pt-3">
          <EndpointForm save={actions.update} submitLabel={t("form.save")} pendingLabel={t("form.saving")} idPrefix={endpoint.id} endpoint={endpoint} />
        </div>
      </details>
      <DeliveriesTable endpointId={endpoint.id} deliveries={endpoint.deliveries} timeZone={timeZone} resend={actions.resend} />
    </SectionCard>
  );
}
