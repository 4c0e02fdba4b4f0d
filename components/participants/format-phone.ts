import { parsePhoneNumberFromString } from "libphonenumber-js/max";

// Client-safe. Stored numbers are E.164; people read them grouped ("+49 151 23456789").

export function formatPhone(e164: string): string {
  return parsePhoneNumberFromString(e164)?.formatInternational() ?? e164;
}

const regionNames = new Intl.DisplayNames(["en"], { type: "region", fallback: "none" });

/** "DE" → "Germany", for hints about how numbers without a country code are read. */
export function countryName(code: string): string {
  return regionNames.of(code) ?? code;
}
