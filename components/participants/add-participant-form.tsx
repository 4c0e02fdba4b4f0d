"use client";

import { useActionState, useState, type ChangeEvent } from "react";
import { Field } from "@/components/ui/field";
import { HiddenFields } from "@/components/ui/hidden-fields";
import { FormMessage } from "@/components/ui/form-message";
import { Input } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { idle, type ActionResult, type FormAction } from "@/lib/http/action-result";
import { ActionForm } from "@/components/ui/action-form";

const empty = { name: "", phone: "", email: "", guardianOf: "" };

type Props = { add: FormAction; eventId: string; countryHint: string };

/** Creates a person and puts them on this roster. Inputs are controlled so a refused number can be corrected in place. */
export function AddParticipantForm({ add, eventId, countryHint }: Props) {
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
    onChange: (e: ChangeEvent<HTMLInputElement>) => setValues((v) => ({ ...v, [key]: e.target.value })),
  });

  return (
    <ActionForm action={action} result={state} className="space-y-4" noValidate aria-label="Add participant">
      {/* A refused field explains itself next to the input; the banner is for everything else. */}
      {isExplainedInline ? null : <FormMessage result={state} />}
      <HiddenFields values={{ eventId }} />
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <Field id="add-name" label="Name" required error={fields?.name?.[0]}>
          <Input {...bind("name")} autoComplete="off" placeholder="Kim Weber" required />
        </Field>
        <Field id="add-phone" label="Phone" required hint={countryHint} error={fields?.phone?.[0]}>
          <Input {...bind("phone")} type="tel" autoComplete="off" placeholder="0151 23456789" required />
        </Field>
        <Field id="add-email" label="E-mail" error={fields?.email?.[0]}>
          <Input {...bind("email")} type="email" autoComplete="off" placeholder="Optional" />
        </Field>
        <Field id="add-guardian" label="Guardian of" hint="For parents: the child's name." error={fields?.guardianOf?.[0]}>
          <Input {...bind("guardianOf")} autoComplete="off" placeholder="Optional" />
        </Field>
      </div>
      <SubmitButton pendingLabel="Adding…">Add participant</SubmitButton>
    </ActionForm>
  );
}
