"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";

/** The signing secret, hidden until asked for (someone may be watching the screen), and copyable either way. */
export function SecretField({ secret }: { secret: string }) {
  const t = useTranslations("webhooks.endpoint");
  const [shown, setShown] = useState(false);
  return (
    <div className="flex flex-wrap items-center gap-2">
      <span className="text-sm font-medium text-slate-700">{t("secret")}</span>
      <code className="min-w-0 max-w-full flex-1 truncate rounded bg-slate-100 px-2 py-1 font-mono text-xs text-slate-800" data-testid="webhook-secret">
        {shown ? secret : `whsec_${"•".repeat(24)}`}
      </code>
      <Button variant="ghost" size="sm" onClick={() => setShown(!shown)} aria-pressed={shown}>
        {shown ? t("hide") : t("reveal")}
      </Button>
      <CopyButton value={secret} label={t("copySecret")} />
    </div>
  );
}
