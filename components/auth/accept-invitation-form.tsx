"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { idle, type FormAction } from "@/lib/http/action-result";

export function AcceptInvitationForm({ token, accept }: { token: string; accept: FormAction }) {
  const t = useTranslations("auth.invitation");
  const [state, action] = useActionState(accept, idle);
  return (
    <form action={action} className="space-y-4">
      <input type="hidden" name="token" value={token} />
      <FormMessage result={state} />
      <SubmitButton pendingLabel={t("joining")}>{t("accept")}</SubmitButton>
    </form>
  );
}
