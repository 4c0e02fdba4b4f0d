import { getCountries } from "libphonenumber-js";

export type Country = { code: string; name: string };

const names = new Intl.DisplayNames(["en"], { type: "region", fallback: "code" });

/** Every country with a phone numbering plan, by English name (server-side: keeps phone metadata out of pages). */
export function listCountries(): Country[] {
  return getCountries()
    .map((code) => ({ code, name: names.of(code) ?? code }))
    .sort((a, b) => a.name.localeCompare(b.name, "en"));
}
