import { getCountries } from "libphonenumber-js";

export type Country = { code: string; name: string };

/**
 * Every country with a phone numbering plan, named and sorted in `locale` (the reader's: "Germany", "Alemanha",
 * "Deutschland"). Server-side: keeps phone metadata out of pages.
 */
export function listCountries(locale = "en"): Country[] {
  const names = new Intl.DisplayNames([locale], { type: "region", fallback: "code" });
  return getCountries()
    .map((code) => ({ code, name: names.of(code) ?? code }))
    .sort((a, b) => a.name.localeCompare(b.name, locale));
}
