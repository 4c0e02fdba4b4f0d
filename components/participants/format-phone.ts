import { parsePhoneNumberFromString } from "libphonenumber-js/max";

// Client-safe. Stored numbers are E.164; people read them grouped ("+49 151 23456789").

export function formatPhone(e164: string): string {
  return parsePhoneNumberFromString(e164)?.formatInternational() ?? e164;
}

/** "DE" → "Germany" ("Deutschland" in German), for hints about how numbers without a country code are read. */
export function countryName(code: string, locale: string): string {
  return new Intl.DisplayNames([locale], { type: "region", fallback: "none" }).of(code) ?? code;
}
