"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { zoneName } from "@/components/dashboard/format";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { HiddenFields } from "@/components/ui/hidden-fields";
import { Input } from "@/components/ui/input";
import { SubmitButton } from "@/components/ui/submit-button";
import { idle, type FormAction } from "@/lib/http/action-result";

type Props = { instanceId: string; startsLocal: string; timeZone: string; actions: { cancel: FormAction; move: FormAction } };

/** Cancel (with a confirmation step) or move one occurrence. */
export function OccurrenceControls({ instanceId, startsLocal, timeZone, actions }: Props) {
  const t = useTranslations("occurrences.controls");
  const [cancelState, cancel] = useActionState(actions.cancel, idle);
  const [moveState, move] = useActionState(actions.move, idle);
  const [mode, setMode] = useState<"idle" | "cancel" | "move">("idle");
  const moveError = moveState.ok ? undefined : moveState.fields?.startsLocal?.[0];

  return (
    <div className="space-y-3">
      <FormMessage result={cancelState} />
      <FormMessage result={moveState.ok || !moveError ? moveState : { ok: false }} />
      {mode === "idle" ? (
        <div className="flex flex-wrap gap-2">
          <Button variant="secondary" onClick={() => setMode("move")}>
            {t("move")}
          </Button>
          <Button variant="danger" onClick={() => setMode("cancel")}>
            {t("cancel")}
          </Button>
        </div>
      ) : null}
      {mode === "cancel" ? (
        <form action={cancel} className="flex flex-wrap items-center gap-3 rounded-lg border border-red-200 bg-red-50 p-3">
          <HiddenFields values={{ instanceId }} />
          <p className="text-sm text-red-900">{t("cancelQuestion")}</p>
          <SubmitButton variant="danger" size="sm" pendingLabel={t("cancelling")}>
            {t("cancelConfirm")}
          </SubmitButton>
          <Button variant="ghost" size="sm" onClick={() => setMode("idle")}>
            {t("keep")}
          </Button>
        </form>
      ) : null}
      {mode === "move" ? (
        <form action={move} className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-slate-50 p-3">
          <HiddenFields values={{ instanceId }} />
          <Field id="startsLocal" label={t("newStart", { zone: zoneName(timeZone) })} error={moveError}>
            <Input type="datetime-local" name="startsLocal" defaultValue={startsLocal} required />
          </Field>
          <SubmitButton size="sm" pendingLabel={t("moving")}>
            {t("moveConfirm")}
          </SubmitButton>
          <Button variant="ghost" size="sm" onClick={() => setMode("idle")}>
            {t("close")}
          </Button>
        </form>
      ) : null}
    </div>
  );
}
