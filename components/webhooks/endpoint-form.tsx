"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { ActionForm } from "@/components/ui/action-form";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { Input } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { idle, type FormAction } from "@/lib/http/action-result";
import { WEBHOOK_EVENT_TYPES } from "@/lib/webhooks/event-types";

type Props = {
  save: FormAction;
  submitLabel: string;
  pendingLabel: string;
  /** Keeps field ids unique when several forms are on the page. */
  idPrefix: string;
  /** An existing endpoint's values (editing), or nothing (a new one, every event ticked). */
  endpoint?: { id: string; url: string; description: string; eventTypes: string[] };
};

/** An endpoint's address, description and events, each event with one line saying when it is sent. */
export function EndpointForm({ save, submitLabel, pendingLabel, idPrefix, endpoint }: Props) {
  const t = useTranslations("webhooks");
  const [state, action] = useActionState(save, idle);
  const fields = state.ok ? undefined : state.fields;
  const ticked = new Set(endpoint?.eventTypes ?? WEBHOOK_EVENT_TYPES);
  return (
    <ActionForm action={action} result={state} className="space-y-4" noValidate>
      <FormMessage result={state} />
      {endpoint ? <input type="hidden" name="endpointId" value={endpoint.id} /> : null}
      <div className="grid gap-4 lg:grid-cols-2">
        <Field id={`${idPrefix}-url`} label={t("form.url")} hint={t("form.urlHint")} error={fields?.url?.[0]} required>
          <Input name="url" type="url" inputMode="url" autoComplete="off" defaultValue={endpoint?.url} placeholder={t("form.urlPlaceholder")} />
        </Field>
        <Field id={`${idPrefix}-description`} label={t("form.description")} hint={t("form.descriptionHint")} error={fields?.description?.[0]}>
          <Input name="description" defaultValue={endpoint?.description} maxLength={200} />
        </Field>
      </div>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-900">{t("form.events")}</legend>
        {fields?.eventTypes?.[0] ? <p className="text-sm font-medium text-red-700">{fields.eventTypes[0]}</p> : null}
        <div className="grid gap-2 md:grid-cols-2">
          {WEBHOOK_EVENT_TYPES.map((type) => (
            <label key={type} className="flex items-start gap-2 rounded-md border border-slate-200 px-3 py-2 text-sm hover:bg-slate-50">
              <input type="checkbox" name="eventTypes" value={type} defaultChecked={ticked.has(type)} className="mt-1 size-4 accent-brand-600" />
              <span>
                <code className="font-mono text-xs font-semibold text-slate-900">{type}</code>
                <span className="block text-slate-600">{t(`events.${type}`)}</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      <SubmitButton pendingLabel={pendingLabel}>{submitLabel}</SubmitButton>
    </ActionForm>
  );
}
