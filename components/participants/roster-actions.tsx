"use client";

import { useActionState } from "react";
import {
  addExistingParticipantAction,
  removeFromRosterAction,
} from "@/app/(dashboard)/[orgSlug]/events/[eventId]/roster/actions";
import { ConfirmForm } from "@/components/ui/confirm-form";
import { ResultText } from "@/components/ui/result-text";
import { Select } from "@/components/ui/select";
import { SubmitButton } from "@/components/ui/submit-button";
import { idle } from "@/lib/http/action-result";

type RosterProps = { orgSlug: string; eventId: string };

export function AddExistingParticipantForm({
  orgSlug,
  eventId,
  people,
}: RosterProps & { people: { id: string; label: string }[] }) {
  const [state, action] = useActionState(addExistingParticipantAction.bind(null, orgSlug, eventId), idle);
  return (
    <form action={action} className="flex flex-wrap items-end gap-2">
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

export function RemoveFromRosterForm({ orgSlug, eventId, participantId, name }: RosterProps & { participantId: string; name: string }) {
  const [state, action] = useActionState(removeFromRosterAction.bind(null, orgSlug, eventId), idle);
  return (
    <ConfirmForm
      action={action}
      result={state}
      fields={{ participantId }}
      trigger="Remove"
      triggerLabel={`Remove ${name} from the roster`}
      question={`Remove ${name}? Their upcoming messages stop.`}
      confirm="Yes, remove"
      pending="Removing…"
    />
  );
}
