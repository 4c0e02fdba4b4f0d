"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { ConfirmForm } from "@/components/ui/confirm-form";
import { HiddenFields } from "@/components/ui/hidden-fields";
import { ResultText } from "@/components/ui/result-text";
import { Select } from "@/components/ui/select";
import { SubmitButton } from "@/components/ui/submit-button";
import { idle, type FormAction } from "@/lib/http/action-result";

type Props = { eventId: string; people: { id: string; label: string }[]; add: FormAction };

export function AddExistingParticipantForm({ eventId, people, add }: Props) {
  const t = useTranslations("roster.addExisting");
  const [state, action] = useActionState(add, idle);
  return (
    <form action={action} className="flex flex-wrap items-end gap-2">
      <HiddenFields values={{ eventId }} />
      <div className="flex min-w-64 flex-1 flex-col gap-1.5">
        <label htmlFor="add-existing" className="text-sm font-medium text-slate-800">
          {t("label")}
        </label>
        <Select id="add-existing" name="participantId" required defaultValue="">
          <option value="" disabled>
            {t("choose")}
          </option>
          {people.map((p) => (
            <option key={p.id} value={p.id}>
              {p.label}
            </option>
          ))}
        </Select>
      </div>
      <SubmitButton variant="secondary" pendingLabel={t("adding")}>
        {t("add")}
      </SubmitButton>
      <ResultText result={state} />
    </form>
  );
}

type RemoveProps = { eventId: string; participantId: string; name: string; remove: FormAction };

export function RemoveFromRosterForm({ eventId, participantId, name, remove }: RemoveProps) {
  const t = useTranslations("roster.remove");
  const [state, action] = useActionState(remove, idle);
  return (
    <ConfirmForm
      action={action}
      result={state}
      fields={{ eventId, participantId }}
      trigger={t("trigger")}
      triggerLabel={t("triggerLabel", { name })}
      question={t("question", { name })}
      confirm={t("confirm")}
      pending={t("pending")}
    />
  );
}
