"use client";

import { useActionState } from "react";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { Input } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { CountrySelect, OrganizationTypeSelect, TimeZoneSelect } from "@/components/settings/organization-fields";
import type { Country } from "@/lib/organizations/countries";
import { idle, type FormAction } from "@/lib/http/action-result";
import { ActionForm } from "@/components/ui/action-form";

type Props = { create: FormAction; timeZones: string[]; defaultTimeZone: string; countries: Country[]; defaultCountry: string };

export function CreateOrganizationForm({ create, timeZones, defaultTimeZone, countries, defaultCountry }: Props) {
  const [state, action] = useActionState(create, idle);
  const fields = state.ok ? undefined : state.fields;
  return (
    <ActionForm action={action} result={state} className="space-y-4" noValidate>
      <FormMessage result={state} />
      <Field id="name" label="Name" error={fields?.name?.[0]}>
        <Input name="name" required />
      </Field>
      <Field id="type" label="Type" error={fields?.type?.[0]}>
        <OrganizationTypeSelect name="type" defaultValue="school" />
      </Field>
      <Field id="timeZone" label="Time zone" error={fields?.timeZone?.[0]}>
        <TimeZoneSelect name="timeZone" defaultValue={defaultTimeZone} timeZones={timeZones} />
      </Field>
      <Field id="defaultCountry" label="Country for phone numbers" error={fields?.defaultCountry?.[0]}>
        <CountrySelect name="defaultCountry" defaultValue={defaultCountry} countries={countries} />
      </Field>
      <SubmitButton pendingLabel="Creating…">Create organization</SubmitButton>
    </ActionForm>
  );
}
