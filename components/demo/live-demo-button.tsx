"use client";

import { useActionState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { idle, type FormAction } from "@/lib/http/action-result";
import { DEMO_SPEED_FACTOR, LIVE_DEMO_PARTICIPANTS, LIVE_DEMO_STARTS_IN_MINUTES } from "@/lib/demo/settings";

type Props = { start: FormAction };

/** Embedded demo only: creates an event starting soon with confirmed participants and opens its live map. */
export function LiveDemoButton({ start }: Props) {
  const [result, action] = useActionState(start, idle);
  return (
    <form action={action} className="space-y-2" aria-label="Live demo">
      <FormMessage result={result} />
      <SubmitButton pendingLabel="Starting the demo…">Start a live demo</SubmitButton>
      <p className="text-xs text-slate-500">
        Creates a one-off event starting in {LIVE_DEMO_STARTS_IN_MINUTES} minutes with {LIVE_DEMO_PARTICIPANTS} people
        from your participant list, confirms them and moves them toward the venue with made-up positions at{" "}
        {DEMO_SPEED_FACTOR}× real speed; one of them runs late. Opens its live map.
      </p>
    </form>
  );
}
