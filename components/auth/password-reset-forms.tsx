"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { Input } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { idle, type FormAction } from "@/lib/http/action-result";
import { ActionForm } from "@/components/ui/action-form";

export function RequestResetForm({ request }: { request: FormAction }) {
  const t = useTranslations("auth.reset");
  const [state, action] = useActionState(request, idle);
  const fields = state.ok ? undefined : state.fields;
  return (
    <ActionForm action={action} result={state} className="space-y-4" noValidate>
      <FormMessage result={state} />
      <Field id="email" label={t("email")} error={fields?.email?.[0]}>
        <Input name="email" type="email" autoComplete="email" required />
      </Field>
      <SubmitButton pendingLabel={t("sending")}>{t("send")}</SubmitButton>
    </ActionForm>
  );
}

export function ResetPasswordForm({ token, reset }: { token: string; reset: FormAction }) {
  const t = useTranslations("auth.reset");
  const [state, action] = useActionState(reset, idle);
  const fields = state.ok ? undefined : state.fields;
  if (state.ok && state.message) {
    return (
      <div className="space-y-4">
        <FormMessage result={state} />
        <Link href="/sign-in" className="text-sm font-medium text-brand-700 hover:underline">
          {t("goToSignIn")}
        </Link>
      </div>
    );
  }
  return (
    <ActionForm action={action} result={state} className="space-y-4" noValidate>
      <FormMessage result={state} />
      <input type="hidden" name="token" value={token} />
      <Field id="password" label={t("newPassword")} hint={t("passwordHint")} error={fields?.password?.[0]}>
        <Input name="password" type="password" autoComplete="new-password" required minLength={10} />
      </Field>
      <SubmitButton pendingLabel={t("saving")}>{t("setPassword")}</SubmitButton>
    </ActionForm>
  );
}
