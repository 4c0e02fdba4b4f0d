"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { HiddenFields } from "@/components/ui/hidden-fields";
import { ResultText } from "@/components/ui/result-text";
import { SubmitButton } from "@/components/ui/submit-button";
import { idle, type FormAction } from "@/lib/http/action-result";
import { DEMO_SPEED_FACTOR } from "@/lib/demo/settings";

type Props = { instanceId: string; start: FormAction };

/** Embedded demo only: moves the occurrence's confirmed participants toward the venue with made-up positions. */
export function SimulateButton({ instanceId, start }: Props) {
  const t = useTranslations("demo.simulate");
  const [result, simulate] = useActionState(start, idle);
  return (
    <form action={simulate} className="space-y-1.5" aria-label={t("label")}>
      <HiddenFields values={{ instanceId }} />
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton variant="secondary" pendingLabel={t("starting")}>
          {t("start")}
        </SubmitButton>
        <ResultText result={result} />
      </div>
      <p className="text-xs text-slate-500">{t("description", { speed: DEMO_SPEED_FACTOR })}</p>
    </form>
  );
}
