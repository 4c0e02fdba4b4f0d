"use client";

import { useActionState } from "react";
import { acceptInvitationAction } from "@/app/(auth)/invite/[token]/actions";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { idle } from "@/lib/http/action-result";

export function AcceptInvitationForm({ token }: { token: string }) {
  const [state, action] = useActionState(acceptInvitationAction.bind(null, token), idle);
  return (
    <form action={action} className="space-y-4">
      <FormMessage result={state} />
      <SubmitButton pendingLabel="Joining…">Accept invitation</SubmitButton>
    </form>
  );
}
