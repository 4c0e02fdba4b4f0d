"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { ActionForm } from "@/components/ui/action-form";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { Input } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { CountrySelect, LanguageSelect, OrganizationTypeSelect, TimeZoneSelect } from "@/components/settings/organization-fields";
import { idle, type FormAction } from "@/lib/http/action-result";
import { localeForCountry, type Locale } from "@/lib/i18n/locales";
import type { Country } from "@/lib/organizations/countries";

type Props = { create: FormAction; timeZones: string[]; defaultTimeZone: string; countries: Country[]; defaultCountry: string };

export function CreateOrganizationForm({ create, timeZones, defaultTimeZone, countries, defaultCountry }: Props) {
  const t = useTranslations("organizations.form");
  const [state, action] = useActionState(create, idle);
  const fields = state.ok ? undefined : state.fields;
  // The language follows the country (Brazil: Português) until the person picks one themselves.
  const [language, setLanguage] = useState<{ value: Locale; chosen: boolean }>({ value: localeForCountry(defaultCountry), chosen: false });
  return (
    <ActionForm action={action} result={state} className="space-y-4" noValidate>
      <FormMessage result={state} />
      <Field id="name" label={t("name")} error={fields?.name?.[0]}>
        <Input name="name" required />
      </Field>
      <Field id="type" label={t("type")} error={fields?.type?.[0]}>
        <OrganizationTypeSelect name="type" defaultValue="school" />
      </Field>
      <Field id="timeZone" label={t("timeZone")} error={fields?.timeZone?.[0]}>
        <TimeZoneSelect name="timeZone" defaultValue={defaultTimeZone} timeZones={timeZones} />
      </Field>
      <Field id="defaultCountry" label={t("country")} error={fields?.defaultCountry?.[0]}>
        <CountrySelect
          name="defaultCountry"
          defaultValue={defaultCountry}
          countries={countries}
          onChange={(e) => {
            const country = e.target.value;
            setLanguage((current) => (current.chosen ? current : { value: localeForCountry(country), chosen: false }));
          }}
        />
      </Field>
      <Field id="language" label={t("language")} hint={t("languageHint")} error={fields?.language?.[0]}>
        <LanguageSelect
          name="language"
          value={language.value}
          onChange={(e) => setLanguage({ value: e.target.value as Locale, chosen: true })}
        />
      </Field>
      <SubmitButton pendingLabel={t("creating")}>{t("create")}</SubmitButton>
    </ActionForm>
  );
}
