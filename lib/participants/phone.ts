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
import type { Translator } from "@/lib/i18n/translator-type";

// Client-safe. The "max" metadata checks each country's real number ranges and knows each range's type (mobile,
// landline, …); the default metadata only checks lengths and cannot tell a landline from a mobile.
// The reasons are written for the organizer: in the words of `t` (participants.phone), country names in `locale`.

export type NormalizedPhone = { ok: true; e164: string } | { ok: false; reason: string };

/** Where a number was read as being from: "Germany", "country code +1", "this country". */
function placeName(t: Translator<"participants">, locale: string, country: CountryCode | undefined, callingCode?: string): string {
  const name = country ? new Intl.DisplayNames([locale], { type: "region", fallback: "none" }).of(country) : undefined;
  if (name) return name;
  return callingCode ? t("phone.callingCode", { code: callingCode }) : t("phone.thisCountry");
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
export function normalizePhone(
  raw: string,
  defaultCountry: string | null | undefined,
  t: Translator<"participants">,
  locale: string,
): NormalizedPhone {
  const text = raw.trim().replace(/^tel:/i, "");
  if (text === "") return { ok: false, reason: t("phone.missing") };

  const country = defaultCountry && isSupportedCountry(defaultCountry) ? defaultCountry : undefined;
  const isInternational = /^(\+|00)/.test(text);
  // Spreadsheets turn "+4915112345678" into the number 4915112345678. Where national numbers are written with a
  // leading 0, digits that start with the country code instead were written internationally with the "+" lost.
  const digits = text.replace(/[\s().\-/]/g, "");
  const maybeLostPlus = !isInternational && /^\d{10,15}$/.test(digits);
  if (maybeLostPlus && country && digits.startsWith(getCountryCallingCode(country))) {
    const retried = parse(`+${digits}`, undefined);
    const isWrittenWithZero = !(retried instanceof ParseError) && retried.formatNational().startsWith("0");
    if (isWrittenWithZero && retried.country === country && retried.isValid()) return accept(retried, t);
  }
  const parsed = parse(text, country);
  if (!(parsed instanceof ParseError) && parsed.isValid()) return accept(parsed, t);
  // A foreign number with its "+" lost makes no sense in the default country but is valid with it put back.
  if (maybeLostPlus) {
    const retried = parse(`+${digits}`, undefined);
    if (!(retried instanceof ParseError) && retried.isValid()) return accept(retried, t);
  }
  return { ok: false, reason: explain(t, locale, { text, parsed, country, isInternational }) };
}

function accept(number: PhoneNumber, t: Translator<"participants">): NormalizedPhone {
  if (number.ext) return { ok: false, reason: t("phone.extension") };
  return { ok: true, e164: number.number };
}

type Refused = { text: string; parsed: PhoneNumber | ParseError; country: CountryCode | undefined; isInternational: boolean };

function explain(t: Translator<"participants">, locale: string, { text, parsed, country, isInternational }: Refused): string {
  if (parsed instanceof ParseError) {
    if (parsed.message === "INVALID_COUNTRY") return isInternational ? t("phone.unknownCountryCode") : t("phone.addCountryCode");
    if (parsed.message === "TOO_SHORT") return t("phone.tooShort");
    if (parsed.message === "TOO_LONG") return t("phone.tooLong");
    return t("phone.notANumber");
  }
  const place = placeName(t, locale, parsed.country ?? (isInternational ? undefined : country), parsed.countryCallingCode);
  const length = validatePhoneNumberLength(text, { defaultCountry: country });
  if (length === "TOO_SHORT") return t("phone.tooShortFor", { place });
  if (length === "TOO_LONG") return t("phone.tooLongFor", { place });
  return isInternational ? t("phone.invalidFor", { place }) : t("phone.invalidForNational", { place });
}

// A WhatsApp account sits on a number that a phone answers: MOBILE, or FIXED_LINE_OR_MOBILE where the numbering plan
// cannot tell the two apart (the US, Canada). No other type (landline, toll-free, premium-rate, shared-cost, VoIP,
// personal forwarding, pager, UAN, voicemail) can be assumed to have one, so none is counted as reachable.
const REACHABLE: readonly PhoneNumberType[] = ["MOBILE", "FIXED_LINE_OR_MOBILE"];

/**
 * Why WhatsApp messages cannot reach a stored (E.164) number, as the organizer reads it ("Landline: cannot receive
 * WhatsApp messages"); null for a mobile number.
 */
export function noWhatsAppReason(e164: string, t: Translator<"participants">): string | null {
  const type = parsePhoneNumberFromString(e164)?.getType();
  if (!type || REACHABLE.includes(type)) return null;
  return t("phone.noWhatsApp", { type });
}
