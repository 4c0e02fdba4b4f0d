"use client";

import { useTranslations } from "next-intl";
import { Select, type SelectProps } from "@/components/ui/select";
import { LOCALE_NAMES, LOCALES, toLocale } from "@/lib/i18n/locales";

/** A Field's control: it passes the id and the hint's and error's aria attributes on to the <select>. */
type Props = Omit<SelectProps, "children"> & { orgLanguage: string };

/**
 * A participant's language: the organization's (blank, so it follows a later change of the organization's), or one
 * of ours by its own name ("Português (Brasil)"), as people look for their language.
 */
export function LanguageSelect({ orgLanguage, ...props }: Props) {
  const t = useTranslations("participants.language");
  return (
    <Select {...props}>
      <option value="">{t("organizationsWithName", { language: LOCALE_NAMES[toLocale(orgLanguage)] })}</option>
      {LOCALES.map((locale) => (
        <option key={locale} value={locale} lang={locale}>
          {LOCALE_NAMES[locale]}
        </option>
      ))}
    </Select>
  );
}
