"use client";

import Link from "next/link";
import { useTranslations } from "next-intl";
import { useActionState, useState, type ChangeEvent } from "react";
import { Button, buttonClasses } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { PlusIcon, XIcon } from "@/components/ui/icons";
import { Input } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { idle, type FormAction } from "@/lib/http/action-result";
import { METADATA_MAX_KEYS } from "@/lib/participants/schemas";
import { formatPhone } from "./format-phone";
import { LanguageSelect } from "./language-select";
import { ActionForm } from "@/components/ui/action-form";

export type ParticipantFormValues = {
  id: string;
  name: string;
  phone: string;
  email: string | null;
  guardianOf: string | null;
  /** Their own language; null: the organization's. */
  language: string | null;
  metadata: Record<string, string>;
};

type Props = {
  save: FormAction;
  returnTo: string;
  participant: ParticipantFormValues;
  countryHint: string;
  /** The organization's language, which "Organization's language" stands for. */
  orgLanguage: string;
};
type Row = { id: number; key: string; value: string };

/**
 * Edits every field of a person; extra fields (from imports) are key/value rows. Inputs are controlled so a refused
 * value stays on screen to be corrected (React resets uncontrolled fields after each submission).
 */
export function ParticipantForm({ save, returnTo, participant, countryHint, orgLanguage }: Props) {
  const t = useTranslations("participants.form");
  const [state, action] = useActionState(save, idle);
  const fields = state.ok ? undefined : state.fields;
  const metadataError = fields && Object.entries(fields).find(([key]) => key.startsWith("metadata"))?.[1][0];
  const [values, setValues] = useState({
    name: participant.name,
    phone: formatPhone(participant.phone),
    email: participant.email ?? "",
    guardianOf: participant.guardianOf ?? "",
  });
  const bind = (key: keyof typeof values) => ({
    name: key,
    value: values[key],
    onChange: (e: ChangeEvent<HTMLInputElement>) => setValues((v) => ({ ...v, [key]: e.target.value })),
  });
  // Ids, not positions, identify rows, so removing one in the middle keeps the others' inputs in place.
  const [rows, setRows] = useState<Row[]>(() => Object.entries(participant.metadata).map(([key, value], id) => ({ id, key, value })));
  const setRow = (id: number, patch: Partial<Row>) => setRows((r) => r.map((row) => (row.id === id ? { ...row, ...patch } : row)));
  const addRow = () => setRows((r) => [...r, { id: Math.max(-1, ...r.map((row) => row.id)) + 1, key: "", value: "" }]);

  return (
    <ActionForm action={action} result={state} className="space-y-5" noValidate>
      {Object.keys(fields ?? {}).some((key) => key in values || key === "language" || key.startsWith("metadata")) ? null : (
        <FormMessage result={state} />
      )}
      <input type="hidden" name="participantId" value={participant.id} />
      <input type="hidden" name="returnTo" value={returnTo} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="name" label={t("name")} required error={fields?.name?.[0]}>
          <Input {...bind("name")} required />
        </Field>
        <Field id="phone" label={t("phone")} required hint={countryHint} error={fields?.phone?.[0]}>
          <Input {...bind("phone")} type="tel" required />
        </Field>
        <Field id="email" label={t("email")} error={fields?.email?.[0]}>
          <Input {...bind("email")} type="email" />
        </Field>
        <Field id="guardianOf" label={t("guardianOf")} hint={t("guardianOfHint")} error={fields?.guardianOf?.[0]}>
          <Input {...bind("guardianOf")} />
        </Field>
        <Field id="language" label={t("language")} hint={t("languageHint")} error={fields?.language?.[0]}>
          <LanguageSelect name="language" defaultValue={participant.language ?? ""} orgLanguage={orgLanguage} />
        </Field>
      </div>

      <fieldset className="space-y-3 rounded-xl border border-slate-200 p-4">
        <legend className="px-1 text-sm font-semibold text-slate-900">{t("extraFields")}</legend>
        <p className="text-sm text-slate-600">{t("extraFieldsHint")}</p>
        {rows.map((row, i) => (
          <div key={row.id} className="grid grid-cols-[1fr_1.5fr_auto] items-center gap-2">
            <Input
              name="metadataKey"
              value={row.key}
              onChange={(e) => setRow(row.id, { key: e.target.value })}
              placeholder={t("fieldPlaceholder")}
              aria-label={t("fieldLabel", { number: i + 1 })}
            />
            <Input
              name="metadataValue"
              value={row.value}
              onChange={(e) => setRow(row.id, { value: e.target.value })}
              placeholder={t("valuePlaceholder")}
              aria-label={t("valueLabel", { number: i + 1 })}
            />
            <Button
              variant="ghost"
              size="sm"
              onClick={() => setRows((r) => r.filter((x) => x.id !== row.id))}
              aria-label={t("removeField", { field: row.key || String(i + 1) })}
            >
              <XIcon />
            </Button>
          </div>
        ))}
        {metadataError ? (
          <p role="alert" className="text-sm font-medium text-red-700">
            {metadataError}
          </p>
        ) : null}
        {rows.length < METADATA_MAX_KEYS ? (
          <Button variant="secondary" size="sm" onClick={addRow}>
            <PlusIcon /> {t("addField")}
          </Button>
        ) : null}
      </fieldset>

      <div className="flex items-center gap-2">
        <SubmitButton pendingLabel={t("saving")}>{t("save")}</SubmitButton>
        <Link href={returnTo} className={buttonClasses("ghost")}>
          {t("cancel")}
        </Link>
      </div>
    </ActionForm>
  );
}
