"use client";

import { useActionState } from "react";
import { createOrganizationAction } from "@/app/organizations/new/actions";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { SubmitButton } from "@/components/ui/submit-button";
import { idle } from "@/lib/http/action-result";
import { ORGANIZATION_TYPE_LABELS, ORGANIZATION_TYPES } from "@/lib/organizations/schemas";

export function CreateOrganizationForm({ timeZones, defaultTimeZone }: { timeZones: string[]; defaultTimeZone: string }) {
  const [state, action] = useActionState(createOrganizationAction, idle);
  const fields = state.ok ? undefined : state.fields;
  return (
    <form action={action} className="space-y-4" noValidate>
      <FormMessage result={state} />
      <Field id="name" label="Name" error={fields?.name?.[0]}>
        <Input name="name" required />
      </Field>
      <Field id="type" label="Type" error={fields?.type?.[0]}>
        <Select name="type" defaultValue="school">
          {ORGANIZATION_TYPES.map((type) => (
            <option key={type} value={type}>
              {ORGANIZATION_TYPE_LABELS[type]}
            </option>
          ))}
        </Select>
      </Field>
      <Field id="timeZone" label="Time zone" error={fields?.timeZone?.[0]}>
        <Select name="timeZone" defaultValue={defaultTimeZone}>
          {timeZones.map((zone) => (
            <option key={zone} value={zone}>
              {zone.replaceAll("_", " ")}
            </option>
          ))}
        </Select>
      </Field>
      <SubmitButton pendingLabel="Creating…">Create organization</SubmitButton>
    </form>
  );
}
