"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { CopyButton } from "@/components/ui/copy-button";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionResult, FormAction } from "@/lib/http/action-result";
import { ROLES, type Role } from "@/lib/tenant/roles";
import { ActionForm } from "@/components/ui/action-form";

const initial: ActionResult<{ link: string }> = { ok: true };

type Props = { invite: FormAction<{ link: string }>; assignableRoles: Role[] };

export function InviteMemberForm({ invite, assignableRoles }: Props) {
  const t = useTranslations("members");
  const [state, action] = useActionState(invite, initial);
  const fields = state.ok ? undefined : state.fields;
  return (
    <ActionForm action={action} result={state} className="space-y-4" noValidate>
      <FormMessage result={state} />
      {state.ok && state.data ? (
        <div className="rounded-lg border border-slate-200 bg-slate-50 p-3 text-sm">
          <p className="mb-2 text-slate-700">{t("invite.shareLink")}</p>
          <div className="flex items-center gap-2">
            <code className="min-w-0 flex-1 truncate rounded bg-white px-2 py-1 text-xs text-slate-800" data-testid="invite-link">
              {state.data.link}
            </code>
            <CopyButton value={state.data.link} label={t("invite.copyLink")} />
          </div>
        </div>
      ) : null}
      <div className="grid gap-4 sm:grid-cols-[1fr_12rem_auto] sm:items-end">
        <Field id="invite-email" label={t("invite.email")} error={fields?.email?.[0]}>
          <Input name="email" type="email" autoComplete="off" placeholder={t("invite.emailPlaceholder")} required />
        </Field>
        <Field id="invite-role" label={t("invite.role")} error={fields?.role?.[0]}>
          <Select name="role" defaultValue="staff">
            {ROLES.filter((role) => assignableRoles.includes(role)).map((role) => (
              <option key={role} value={role}>
                {t("role", { role })}
              </option>
            ))}
          </Select>
        </Field>
        <SubmitButton pendingLabel={t("invite.sending")}>{t("invite.send")}</SubmitButton>
      </div>
    </ActionForm>
  );
}
