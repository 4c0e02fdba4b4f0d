"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { ConfirmForm } from "@/components/ui/confirm-form";
import { idle, type FormAction } from "@/lib/http/action-result";

export function DeleteParticipantForm({ remove, participantId, name }: { remove: FormAction; participantId: string; name: string }) {
  const t = useTranslations("participants.delete");
  const [state, action] = useActionState(remove, idle);
  return (
    <ConfirmForm
      action={action}
      result={state}
      fields={{ participantId }}
      trigger={t("trigger")}
      triggerLabel={t("triggerLabel", { name })}
      question={t("question", { name })}
      confirm={t("confirm")}
      pending={t("pending")}
    />
  );
}
