"use client";

import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useOptimistic, useState, useTransition } from "react";
import { ChevronDownIcon } from "@/components/ui/icons";
import { idle, type FormAction } from "@/lib/http/action-result";
import { LOCALE_NAMES, LOCALES, type Locale } from "@/lib/i18n/locales";

type Props = {
  token: string;
  action: FormAction<{ language: Locale }, { token: string; language: Locale }>;
};

/**
 * The page's language, in a small select beside the logo; each language is named in its own words. The choice is
 * stored on the participant (their WhatsApp messages follow it too) and the page is rendered again in it: what the
 * person was doing (sharing, the map) carries on.
 */
export function LanguageSwitch({ token, action }: Props) {
  const t = useTranslations("tracking");
  const locale = useLocale();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [shown, show] = useOptimistic(locale);
  const [failed, setFailed] = useState(false);

  const choose = (language: Locale) =>
    startTransition(async () => {
      show(language);
      setFailed(false);
      const result = await action(idle, { token, language }).catch(() => null);
      if (result?.ok) router.refresh();
      else setFailed(true);
    });

  return (
    <div className="flex flex-col items-end">
      <div className="relative">
        {/* A plain select in components/ui's look, without its class merging (see phone-button.tsx). */}
        <select
          aria-label={t("language.label")}
          value={shown}
          disabled={pending}
          onChange={(event) => choose(event.target.value as Locale)}
          data-testid="language-switch"
          className={
            "block h-9 appearance-none rounded-lg border border-slate-200 bg-white pr-8 pl-2.5 text-sm text-slate-700 shadow-xs " +
            "transition-colors hover:border-slate-400 focus-visible:border-brand-600 focus-visible:outline-1 " +
            "focus-visible:outline-offset-0 focus-visible:outline-brand-600 disabled:cursor-wait disabled:text-slate-500"
          }
        >
          {LOCALES.map((l) => (
            <option key={l} value={l} lang={l}>
              {LOCALE_NAMES[l]}
            </option>
          ))}
        </select>
        <ChevronDownIcon size={16} className="pointer-events-none absolute top-1/2 right-2.5 -translate-y-1/2 text-slate-500" />
      </div>
      {failed ? (
        <p role="alert" className="mt-1 max-w-56 text-right text-xs text-red-700">
          {t("language.failed")}
        </p>
      ) : null}
    </div>
  );
}
