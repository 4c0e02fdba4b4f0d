"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { ActionForm } from "@/components/ui/action-form";
import { Input } from "@/components/ui/input";
import { ResultText } from "@/components/ui/result-text";
import { SectionCard } from "@/components/ui/section-card";
import { SubmitButton } from "@/components/ui/submit-button";
import { idle, type FormAction } from "@/lib/http/action-result";
import { LOCALE_NAMES, type Locale } from "@/lib/i18n/locales";
import type { Translator } from "@/lib/i18n/translator-type";
import type { TemplateKind, TemplateLanguage, TemplateSetting } from "@/lib/whatsapp/template-preview";

type Props = { save: FormAction; languages: TemplateLanguage[] };

/**
 * Settings → WhatsApp templates: for each language in use (the organization's, then its participants'), each message
 * kind's approved template name and language code, and what a participant of that language sees.
 */
export function WhatsAppTemplatesCard({ save, languages }: Props) {
  const t = useTranslations("whatsappTemplates");
  return (
    <SectionCard title={t("title")} description={t("description")}>
      <WhatsAppTemplates save={save} languages={languages} />
    </SectionCard>
  );
}

function WhatsAppTemplates({ save, languages }: Props) {
  const t = useTranslations("whatsappTemplates");
  const [selected, setSelected] = useState<Locale | undefined>(languages[0]?.locale);
  const shown = languages.find((l) => l.locale === selected) ?? languages[0];
  if (!shown) return null;
  return (
    <div className="space-y-4">
      <div role="group" aria-label={t("languages")} className="flex flex-wrap items-center gap-2">
        {languages.map((language) => (
          <button
            key={language.locale}
            type="button"
            aria-pressed={language.locale === shown.locale}
            onClick={() => setSelected(language.locale)}
            className="rounded-lg border border-slate-200 px-3 py-1.5 text-left text-sm text-slate-700 hover:bg-slate-50 aria-pressed:border-brand-600 aria-pressed:bg-brand-50 aria-pressed:text-brand-900"
          >
            <span lang={language.locale} className="block font-medium">
              {LOCALE_NAMES[language.locale]}
            </span>
            <span className="block text-xs text-slate-500">
              {language.isOrganization ? `${t("organizationLanguage")} · ` : ""}
              {language.inUse ? t("participantCount", { count: language.participants }) : t("notInUse")}
            </span>
          </button>
        ))}
      </div>
      <p className="text-xs text-slate-500">{t("otherLanguages")}</p>
      <div className="divide-y divide-slate-100">
        {shown.templates.map((setting) => (
          <TemplateRow key={`${shown.locale}-${setting.kind}`} save={save} locale={shown.locale} setting={setting} />
        ))}
      </div>
    </div>
  );
}

function TemplateRow({ save: saveAction, locale, setting }: { save: FormAction; locale: Locale; setting: TemplateSetting }) {
  const t = useTranslations("whatsappTemplates");
  const format = useFormatter();
  const [result, save] = useActionState(saveAction, idle);
  const kind = kindLabel(t, setting.kind);
  const failed = (field: string) => !result.ok && "fields" in result && Boolean(result.fields?.[field]?.length);
  const state = setting.configured
    ? t("state.configured")
    : setting.fallbackLocale
      ? t("state.fallback", { language: format.displayName(setting.fallbackLocale, { type: "language" }) })
      : t("state.default");
  const language = format.displayName(locale, { type: "language" });
  return (
    <section aria-label={t("rowLabel", { kind, language })} className="grid gap-4 py-4 first:pt-0 last:pb-0 md:grid-cols-[minmax(0,1fr)_20rem]">
      <ActionForm action={save} result={result} className="space-y-2">
        <input type="hidden" name="kind" value={setting.kind} />
        <input type="hidden" name="locale" value={locale} />
        <h3 className="text-sm font-semibold text-slate-900">
          {kind} <span className="font-normal text-slate-500">· {state}</span>
        </h3>
        <div className="grid grid-cols-[minmax(0,1fr)_8rem] gap-2">
          <label className="space-y-1">
            <span className="text-xs text-slate-600">{t("templateName")}</span>
            <Input
              name="templateName"
              defaultValue={setting.configured ? setting.templateName : ""}
              placeholder={setting.templateName}
              aria-invalid={failed("templateName")}
            />
          </label>
          <label className="space-y-1">
            <span className="text-xs text-slate-600">{t("languageCode")}</span>
            <Input name="language" defaultValue={setting.suggestedLanguage} aria-invalid={failed("language")} />
          </label>
        </div>
        {failed("templateName") ? <p className="text-sm text-red-700">{t("errors.templateName")}</p> : null}
        {failed("language") ? <p className="text-sm text-red-700">{t("errors.languageCode")}</p> : null}
        <div className="flex flex-wrap items-center gap-3">
          <SubmitButton variant="secondary" size="sm" pendingLabel={t("saving")}>
            {t("save")}
          </SubmitButton>
          <ResultText result={result} />
        </div>
      </ActionForm>
      <figure aria-label={t("previewLabel", { kind })} lang={locale} className="rounded-2xl bg-[#e7f3ea] p-3 text-sm">
        <div className="rounded-xl bg-white px-3 py-2 break-words text-slate-900 shadow-xs">{setting.preview.body}</div>
        {setting.preview.buttons.map((button) => (
          <div key={button} className="mt-1 rounded-xl bg-white px-3 py-1.5 text-center font-medium text-sky-700 shadow-xs">
            {button}
          </div>
        ))}
      </figure>
    </section>
  );
}

function kindLabel(t: Translator<"whatsappTemplates">, kind: TemplateKind): string {
  switch (kind) {
    case "confirmation":
      return t("kinds.confirmation");
    case "reminder":
      return t("kinds.reminder");
    case "tracking_link":
      return t("kinds.trackingLink");
    case "closure":
      return t("kinds.closure");
  }
}
