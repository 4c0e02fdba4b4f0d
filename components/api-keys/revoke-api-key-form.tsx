"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { ConfirmForm } from "@/components/ui/confirm-form";
import { idle, type FormAction } from "@/lib/http/action-result";

export function RevokeApiKeyForm({ revoke, apiKeyId, name }: { revoke: FormAction; apiKeyId: string; name: string }) {
  const t = useTranslations("apiKeys.revoke");
  const [state, action] = useActionState(revoke, idle);
  return (
    <ConfirmForm
      action={action}
      result={state}
      fields={{ apiKeyId }}
      trigger={t("trigger")}
      triggerLabel={t("triggerLabel", { name })}
      question={t("question", { name })}
      confirm={t("confirm")}
      pending={t("pending")}
    />
  );
}
