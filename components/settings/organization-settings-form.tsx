"use client";

import { useActionState, useState } from "react";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { Input } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { CountrySelect, OrganizationTypeSelect, TimeZoneSelect } from "@/components/settings/organization-fields";
import type { Country } from "@/lib/organizations/countries";
import { idle, type FormAction } from "@/lib/http/action-result";
import { MAX_RETENTION_DAYS, MIN_RETENTION_DAYS } from "@/lib/organizations/schemas";
import { ActionForm } from "@/components/ui/action-form";

type Props = {
  save: FormAction;
  timeZones: string[];
  countries: Country[];
  org: {
    name: string;
    type: string;
    timeZone: string;
    defaultCountry: string;
    whatsappPhoneNumberId: string | null;
    locationRetentionDays: number;
  };
};

export function OrganizationSettingsForm({ save, timeZones, countries, org }: Props) {
  const [state, action] = useActionState(save, idle);
  const fields = state.ok ? undefined : state.fields;
  // Controlled, so a refused number stays in the box next to its error instead of snapping back when React resets the form.
  const [retentionDays, setRetentionDays] = useState(String(org.locationRetentionDays));
  return (
    <ActionForm action={action} result={state} className="space-y-4" noValidate>
      <FormMessage result={state} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="name" label="Name" error={fields?.name?.[0]}>
          <Input name="name" defaultValue={org.name} required />
        </Field>
        <Field id="type" label="Type" error={fields?.type?.[0]}>
          <OrganizationTypeSelect name="type" defaultValue={org.type} />
        </Field>
        <Field id="timeZone" label="Time zone" hint="New events start in this zone." error={fields?.timeZone?.[0]}>
          <TimeZoneSelect name="timeZone" defaultValue={org.timeZone} timeZones={timeZones} />
        </Field>
        <Field
          id="defaultCountry"
          label="Default country for phone numbers"
          hint="Numbers typed without +country code are read as this country's."
          error={fields?.defaultCountry?.[0]}
        >
          <CountrySelect name="defaultCountry" defaultValue={org.defaultCountry} countries={countries} />
        </Field>
        <Field
          id="whatsappPhoneNumberId"
          label="WhatsApp phone number id"
          hint="From Meta's WhatsApp Manager. Leave empty until your number is set up."
          error={fields?.whatsappPhoneNumberId?.[0]}
        >
          <Input name="whatsappPhoneNumberId" defaultValue={org.whatsappPhoneNumberId ?? ""} inputMode="numeric" />
        </Field>
        <Field
          id="locationRetentionDays"
          label="Keep location history for"
          hint={`${MIN_RETENTION_DAYS}–${MAX_RETENTION_DAYS} days. Older raw location points are deleted automatically; arrival times and check-ins are kept.`}
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
              <span className="text-sm text-slate-700">days</span>
            </div>
          )}
        </Field>
      </div>
      <SubmitButton pendingLabel="Saving…">Save settings</SubmitButton>
    </ActionForm>
  );
}
