"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { idle, type FormAction } from "@/lib/http/action-result";

export function ConfirmEmailForm({ token, confirm }: { token: string; confirm: FormAction }) {
  const t = useTranslations("auth.confirmEmail");
  const [state, action] = useActionState(confirm, idle);
  return (
    <form action={action} className="space-y-4">
      <input type="hidden" name="token" value={token} />
      <FormMessage result={state} />
      <SubmitButton className="w-full" pendingLabel={t("confirming")}>
        {t("confirm")}
      </SubmitButton>
    </form>
  );
}
