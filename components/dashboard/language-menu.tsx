"use client";

import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useActionState, useEffect } from "react";
import { ResultText } from "@/components/ui/result-text";
import { Select } from "@/components/ui/select";
import { idle, type FormAction } from "@/lib/http/action-result";
import { LOCALE_NAMES, LOCALES, type Locale } from "@/lib/i18n/locales";
import { cn } from "@/lib/utils/cn";

type Props = {
  /** The user's own choice; null follows their browser, then the organization. */
  current: Locale | null;
  save: FormAction;
  className?: string;
};

/** The organizer's own dashboard language, saved on their account as soon as it is picked. */
export function LanguageMenu({ current, save, className }: Props) {
  const t = useTranslations("shell.language");
  const router = useRouter();
  const [result, action, pending] = useActionState(save, idle);
  // Saved: the page open now is rendered again in the new language (the others follow on their next visit).
  useEffect(() => {
    if (result !== idle && result.ok) router.refresh();
  }, [result, router]);
  return (
    <form action={action} className={cn("flex min-w-0 items-center gap-2", className)}>
      <Select
        name="language"
        defaultValue={current ?? ""}
        key={current ?? ""}
        disabled={pending}
        aria-label={t("label")}
        title={t("label")}
        wrapperClassName="min-w-0 flex-1"
        className="h-8 text-xs"
        onChange={(event) => event.currentTarget.form?.requestSubmit()}
      >
        <option value="">{t("browserDefault")}</option>
        {LOCALES.map((locale) => (
          <option key={locale} value={locale} lang={locale}>
            {LOCALE_NAMES[locale]}
          </option>
        ))}
      </Select>
      {result.ok ? null : <ResultText result={result} />}
    </form>
  );
}
