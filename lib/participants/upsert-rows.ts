import type { z } from "zod";
import { fieldProblems, problem, safeParseWithProblems, say, wordFields, type ErrorCode, type FieldErrors, type FieldProblems } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/locales";
import type { Translator } from "@/lib/i18n/translator-type";
import { normalizePhone } from "./phone";
import { ParticipantInput } from "./schemas";

// Pure: one row of a bulk upsert, read as the participant form and the CSV import read theirs (the same schema, the
// phone in E.164 through the organization's default country). A row that cannot be read becomes its own error.

/** The fields a row may leave out: left out, a known person's value is kept; given (null too), it is replaced. */
export const OPTIONAL_FIELDS = ["email", "guardianOf", "language", "metadata"] as const;
type OptionalField = (typeof OPTIONAL_FIELDS)[number];

export type RowFields = Omit<z.output<typeof ParticipantInput>, "phone">;
export type RowError = { code: ErrorCode; message: string; fields?: FieldErrors };
export type ReadRow =
  | { index: number; ok: true; phone: string; fields: RowFields; given: Set<OptionalField> }
  | { index: number; ok: false; error: RowError };

export type RowWords = { t: Translator<"participants">; problems: Translator<"problems">; locale: Locale };

function invalid(index: number, wrong: FieldProblems, words: RowWords): ReadRow {
  const fields = wordFields(words.problems, wrong);
  const message = Object.entries(fields)
    .map(([field, problems]) => `${field === "_" ? "" : `${field}: `}${problems[0]}`)
    .join(" ");
  return { index, ok: false, error: { code: "VALIDATION", message, fields } };
}

/** Reads every row; a phone number used by an earlier row of the same request is that later row's error. */
export function readUpsertRows(rows: unknown[], defaultCountry: string | null, words: RowWords): ReadRow[] {
  const firstOfPhone = new Map<string, number>();
  return rows.map((raw, index) => {
    const parsed = safeParseWithProblems(ParticipantInput, raw);
    if (!parsed.success) return invalid(index, fieldProblems(parsed.error), words);
    const { phone: written, ...fields } = parsed.data;
    const phone = normalizePhone(written, defaultCountry, words.t, words.locale);
    if (!phone.ok) return invalid(index, { phone: [phone.reason] }, words);
    const earlier = firstOfPhone.get(phone.e164);
    if (earlier !== undefined) {
      const message = say(words.problems, problem("participants.samePhoneAsRow", { row: String(earlier), phone: phone.e164 }));
      return { index, ok: false, error: { code: "CONFLICT", message, fields: { phone: [message] } } };
    }
    firstOfPhone.set(phone.e164, index);
    const given = new Set(OPTIONAL_FIELDS.filter((field) => (raw as Record<string, unknown>)[field] !== undefined));
    return { index, ok: true, phone: phone.e164, fields, given };
  });
}

/** A person as stored: the language is any text the column holds. */
export type Stored = Omit<RowFields, "language"> & { language: string | null };

/** What a known person becomes: the row's name and the optional fields it gives, the rest as stored. */
export function mergeRow(stored: Stored, row: Extract<ReadRow, { ok: true }>): Stored {
  const merged: Stored = { ...stored, name: row.fields.name };
  for (const field of row.given) Object.assign(merged, { [field]: row.fields[field] });
  return merged;
}

export function sameFields(a: Stored, b: Stored): boolean {
  return (
    a.name === b.name &&
    a.email === b.email &&
    a.guardianOf === b.guardianOf &&
    a.language === b.language &&
    sameRecord(a.metadata, b.metadata)
  );
}

/** jsonb gives keys back in its own order: compare entries, not the text. */
function sameRecord(a: Record<string, string>, b: Record<string, string>): boolean {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => b[key] === a[key]);
}
