import { eq, and } from "drizzle-orm";
import { getDb, schema } from "@/lib/database";
import { toLocale, type Locale } from "@/lib/i18n";

const { messageTemplates } = schema;

/** The message kinds a scheduled action sends: each is named after the action that sends it. */
export type OutboundKind = "confirmation" | "reminder" | "tracking_link" | "closure";

export type TemplateChoice = {
  templateName: string;
  language: string;
  /** The language the template is written in: its parameters (the start's date and time) are formatted in it. */
  locale: Locale;
  configured: boolean;
};

/**
 * What an organization must have approved in WhatsApp Manager when it keeps our default names, in the language of
 * each of its participants (docs/whatsapp-templates.md has the bodies in every language). Body parameters are
 * positional ({{1}}, {{2}}, …) and must match the approved template exactly.
 *   event_confirmation: body {{1}} name, {{2}} event, {{3}} start ("Mon, Jan 7, 7:30 AM"), {{4}} venue;
 *                       quick replies 0 confirm, 1 decline, 2 stop messages.
 *   event_reminder:     body {{1}} name, {{2}} event, {{3}} start, {{4}} venue.
 *   event_tracking_link: body {{1}} name, {{2}} event, {{3}} start; URL button 0 with base URL "<APP_URL>/t/{{1}}".
 *   event_closure:      body {{1}} name, {{2}} event. Sent only when the organization configured it (a thank-you).
 */
export const DEFAULT_TEMPLATE_NAMES: Record<OutboundKind, string> = {
  confirmation: "event_confirmation",
  reminder: "event_reminder",
  tracking_link: "event_tracking_link",
  closure: "event_closure",
};

/** WhatsApp's language code for a template in each of our languages (Meta's list: en, en_US, pt_BR, es, es_MX, de…). */
export const META_LANGUAGE_CODES: Record<Locale, string> = { en: "en", "pt-BR": "pt_BR", es: "es", de: "de" };

/** Our default for a kind in a language: the default name, in that language's code. */
export function defaultTemplate(kind: OutboundKind, locale: Locale): { templateName: string; language: string } {
  return { templateName: DEFAULT_TEMPLATE_NAMES[kind], language: META_LANGUAGE_CODES[locale] };
}

type Row = { locale: string; templateName: string; language: string };

/**
 * The template a participant of this language gets: the one mapped to their language, else the one mapped to the
 * organization's language, else our default name in the organization's language (marked not configured). The
 * organization's language is the fallback because it is the one language an organization surely approved.
 */
export function chooseTemplate(rows: readonly Row[], kind: OutboundKind, locale: Locale, organizationLocale: Locale): TemplateChoice {
  const row = rows.find((r) => r.locale === locale) ?? rows.find((r) => r.locale === organizationLocale);
  return row
    ? { templateName: row.templateName, language: row.language, locale: toLocale(row.locale, organizationLocale), configured: true }
    : { ...defaultTemplate(kind, organizationLocale), locale: organizationLocale, configured: false };
}

export type TemplateChoices = {
  /**
   * The organization mapped a template to this kind in its own language, which every participant can fall back to.
   * The closure's thank-you is sent only then.
   */
  configured: boolean;
  /** The template for a participant whose language is `locale`. */
  choose(locale: Locale): TemplateChoice;
};

/** The organization's templates for one kind, in every language it mapped. */
export async function getTemplateChoices(organizationId: string, organizationLocale: Locale, kind: OutboundKind): Promise<TemplateChoices> {
  const rows = await getDb()
    .select({ locale: messageTemplates.locale, templateName: messageTemplates.templateName, language: messageTemplates.language })
    .from(messageTemplates)
    .where(and(eq(messageTemplates.organizationId, organizationId), eq(messageTemplates.kind, kind)));
  return {
    configured: rows.some((r) => r.locale === organizationLocale),
    choose: (locale) => chooseTemplate(rows, kind, locale, organizationLocale),
  };
}
