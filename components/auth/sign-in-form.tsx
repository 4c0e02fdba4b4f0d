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

type Props = { signIn: FormAction; callbackUrl?: string; defaultEmail?: string };

export function SignInForm({ signIn, callbackUrl, defaultEmail }: Props) {
  const t = useTranslations("auth.signIn");
  const [state, action] = useActionState(signIn, idle);
  const fields = state.ok ? undefined : state.fields;
  return (
    <ActionForm action={action} result={state} className="space-y-4" noValidate>
      <FormMessage result={state} />
      <input type="hidden" name="callbackUrl" value={callbackUrl ?? "/"} />
      <Field id="email" label={t("email")} error={fields?.email?.[0]}>
        <Input name="email" type="email" autoComplete="email" defaultValue={defaultEmail} required />
      </Field>
      <Field id="password" label={t("password")} error={fields?.password?.[0]}>
        <Input name="password" type="password" autoComplete="current-password" required />
      </Field>
      <div className="flex items-center justify-between gap-4">
        <SubmitButton pendingLabel={t("signingIn")}>{t("submit")}</SubmitButton>
        <Link href="/forgot-password" className="text-sm font-medium text-brand-700 hover:underline">
          {t("forgot")}
        </Link>
      </div>
    </ActionForm>
  );
}
