import { describe, expect, it } from "vitest";
import { translatorFor } from "@/lib/i18n";
import { noWhatsAppReason as noWhatsAppReasonIn, normalizePhone as normalizePhoneIn } from "./phone";

// In the organizer's words: English here (other languages: i18n.test.ts).
const t = translatorFor("en", "participants");
const normalizePhone = (raw: string, country: string | null) => normalizePhoneIn(raw, country, t, "en");
const noWhatsAppReason = (e164: string) => noWhatsAppReasonIn(e164, t);

describe("normalizePhone", () => {
  it.each([
    ["0151 1234 5678", "DE", "+4915112345678"],
    ["(0151) 1234-5678", "DE", "+4915112345678"],
    ["0151/12345678", "DE", "+4915112345678"],
    ["+49 151 12345678", "US", "+4915112345678"],
    ["0049 151 12345678", "DE", "+4915112345678"],
    ["tel:+4915112345678", "DE", "+4915112345678"],
    ["030 1234567", "DE", "+49301234567"],
    ["+1 (415) 555-0132", "DE", "+14155550132"],
    ["415-555-0132", "US", "+14155550132"],
    ["07911 123456", "GB", "+447911123456"],
    ["+351 912 345 678", "DE", "+351912345678"],
    // Excel dropped the "+": the digits are not a German number, but are valid with it put back.
    ["4915112345678", "DE", "+4915112345678"],
    ["14155550132", "DE", "+14155550132"],
    ["447911123456", "GB", "+447911123456"],
    // Italian numbers have no trunk 0, so "39…" stays a national number there.
    ["3123456789", "IT", "+393123456789"],
    ["+1 415 555 0132", null, "+14155550132"],
  ])("%s (default %s) → %s", (raw, country, e164) => {
    expect(normalizePhone(raw, country)).toEqual({ ok: true, e164 });
  });

  it.each([
    ["", "DE", "Enter a phone number."],
    ["   ", "DE", "Enter a phone number."],
    ["hello", "DE", "This is not a phone number."],
    ["n/a", "DE", "This is not a phone number."],
    ["0151 1234 5678 abc", "DE", "This is not a phone number."],
    ["555-0132", "US", "Too short for a phone number in United States."],
    ["1", "DE", "Too short for a phone number"],
    ["0151 1234", "DE", "Not a valid phone number for Germany."],
    ["0100 1234567", "DE", "Not a valid phone number for Germany."],
    ["+49 151 1234", "US", "Not a valid phone number for Germany."],
    ["+1 201 000 0000", "DE", "Not a valid phone number for country code +1."],
    ["+999 1234567", "DE", "Unknown country code."],
    ["4155550132", null, "Add the country code, e.g. +49"],
    ["4155550132", "XX", "Add the country code, e.g. +49"],
    ["+1 415 555 0132 ext. 12", "US", "Remove the extension"],
  ])("%j (default %s) is refused: %s…", (raw, country, reason) => {
    const result = normalizePhone(raw, country);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason.startsWith(reason)).toBe(true);
  });

  it("tells a person with a national number that a foreign one needs its country code", () => {
    const reason =
      "Not a valid phone number for Germany. For a number from another country, start with + and its country code.";
    expect(normalizePhone("0151 1234", "DE")).toEqual({ ok: false, reason });
  });
});

describe("noWhatsAppReason", () => {
  it.each([
    ["+5511987654321", "Brazilian mobile (11 9xxxx-xxxx)"],
    ["+5521998765432", "Brazilian mobile (21 9xxxx-xxxx)"],
    ["+4915123456789", "German mobile 151"],
    ["+491609876543", "German mobile 160"],
    ["+4917612345678", "German mobile 176"],
    ["+14155550132", "US number (fixed line or mobile)"],
    ["+447911123456", "UK mobile"],
  ])("%s can receive WhatsApp messages: %s", (e164) => {
    expect(noWhatsAppReason(e164)).toBeNull();
  });

  it.each([
    ["(11) 4002-8922", "BR", "Landline"],
    ["+55 21 3456-7890", "BR", "Landline"],
    ["030 1234567", "DE", "Landline"],
    ["089 12345678", "DE", "Landline"],
    ["0800 1234567", "DE", "Toll-free number"],
    ["0900 1234567", "DE", "Premium-rate number"],
    ["4004-0000", "BR", "Shared-cost number"],
    ["020 7946 0958", "GB", "Landline"],
    ["070 1234 5678", "GB", "Forwarding number"],
  ])("%s (%s) cannot: %s", (raw, country, kind) => {
    const phone = normalizePhone(raw, country);
    expect(phone.ok).toBe(true);
    if (phone.ok) expect(noWhatsAppReason(phone.e164)).toBe(`${kind}: cannot receive WhatsApp messages`);
  });
});
