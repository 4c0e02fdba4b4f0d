"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { ActionForm } from "@/components/ui/action-form";
import { CopyButton } from "@/components/ui/copy-button";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionResult, FormAction } from "@/lib/http/action-result";
import type { ApiKeyRole } from "@/lib/api-keys/schemas";

const initial: ActionResult<{ key: string }> = { ok: true };

type Props = { create: FormAction<{ key: string }>; roles: ApiKeyRole[] };

/** Name and role; the new key is shown here once, with a copy button, and never again. */
export function CreateApiKeyForm({ create, roles }: Props) {
  const t = useTranslations("apiKeys");
  const common = useTranslations("common");
  const [state, action] = useActionState(create, initial);
  const fields = state.ok ? undefined : state.fields;
  return (
    <ActionForm action={action} result={state} className="space-y-4" noValidate>
      <FormMessage result={state} />
      {state.ok && state.data ? (
        <div className="rounded-lg border border-amber-200 bg-amber-50 p-3 text-sm" role="status">
          <p className="mb-2 font-medium text-amber-900">{t("create.copyNow")}</p>
          <div className="flex items-center gap-2">
            <code className="min-w-0 flex-1 truncate rounded bg-white px-2 py-1 font-mono text-xs text-slate-800" data-testid="new-api-key">
              {state.data.key}
            </code>
            <CopyButton value={state.data.key} label={t("create.copy")} />
          </div>
        </div>
      ) : null}
      <div className="grid gap-4 sm:grid-cols-[1fr_12rem_auto] sm:items-end">
        <Field id="api-key-name" label={t("create.name")} error={fields?.name?.[0]}>
          <Input name="name" autoComplete="off" placeholder={t("create.namePlaceholder")} maxLength={80} required />
        </Field>
        <Field id="api-key-role" label={t("create.role")} error={fields?.role?.[0]}>
          <Select name="role" defaultValue="viewer">
            {roles.map((role) => (
              <option key={role} value={role}>
                {common(`roles.${role}`)}
              </option>
            ))}
          </Select>
        </Field>
        <SubmitButton pendingLabel={t("create.creating")}>{t("create.submit")}</SubmitButton>
      </div>
    </ActionForm>
  );
}
