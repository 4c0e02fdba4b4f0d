"use client";

import { useActionState } from "react";
import { deleteParticipantAction } from "@/app/(dashboard)/[orgSlug]/participants/actions";
import { ConfirmForm } from "@/components/ui/confirm-form";
import { idle } from "@/lib/http/action-result";

export function DeleteParticipantForm({ orgSlug, participantId, name }: { orgSlug: string; participantId: string; name: string }) {
  const [state, action] = useActionState(deleteParticipantAction.bind(null, orgSlug), idle);
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
