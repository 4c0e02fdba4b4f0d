"use client";

import { useActionState } from "react";
import { confirmEmailAction } from "@/app/(auth)/actions";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { idle } from "@/lib/http/action-result";

export function ConfirmEmailForm({ token }: { token: string }) {
  const [state, action] = useActionState(confirmEmailAction.bind(null, token), idle);
  return (
    <form action={action} className="space-y-4">
      <FormMessage result={state} />
      <SubmitButton className="w-full" pendingLabel="Confirming…">
        Confirm and continue
      </SubmitButton>
    </form>
  );
}
