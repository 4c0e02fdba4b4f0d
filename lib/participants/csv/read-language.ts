import { LOCALES, type Locale } from "@/lib/i18n/locales";

// Client-safe and pure: a `language` cell of an imported file as people fill it in.

/** "Português (Brasil)" → "portugues brasil". */
function fold(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase()
    .replace(/[^a-z]+/g, " ")
    .trim();
}

const names = (locale: Locale, words: string) => words.split(",").map((word) => [word, locale] as const);

// Each language by its own name, its English name and its names in the other three (and French, a common neighbour).
const BY_NAME = new Map<string, Locale>([
  ...names("en", "english,ingles,englisch,anglais"),
  ...names(
    "pt-BR",
    "portugues,portugues brasil,portugues do brasil,portugues brasileiro,portuguese,brazilian portuguese," +
      "portuguese brazil,portugiesisch,brasilianisches portugiesisch,portugais",
  ),
  ...names("es", "espanol,spanish,spanisch,espanhol,castellano,castelhano,espagnol"),
  ...names("de", "deutsch,german,alemao,aleman,allemand"),
]);

// A language tag ("pt", "pt-BR", "es_MX", "de-AT") stands for our locale of the same language.
const TAG = /^([a-z]{2,3})(?:[-_][a-z0-9]{1,8})*$/i;

/**
 * The locale a cell names: a tag of one of our languages (any region: "pt-PT" and "pt" are pt-BR), or a language's
 * name in one of them ("Português", "Deutsch", "Spanish"), case and accents ignored. An empty cell is null (the
 * organization's language); anything else is undefined, which the import reports as an error.
 */
export function readLanguage(cell: string): Locale | null | undefined {
  const text = cell.trim();
  if (text === "") return null;
  const tag = TAG.exec(text)?.[1]?.toLowerCase();
  const byTag = tag ? LOCALES.find((locale) => locale.split("-")[0] === tag) : undefined;
  return byTag ?? BY_NAME.get(fold(text));
}
