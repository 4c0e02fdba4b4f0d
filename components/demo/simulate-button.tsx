"use client";

import { useActionState } from "react";
import { simulateApproachAction } from "@/app/(dashboard)/[orgSlug]/occurrences/[instanceId]/demo-actions";
import { ResultText } from "@/components/ui/result-text";
import { SubmitButton } from "@/components/ui/submit-button";
import { idle } from "@/lib/http/action-result";
import { DEMO_SPEED_FACTOR } from "@/lib/demo/settings";

type Props = { orgSlug: string; instanceId: string };

/** Embedded demo only: moves the occurrence's confirmed participants toward the venue with made-up positions. */
export function SimulateButton({ orgSlug, instanceId }: Props) {
  const [result, simulate] = useActionState(simulateApproachAction.bind(null, orgSlug, instanceId), idle);
  return (
    <form action={simulate} className="space-y-1.5" aria-label="Demo simulator">
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
