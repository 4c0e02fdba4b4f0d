// Languages: the locales, the catalogs, and translators for code that runs outside a page request.
// Client components import the client-safe files directly (`@/lib/i18n/locales`), never this entry: it loads every
// catalog. (No `server-only` marker: scripts such as db:seed run this code under plain Node.)
export {
  DEFAULT_LOCALE,
  LOCALES,
  LOCALE_NAMES,
  distanceUnitsFor,
  isLocale,
  localeForCountry,
  negotiateLocale,
  toLocale,
  type DistanceUnits,
  type Locale,
} from "./locales";
export { formatDistance } from "./format";
export { messagesFor, pickMessages, type Messages, type Namespace } from "./messages";
export { formatterFor, translatorFor } from "./translator";
export type { Translator } from "./translator-type";
