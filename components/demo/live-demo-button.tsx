"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { idle, type FormAction } from "@/lib/http/action-result";
import { DEMO_SPEED_FACTOR, LIVE_DEMO_PARTICIPANTS, LIVE_DEMO_STARTS_IN_MINUTES } from "@/lib/demo/settings";

type Props = { start: FormAction };

/** Embedded demo only: creates an event starting soon with confirmed participants and opens its live map. */
export function LiveDemoButton({ start }: Props) {
  const t = useTranslations("demo.live");
  const [result, action] = useActionState(start, idle);
  return (
    <form action={action} className="space-y-2" aria-label={t("label")}>
      <FormMessage result={result} />
      <SubmitButton pendingLabel={t("starting")}>{t("start")}</SubmitButton>
      <p className="text-xs text-slate-500">
        {t("description", { minutes: LIVE_DEMO_STARTS_IN_MINUTES, people: LIVE_DEMO_PARTICIPANTS, speed: DEMO_SPEED_FACTOR })}
      </p>
    </form>
  );
}
