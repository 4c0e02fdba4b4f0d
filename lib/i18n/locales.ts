// The languages the app speaks, and how one is chosen for a person who has not chosen.

export const LOCALES = ["en", "pt-BR", "es", "de"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";

/** Each language in its own words, for language pickers (never translated). */
export const LOCALE_NAMES: Record<Locale, string> = {
  en: "English",
  "pt-BR": "Português (Brasil)",
  es: "Español",
  de: "Deutsch",
};

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/** A stored or submitted value as a locale; anything else (null, a language since removed) is the fallback. */
export function toLocale(value: string | null | undefined, fallback: Locale = DEFAULT_LOCALE): Locale {
  return isLocale(value) ? value : fallback;
}

// Countries whose organizations start in a language other than English. Kept in step with migration 0012's backfill.
const COUNTRY_LOCALES: Record<string, Locale> = {
  ...Object.fromEntries(["BR", "PT", "AO", "MZ"].map((c) => [c, "pt-BR" as const])),
  ...Object.fromEntries(
    ["ES", "MX", "AR", "CO", "CL", "PE", "VE", "EC", "GT", "CU", "BO", "DO", "HN", "PY", "SV", "NI", "CR", "PA", "UY", "PR", "GQ"].map(
      (c) => [c, "es" as const],
    ),
  ),
  ...Object.fromEntries(["DE", "AT", "CH", "LI"].map((c) => [c, "de" as const])),
};

/** The language a new organization in this country (ISO 3166 alpha-2) starts with. */
export function localeForCountry(country: string): Locale {
  return COUNTRY_LOCALES[country.toUpperCase()] ?? DEFAULT_LOCALE;
}

/**
 * The best of our locales for an `Accept-Language` header ("pt-PT,pt;q=0.9,en;q=0.5" → pt-BR), or null when it names
 * none of them. An exact tag wins over a shared language; higher q-values first, then the order given.
 */
export function negotiateLocale(acceptLanguage: string | null | undefined): Locale | null {
  if (!acceptLanguage) return null;
  const ranges = acceptLanguage
    .slice(0, 512)
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      const quality = q ? Number(q.slice(2)) : 1;
      return { tag: tag.trim().toLowerCase(), quality: Number.isFinite(quality) ? quality : 0, index };
    })
    .filter((r) => r.tag && r.tag !== "*" && r.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  for (const { tag } of ranges) {
    const exact = LOCALES.find((l) => l.toLowerCase() === tag);
    if (exact) return exact;
    const language = tag.split("-")[0];
    const shared = LOCALES.find((l) => l.split("-")[0]!.toLowerCase() === language);
    if (shared) return shared;
  }
  return null;
}

/** Countries that measure road distances in miles and feet. */
const IMPERIAL_COUNTRIES = new Set(["US", "GB", "LR", "MM"]);

export type DistanceUnits = "metric" | "imperial";
export function distanceUnitsFor(country: string | null | undefined): DistanceUnits {
  return country && IMPERIAL_COUNTRIES.has(country.toUpperCase()) ? "imperial" : "metric";
}
