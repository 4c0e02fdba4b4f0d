"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState, type ChangeEvent } from "react";
import { Field } from "@/components/ui/field";
import { HiddenFields } from "@/components/ui/hidden-fields";
import { FormMessage } from "@/components/ui/form-message";
import { Input } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { idle, type ActionResult, type FormAction } from "@/lib/http/action-result";
import { ActionForm } from "@/components/ui/action-form";
import { LanguageSelect } from "./language-select";

const empty = { name: "", phone: "", email: "", guardianOf: "", language: "" };

type Props = { add: FormAction; eventId: string; countryHint: string; orgLanguage: string };

/** Creates a person and puts them on this roster. Inputs are controlled so a refused number can be corrected in place. */
export function AddParticipantForm({ add, eventId, countryHint, orgLanguage }: Props) {
  const t = useTranslations("participants.form");
  const [values, setValues] = useState(empty);
  const [state, action] = useActionState(async (previous: ActionResult, form: FormData) => {
    const result = await add(previous, form);
    if (result.ok) setValues(empty);
    return result;
  }, idle);
  const fields = state.ok ? undefined : state.fields;
  const isExplainedInline = Object.keys(fields ?? {}).some((key) => key in empty);
  const bind = (key: keyof typeof empty) => ({
    name: key,
    value: values[key],
    onChange: (e: ChangeEvent<HTMLInputElement | HTMLSelectElement>) => setValues((v) => ({ ...v, [key]: e.target.value })),
  });

  return (
    <ActionForm action={action} result={state} className="space-y-4" noValidate aria-label={t("addLabel")}>
      {/* A refused field explains itself next to the input; the banner is for everything else. */}
      {isExplainedInline ? null : <FormMessage result={state} />}
      <HiddenFields values={{ eventId }} />
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        <Field id="add-name" label={t("name")} required error={fields?.name?.[0]}>
          <Input {...bind("name")} autoComplete="off" placeholder={t("namePlaceholder")} required />
        </Field>
        <Field id="add-phone" label={t("phone")} required hint={countryHint} error={fields?.phone?.[0]}>
          <Input {...bind("phone")} type="tel" autoComplete="off" placeholder={t("phonePlaceholder")} required />
        </Field>
        <Field id="add-email" label={t("email")} error={fields?.email?.[0]}>
          <Input {...bind("email")} type="email" autoComplete="off" placeholder={t("optional")} />
        </Field>
        <Field id="add-guardian" label={t("guardianOf")} hint={t("guardianOfHint")} error={fields?.guardianOf?.[0]}>
          <Input {...bind("guardianOf")} autoComplete="off" placeholder={t("optional")} />
        </Field>
        <Field id="add-language" label={t("language")} hint={t("languageHint")} error={fields?.language?.[0]}>
          <LanguageSelect {...bind("language")} orgLanguage={orgLanguage} />
        </Field>
      </div>
      <SubmitButton pendingLabel={t("adding")}>{t("add")}</SubmitButton>
    </ActionForm>
  );
}
