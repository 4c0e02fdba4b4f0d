"use client";

import { useActionState } from "react";
import { ConfirmForm } from "@/components/ui/confirm-form";
import { HiddenFields } from "@/components/ui/hidden-fields";
import { ResultText } from "@/components/ui/result-text";
import { Select } from "@/components/ui/select";
import { SubmitButton } from "@/components/ui/submit-button";
import { idle, type FormAction } from "@/lib/http/action-result";

type Props = { eventId: string; people: { id: string; label: string }[]; add: FormAction };

export function AddExistingParticipantForm({ eventId, people, add }: Props) {
  const [state, action] = useActionState(add, idle);
  return (
    <form action={action} className="flex flex-wrap items-end gap-2">
      <HiddenFields values={{ eventId }} />
      <div className="flex min-w-64 flex-1 flex-col gap-1.5">
        <label htmlFor="add-existing" className="text-sm font-medium text-slate-800">
          Someone already in your organization
        </label>
        <Select id="add-existing" name="participantId" required defaultValue="">
          <option value="" disabled>
            Choose a person…
          </option>
          {people.map((p) => (
            <option key={p.id} value={p.id}>
              {p.label}
            </option>
          ))}
        </Select>
      </div>
      <SubmitButton variant="secondary" pendingLabel="Adding…">
        Add to roster
      </SubmitButton>
      <ResultText result={state} />
    </form>
  );
}

type RemoveProps = { eventId: string; participantId: string; name: string; remove: FormAction };

export function RemoveFromRosterForm({ eventId, participantId, name, remove }: RemoveProps) {
  const [state, action] = useActionState(remove, idle);
  return (
    <ConfirmForm
      action={action}
      result={state}
      fields={{ eventId, participantId }}
      trigger="Remove"
      triggerLabel={`Remove ${name} from the roster`}
      question={`Remove ${name}? Their upcoming messages stop.`}
      confirm="Yes, remove"
      pending="Removing…"
    />
  );
}
