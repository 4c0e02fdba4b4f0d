"use client";

import { useActionState } from "react";
import { HiddenFields } from "@/components/ui/hidden-fields";
import { ResultText } from "@/components/ui/result-text";
import { SubmitButton } from "@/components/ui/submit-button";
import { idle, type FormAction } from "@/lib/http/action-result";
import { DEMO_SPEED_FACTOR } from "@/lib/demo/settings";

type Props = { instanceId: string; start: FormAction };

/** Embedded demo only: moves the occurrence's confirmed participants toward the venue with made-up positions. */
export function SimulateButton({ instanceId, start }: Props) {
  const [result, simulate] = useActionState(start, idle);
  return (
    <form action={simulate} className="space-y-1.5" aria-label="Demo simulator">
      <HiddenFields values={{ instanceId }} />
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton variant="secondary" pendingLabel="Starting…">
          Simulate participants approaching
        </SubmitButton>
        <ResultText result={result} />
      </div>
      <p className="text-xs text-slate-500">
        Demo: moves the confirmed participants (while nobody has confirmed: those who have not answered) toward the venue with
        made-up positions at {DEMO_SPEED_FACTOR}× real speed, through new tracking links: links sent earlier stop working.
      </p>
    </form>
  );
}
