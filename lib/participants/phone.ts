import {
  getCountryCallingCode,
  isSupportedCountry,
  parsePhoneNumberFromString,
  parsePhoneNumberWithError,
  ParseError,
  validatePhoneNumberLength,
  type CountryCode,
  type PhoneNumber,
  type PhoneNumberType,
} from "libphonenumber-js/max";

// Client-safe. The "max" metadata checks each country's real number ranges and knows each range's type (mobile,
// landline, …); the default metadata only checks lengths and cannot tell a landline from a mobile.

export type NormalizedPhone = { ok: true; e164: string } | { ok: false; reason: string };

const regionNames = new Intl.DisplayNames(["en"], { type: "region", fallback: "none" });

function countryName(country: CountryCode | undefined, callingCode?: string): string {
  const name = country ? regionNames.of(country) : undefined;
  if (name) return name;
  return callingCode ? `country code +${callingCode}` : "this country";
}

function parse(text: string, defaultCountry: CountryCode | undefined): PhoneNumber | ParseError {
  try {
    return parsePhoneNumberWithError(text, { defaultCountry, extract: false });
  } catch (error) {
    if (error instanceof ParseError) return error;
    throw error;
  }
}

/**
 * Reads a phone number as a person or a spreadsheet wrote it and returns it in E.164 ("+4915112345678"), using
 * `defaultCountry` (the organization's) for numbers written without a country code.
 */
export function normalizePhone(raw: string, defaultCountry?: string | null): NormalizedPhone {
  const text = raw.trim().replace(/^tel:/i, "");
  if (text === "") return { ok: false, reason: "Enter a phone number." };

  const country = defaultCountry && isSupportedCountry(defaultCountry) ? defaultCountry : undefined;
  const isInternational = /^(\+|00)/.test(text);
  // Spreadsheets turn "+4915112345678" into the number 4915112345678. Where national numbers are written with a
  // leading 0, digits that start with the country code instead were written internationally with the "+" lost.
  const digits = text.replace(/[\s().\-/]/g, "");
  const maybeLostPlus = !isInternational && /^\d{10,15}$/.test(digits);
  if (maybeLostPlus && country && digits.startsWith(getCountryCallingCode(country))) {
    const retried = parse(`+${digits}`, undefined);
    const isWrittenWithZero = !(retried instanceof ParseError) && retried.formatNational().startsWith("0");
    if (isWrittenWithZero && retried.country === country && retried.isValid()) return accept(retried);
  }
  const parsed = parse(text, country);
  if (!(parsed instanceof ParseError) && parsed.isValid()) return accept(parsed);
  // A foreign number with its "+" lost makes no sense in the default country but is valid with it put back.
  if (maybeLostPlus) {
    const retried = parse(`+${digits}`, undefined);
    if (!(retried instanceof ParseError) && retried.isValid()) return accept(retried);
  }
  return { ok: false, reason: explain(text, parsed, country, isInternational) };
}

function accept(number: PhoneNumber): NormalizedPhone {
  if (number.ext) return { ok: false, reason: "Remove the extension: WhatsApp cannot reach an extension." };
  return { ok: true, e164: number.number };
}

function explain(
  text: string,
  parsed: PhoneNumber | ParseError,
  country: CountryCode | undefined,
  isInternational: boolean,
): string {
  if (parsed instanceof ParseError) {
    if (parsed.message === "INVALID_COUNTRY") {
      if (isInternational) return "Unknown country code. Check the digits after + (e.g. +49 for Germany).";
      return "Add the country code, e.g. +49 151 23456789.";
    }
    if (parsed.message === "TOO_SHORT") return "Too short for a phone number.";
    if (parsed.message === "TOO_LONG") return "Too long for a phone number.";
    return "This is not a phone number.";
  }
  const where = countryName(parsed.country ?? (isInternational ? undefined : country), parsed.countryCallingCode);
  const length = validatePhoneNumberLength(text, { defaultCountry: country });
  if (length === "TOO_SHORT") return `Too short for a phone number in ${where}.`;
  if (length === "TOO_LONG") return `Too long for a phone number in ${where}.`;
  const hint = isInternational ? "" : " For a number from another country, start with + and its country code.";
  return `Not a valid phone number for ${where}.${hint}`;
}

// A WhatsApp account sits on a number that a phone answers: MOBILE, or FIXED_LINE_OR_MOBILE where the numbering plan
// cannot tell the two apart (the US, Canada). No other type (landline, toll-free, premium-rate, shared-cost, VoIP,
// personal forwarding, pager, UAN, voicemail) can be assumed to have one, so none is counted as reachable.
const NOT_ON_WHATSAPP: Record<Exclude<PhoneNumberType, "MOBILE" | "FIXED_LINE_OR_MOBILE">, string> = {
  FIXED_LINE: "Landline",
  TOLL_FREE: "Toll-free number",
  PREMIUM_RATE: "Premium-rate number",
  SHARED_COST: "Shared-cost number",
  VOIP: "Internet (VoIP) number",
  PERSONAL_NUMBER: "Forwarding number",
  PAGER: "Pager",
  UAN: "Company switchboard number",
  VOICEMAIL: "Voicemail number",
};

/**
 * Why WhatsApp messages cannot reach a stored (E.164) number, as the organizer reads it ("Landline: cannot receive
 * WhatsApp messages"); null for a mobile number.
 */
export function noWhatsAppReason(e164: string): string | null {
  const type = parsePhoneNumberFromString(e164)?.getType();
  if (!type || type === "MOBILE" || type === "FIXED_LINE_OR_MOBILE") return null;
  return `${NOT_ON_WHATSAPP[type]}: cannot receive WhatsApp messages`;
}
