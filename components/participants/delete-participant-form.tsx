"use client";

import { useActionState, useState } from "react";
import { deleteParticipantAction } from "@/app/(dashboard)/[orgSlug]/participants/actions";
import { Button } from "@/components/ui/button";
import { SubmitButton } from "@/components/ui/submit-button";
import { idle } from "@/lib/http/action-result";
import { ResultText } from "./result-text";

export function DeleteParticipantForm({ orgSlug, participantId, name }: { orgSlug: string; participantId: string; name: string }) {
  const [state, action] = useActionState(deleteParticipantAction.bind(null, orgSlug), idle);
  const [confirming, setConfirming] = useState(false);
  if (!confirming) {
    return (
      <div className="flex items-center justify-end gap-2">
        <ResultText result={state} />
        <Button variant="ghost" size="sm" onClick={() => setConfirming(true)} aria-label={`Delete ${name}`}>
          Delete
        </Button>
      </div>
    );
  }
  return (
    <form action={action} className="flex items-center justify-end gap-2">
      <input type="hidden" name="participantId" value={participantId} />
      <span className="max-w-72 text-sm whitespace-normal text-slate-700">
        Delete {name}? This removes them from every roster and deletes their attendance history.
      </span>
      <SubmitButton variant="danger" size="sm" pendingLabel="Deleting…">
        Yes, delete
      </SubmitButton>
      <Button variant="ghost" size="sm" onClick={() => setConfirming(false)}>
        Cancel
      </Button>
    </form>
  );
}
