import de from "./messages/de.json";
import en from "./messages/en.json";
import es from "./messages/es.json";
import ptBR from "./messages/pt-BR.json";
import type { Locale } from "./locales";

// One catalog per locale (ICU messages, next-intl). English is the reference: the others have exactly its keys,
// which lib/i18n/catalogs.test.ts checks, and the types below are English's.

export type Messages = typeof en;
export type Namespace = keyof Messages;

const CATALOGS = { en, "pt-BR": ptBR, es, de } as Record<Locale, Messages>;

export function messagesFor(locale: Locale): Messages {
  return CATALOGS[locale];
}

/** Only these namespaces, for a client provider: a page ships the words it shows, not the whole app's. */
export function pickMessages<N extends Namespace>(locale: Locale, namespaces: readonly N[]): Pick<Messages, N> {
  const all = messagesFor(locale);
  return Object.fromEntries(namespaces.map((n) => [n, all[n]])) as Pick<Messages, N>;
}
