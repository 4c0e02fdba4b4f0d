"use client";

import { useTranslations } from "next-intl";
import { useState, type ReactNode } from "react";
import { Button } from "./button";
import { HiddenFields } from "./hidden-fields";
import { ResultText } from "./result-text";
import { SubmitButton } from "./submit-button";

type Props = {
  /** The form action (usually from useActionState). */
  action: (form: FormData) => void;
  /** The last outcome, shown beside the trigger. */
  result: { ok: boolean; message?: string };
  /** Hidden fields posted with the confirmation, e.g. the id of what is removed. */
  fields: Record<string, string>;
  trigger: string;
  triggerLabel: string;
  question: ReactNode;
  confirm: string;
  pending: string;
};

/** A small destructive action that asks once, in place: "Remove Kim?" → Yes / Cancel. */
export function ConfirmForm({ action, result, fields, trigger, triggerLabel, question, confirm, pending }: Props) {
  const t = useTranslations("common");
  const [confirming, setConfirming] = useState(false);
  if (!confirming) {
    return (
      <div className="flex items-center justify-end gap-2">
        <ResultText result={result} />
        <Button variant="ghost" size="sm" onClick={() => setConfirming(true)} aria-label={triggerLabel}>
          {trigger}
        </Button>
      </div>
    );
  }
  return (
    <form action={action} className="flex items-center justify-end gap-2">
      <HiddenFields values={fields} />
      <span className="max-w-72 text-sm whitespace-normal text-slate-700">{question}</span>
      <SubmitButton variant="danger" size="sm" pendingLabel={pending}>
        {confirm}
      </SubmitButton>
      <Button variant="ghost" size="sm" onClick={() => setConfirming(false)}>
        {t("cancel")}
      </Button>
    </form>
  );
}
