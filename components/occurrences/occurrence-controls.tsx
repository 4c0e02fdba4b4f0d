"use client";

import { useActionState, useState } from "react";
import { cancelOccurrenceAction, moveOccurrenceAction } from "@/app/(dashboard)/[orgSlug]/occurrences/actions";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { Input } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { idle } from "@/lib/http/action-result";

type Props = { orgSlug: string; instanceId: string; startsLocal: string; timeZone: string };

/** Cancel (with a confirmation step) or move one occurrence. */
export function OccurrenceControls({ orgSlug, instanceId, startsLocal, timeZone }: Props) {
  const [cancelState, cancel] = useActionState(cancelOccurrenceAction.bind(null, orgSlug, instanceId), idle);
  const [moveState, move] = useActionState(moveOccurrenceAction.bind(null, orgSlug, instanceId), idle);
  const [mode, setMode] = useState<"idle" | "cancel" | "move">("idle");
  const moveError = moveState.ok ? undefined : moveState.fields?.startsLocal?.[0];

  return (
    <div className="space-y-3">
      <FormMessage result={cancelState} />
      <FormMessage result={moveState.ok || !moveError ? moveState : { ok: false }} />
      {mode === "idle" ? (
        <div className="flex flex-wrap gap-2">
          <Button variant="secondary" onClick={() => setMode("move")}>
            Move this occurrence
          </Button>
          <Button variant="danger" onClick={() => setMode("cancel")}>
            Cancel this occurrence
          </Button>
        </div>
      ) : null}
      {mode === "cancel" ? (
        <form action={cancel} className="flex flex-wrap items-center gap-3 rounded-lg border border-red-200 bg-red-50 p-3">
          <p className="text-sm text-red-900">
            Cancel it? Nobody will get its planned messages. Other occurrences stay as they are.
          </p>
          <SubmitButton variant="danger" size="sm" pendingLabel="Cancelling…">
            Yes, cancel it
          </SubmitButton>
          <Button variant="ghost" size="sm" onClick={() => setMode("idle")}>
            Keep it
          </Button>
        </form>
      ) : null}
      {mode === "move" ? (
        <form action={move} className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-slate-50 p-3">
          <Field id="startsLocal" label={`New start (${timeZone.replaceAll("_", " ")})`} error={moveError}>
            <Input type="datetime-local" name="startsLocal" defaultValue={startsLocal} required />
          </Field>
          <SubmitButton size="sm" pendingLabel="Moving…">
            Move
          </SubmitButton>
          <Button variant="ghost" size="sm" onClick={() => setMode("idle")}>
            Close
          </Button>
        </form>
      ) : null}
    </div>
  );
}
