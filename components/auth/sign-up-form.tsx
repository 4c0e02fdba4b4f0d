"use client";

import Link from "next/link";
import { useActionState, useSyncExternalStore } from "react";
import { Alert } from "@/components/ui/alert";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { Input } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { CountrySelect, OrganizationTypeSelect, TimeZoneSelect } from "@/components/settings/organization-fields";
import type { Country } from "@/lib/organizations/countries";
import { idle, type FormAction } from "@/lib/http/action-result";
import { ActionForm } from "@/components/ui/action-form";

type Props = {
  signUp: FormAction;
  timeZones: string[];
  countries: Country[];
  invite?: { token: string; email: string };
  /** Embedded mode: e-mails are kept in the dev outbox instead of sent. */
  devOutbox?: boolean;
};

export function SignUpForm({ signUp, timeZones, countries, invite, devOutbox }: Props) {
  const [state, action] = useActionState(signUp, idle);
  const fields = state.ok ? undefined : state.fields;
  // The browser knows the organizer's zone; the server render cannot (it renders UTC, then the key remounts).
  const browserZone = useSyncExternalStore(noSubscription, readBrowserZone, () => "UTC");
  const browserRegion = useSyncExternalStore(noSubscription, readBrowserRegion, () => "US");

  if (state.ok && state.message) {
    return (
      <Alert tone="success" title="Check your inbox">
        <p>{state.message}</p>
        {devOutbox ? (
          <p>
            No mail server is set up here, so the e-mail waits in the <Link href="/dev/outbox">dev outbox</Link>.
          </p>
        ) : (
          <p>Nothing after a few minutes? Look in the spam folder, or sign in to have it sent again.</p>
        )}
      </Alert>
    );
  }

  return (
    <ActionForm action={action} result={state} className="space-y-4" noValidate>
      <FormMessage result={state} />
      <Field id="name" label="Your name" error={fields?.name?.[0]}>
        <Input name="name" autoComplete="name" required />
      </Field>
      <Field id="email" label="E-mail" error={fields?.email?.[0]}>
        <Input
          name="email"
          type="email"
          autoComplete="email"
          required
          defaultValue={invite?.email}
          readOnly={invite !== undefined}
        />
      </Field>
      <Field id="password" label="Password" hint="At least 10 characters." error={fields?.password?.[0]}>
        <Input name="password" type="password" autoComplete="new-password" required minLength={10} />
      </Field>
      {invite ? (
        <input type="hidden" name="inviteToken" value={invite.token} />
      ) : (
        <fieldset className="space-y-4 rounded-xl border border-slate-200 p-4">
          <legend className="px-1 text-sm font-semibold text-slate-900">Your organization</legend>
          <Field id="organizationName" label="Name" hint="e.g. Maple Grove School" error={fields?.organizationName?.[0]}>
            <Input name="organizationName" autoComplete="organization" required />
          </Field>
          <Field id="organizationType" label="Type" error={fields?.organizationType?.[0]}>
            <OrganizationTypeSelect name="organizationType" defaultValue="school" />
          </Field>
          <Field id="timeZone" label="Time zone" hint="Event times are shown in this zone." error={fields?.timeZone?.[0]}>
            <TimeZoneSelect key={browserZone} name="timeZone" defaultValue={browserZone} timeZones={timeZones} />
          </Field>
          <Field
            id="defaultCountry"
            label="Country for phone numbers"
            hint="Numbers your participants give without +country code are read as this country's."
            error={fields?.defaultCountry?.[0]}
          >
            <CountrySelect key={browserRegion} name="defaultCountry" defaultValue={browserRegion} countries={countries} />
          </Field>
        </fieldset>
      )}
      <SubmitButton className="w-full" pendingLabel="Creating your account…">
        {invite ? "Create account and join" : "Create account"}
      </SubmitButton>
    </ActionForm>
  );
}

const noSubscription = () => () => {};
const readBrowserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
const readBrowserRegion = () => new Intl.Locale(navigator.language).maximize().region ?? "US";
