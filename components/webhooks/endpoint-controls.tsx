"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { ConfirmForm } from "@/components/ui/confirm-form";
import { ResultText } from "@/components/ui/result-text";
import { SubmitButton } from "@/components/ui/submit-button";
import { idle, type FormAction } from "@/lib/http/action-result";

type Endpoint = { id: string; url: string; enabled: boolean };
type Actions = Record<"rotate" | "setEnabled" | "remove" | "sendTest", FormAction>;

/** Send a test event, make a new secret, switch the endpoint off or on, delete it. */
export function EndpointControls({ endpoint, actions }: { endpoint: Endpoint; actions: Actions }) {
  const t = useTranslations("webhooks.endpoint");
  const [tested, test] = useActionState(actions.sendTest, idle);
  const [switched, toggle] = useActionState(actions.setEnabled, idle);
  const [rotated, rotate] = useActionState(actions.rotate, idle);
  const [removed, remove] = useActionState(actions.remove, idle);
  return (
    <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
      <form action={test} className="flex items-center gap-2">
        <input type="hidden" name="endpointId" value={endpoint.id} />
        <SubmitButton size="sm" pendingLabel={t("testing")} disabled={!endpoint.enabled}>
          {t("test")}
        </SubmitButton>
        <ResultText result={tested} />
      </form>
      <form action={toggle} className="flex items-center gap-2">
        <input type="hidden" name="endpointId" value={endpoint.id} />
        <input type="hidden" name="enabled" value={endpoint.enabled ? "false" : "true"} />
        <SubmitButton variant="secondary" size="sm" pendingLabel={endpoint.enabled ? t("disabling") : t("enabling")}>
          {endpoint.enabled ? t("disable") : t("enable")}
        </SubmitButton>
        <ResultText result={switched} />
      </form>
      <ConfirmForm
        action={rotate}
        result={rotated}
        fields={{ endpointId: endpoint.id }}
        trigger={t("rotate")}
        triggerLabel={t("rotateLabel", { url: endpoint.url })}
        question={t("rotateQuestion")}
        confirm={t("rotate")}
        pending={t("rotating")}
      />
      <ConfirmForm
        action={remove}
        result={removed}
        fields={{ endpointId: endpoint.id }}
        trigger={t("delete")}
        triggerLabel={t("deleteLabel", { url: endpoint.url })}
        question={t("deleteQuestion")}
        confirm={t("delete")}
        pending={t("deleting")}
      />
    </div>
  );
}

/** *Send again* for one delivery of the log. */
export function ResendForm({ resend, endpointId, deliveryId, event }: { resend: FormAction; endpointId: string; deliveryId: string; event: string }) {
  const t = useTranslations("webhooks.deliveries");
  const [state, action] = useActionState(resend, idle);
  return (
    <form action={action} className="flex items-center justify-end gap-2">
      <input type="hidden" name="endpointId" value={endpointId} />
      <input type="hidden" name="deliveryId" value={deliveryId} />
      <ResultText result={state} />
      <SubmitButton variant="ghost" size="sm" pendingLabel={t("resending")} aria-label={t("resendLabel", { event })}>
        {t("resend")}
      </SubmitButton>
    </form>
  );
}
