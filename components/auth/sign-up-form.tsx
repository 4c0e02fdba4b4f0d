"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
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
  const t = useTranslations("auth.signUp");
  const [state, action] = useActionState(signUp, idle);
  const fields = state.ok ? undefined : state.fields;
  // The browser knows the organizer's zone; the server render cannot (it renders UTC, then the key remounts).
  const browserZone = useSyncExternalStore(noSubscription, readBrowserZone, () => "UTC");
  const browserRegion = useSyncExternalStore(noSubscription, readBrowserRegion, () => "US");

  if (state.ok && state.message) {
    return (
      <Alert tone="success" title={t("checkInbox")}>
        <p>{state.message}</p>
        {devOutbox ? (
          <p>{t.rich("devOutbox", { outbox: (chunks) => <Link href="/dev/outbox">{chunks}</Link> })}</p>
        ) : (
          <p>{t("nothingYet")}</p>
        )}
      </Alert>
    );
  }

  return (
    <ActionForm action={action} result={state} className="space-y-4" noValidate>
      <FormMessage result={state} />
      <Field id="name" label={t("yourName")} error={fields?.name?.[0]}>
        <Input name="name" autoComplete="name" required />
      </Field>
      <Field id="email" label={t("email")} error={fields?.email?.[0]}>
        <Input
          name="email"
          type="email"
          autoComplete="email"
          required
          defaultValue={invite?.email}
          readOnly={invite !== undefined}
        />
      </Field>
      <Field id="password" label={t("password")} hint={t("passwordHint")} error={fields?.password?.[0]}>
        <Input name="password" type="password" autoComplete="new-password" required minLength={10} />
      </Field>
      {invite ? (
        <input type="hidden" name="inviteToken" value={invite.token} />
      ) : (
        <fieldset className="space-y-4 rounded-xl border border-slate-200 p-4">
          <legend className="px-1 text-sm font-semibold text-slate-900">{t("organization")}</legend>
          <Field id="organizationName" label={t("organizationName")} hint={t("organizationNameHint")} error={fields?.organizationName?.[0]}>
            <Input name="organizationName" autoComplete="organization" required />
          </Field>
          <Field id="organizationType" label={t("organizationType")} error={fields?.organizationType?.[0]}>
            <OrganizationTypeSelect name="organizationType" defaultValue="school" />
          </Field>
          <Field id="timeZone" label={t("timeZone")} hint={t("timeZoneHint")} error={fields?.timeZone?.[0]}>
            <TimeZoneSelect key={browserZone} name="timeZone" defaultValue={browserZone} timeZones={timeZones} />
          </Field>
          <Field
            id="defaultCountry"
            label={t("country")}
            hint={t("countryHint")}
            error={fields?.defaultCountry?.[0]}
          >
            <CountrySelect key={browserRegion} name="defaultCountry" defaultValue={browserRegion} countries={countries} />
          </Field>
        </fieldset>
      )}
      <SubmitButton className="w-full" pendingLabel={t("creating")}>
        {invite ? t("createAndJoin") : t("create")}
      </SubmitButton>
    </ActionForm>
  );
}

const noSubscription = () => () => {};
const readBrowserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
const readBrowserRegion = () => new Intl.Locale(navigator.language).maximize().region ?? "US";
