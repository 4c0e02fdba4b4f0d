"use client";

import { useActionState } from "react";
import { ConfirmForm } from "@/components/ui/confirm-form";
import { idle, type FormAction } from "@/lib/http/action-result";

export function DeleteParticipantForm({ remove, participantId, name }: { remove: FormAction; participantId: string; name: string }) {
  const [state, action] = useActionState(remove, idle);
  return (
    <ConfirmForm
      action={action}
      result={state}
      fields={{ participantId }}
      trigger="Delete"
      triggerLabel={`Delete ${name}`}
      question={`Delete ${name}? This removes them from every roster and deletes their attendance history.`}
      confirm="Yes, delete"
      pending="Deleting…"
    />
  );
}
