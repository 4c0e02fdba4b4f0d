"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { ActionForm } from "@/components/ui/action-form";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { Input } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { CountrySelect, LanguageSelect, OrganizationTypeSelect, TimeZoneSelect } from "@/components/settings/organization-fields";
import type { Country } from "@/lib/organizations/countries";
import { idle, type FormAction } from "@/lib/http/action-result";
import { MAX_RETENTION_DAYS, MIN_RETENTION_DAYS } from "@/lib/organizations/schemas";

type Props = {
  save: FormAction;
  timeZones: string[];
  countries: Country[];
  org: {
    name: string;
    type: string;
    timeZone: string;
    defaultCountry: string;
    language: string;
    whatsappPhoneNumberId: string | null;
    locationRetentionDays: number;
  };
};

export function OrganizationSettingsForm({ save, timeZones, countries, org }: Props) {
  const t = useTranslations("settings.form");
  const [state, action] = useActionState(save, idle);
  const fields = state.ok ? undefined : state.fields;
  // Controlled, so a refused number stays in the box next to its error instead of snapping back when React resets the form.
  const [retentionDays, setRetentionDays] = useState(String(org.locationRetentionDays));
  return (
    <ActionForm action={action} result={state} className="space-y-4" noValidate>
      <FormMessage result={state} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="name" label={t("name")} error={fields?.name?.[0]}>
          <Input name="name" defaultValue={org.name} required />
        </Field>
        <Field id="type" label={t("type")} error={fields?.type?.[0]}>
          <OrganizationTypeSelect name="type" defaultValue={org.type} />
        </Field>
        <Field id="timeZone" label={t("timeZone")} hint={t("timeZoneHint")} error={fields?.timeZone?.[0]}>
          <TimeZoneSelect name="timeZone" defaultValue={org.timeZone} timeZones={timeZones} />
        </Field>
        <Field id="defaultCountry" label={t("defaultCountry")} hint={t("defaultCountryHint")} error={fields?.defaultCountry?.[0]}>
          <CountrySelect name="defaultCountry" defaultValue={org.defaultCountry} countries={countries} />
        </Field>
        <Field id="language" label={t("language")} hint={t("languageHint")} error={fields?.language?.[0]}>
          <LanguageSelect name="language" defaultValue={org.language} />
        </Field>
        <Field
          id="whatsappPhoneNumberId"
          label={t("whatsappPhoneNumberId")}
          hint={t("whatsappPhoneNumberIdHint")}
          error={fields?.whatsappPhoneNumberId?.[0]}
        >
          <Input name="whatsappPhoneNumberId" defaultValue={org.whatsappPhoneNumberId ?? ""} inputMode="numeric" />
        </Field>
        <Field
          id="locationRetentionDays"
          label={t("retention")}
          hint={t("retentionHint", { min: MIN_RETENTION_DAYS, max: MAX_RETENTION_DAYS })}
          error={fields?.locationRetentionDays?.[0]}
        >
          {(control) => (
            <div className="flex items-center gap-2">
              <Input
                {...control}
                name="locationRetentionDays"
                type="number"
                inputMode="numeric"
                min={MIN_RETENTION_DAYS}
                max={MAX_RETENTION_DAYS}
                step={1}
                value={retentionDays}
                onChange={(e) => setRetentionDays(e.target.value)}
                className="w-28"
              />
              <span className="text-sm text-slate-700">{t("days", { count: Number(retentionDays) || 0 })}</span>
            </div>
          )}
        </Field>
      </div>
      <SubmitButton pendingLabel={t("saving")}>{t("save")}</SubmitButton>
    </ActionForm>
  );
}
