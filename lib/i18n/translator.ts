import { createFormatter, createTranslator, type NamespaceKeys, type NestedKeyOf } from "next-intl";
import type { Locale } from "./locales";
import { messagesFor, type Messages } from "./messages";

type TranslatorNamespace = NamespaceKeys<Messages, NestedKeyOf<Messages>>;

/**
 * Words outside a page request (jobs, WhatsApp messages, e-mails): the same catalogs and ICU rules as the pages'
 * `getTranslations`, for a locale the caller chose (the participant's, the recipient's).
 */
export function translatorFor<N extends TranslatorNamespace>(locale: Locale, namespace: N) {
  return createTranslator({ locale, messages: messagesFor(locale), namespace });
}

/** Dates, numbers and relative times in `locale`; pass the event's `timeZone` to every date. */
export function formatterFor(locale: Locale) {
  return createFormatter({ locale, timeZone: "UTC" });
}
