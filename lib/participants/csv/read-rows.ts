import { z } from "zod";
import { AppError } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/locales";
import type { Translator } from "@/lib/i18n/translator-type";
import { normalizePhone } from "../phone";
import { METADATA_KEY_MAX, METADATA_VALUE_MAX, NAME_MAX } from "../schemas";
import type { ParsedCsv } from "./parse-csv";
import { readLanguage } from "./read-language";
import type { CsvTarget } from "./schemas";

// Client-safe and pure: the same reading backs the preview, the import and any check in the browser. The problems
// are written in the organizer's language: `words` carries the translators and the locale they are in.

export type ImportRowData = {
  name: string;
  /** E.164 when the number could be read, otherwise as written in the file. */
  phone: string;
  email: string | null;
  guardianOf: string | null;
  /** Only when the file has a language column: null for an empty cell (the organization's language). */
  language?: Locale | null;
  metadata: Record<string, string>;
};
export type ImportRowStatus = "ok" | "error" | "duplicate";
export type ImportRow = { line: number; data: ImportRowData; status: ImportRowStatus; errors: string[] };

const emailFormat = z.email();

/** Our export writes `'=…` for cells a spreadsheet would run as a formula; reading it back drops the guard. */
export function unguardCell(cell: string): string {
  return /^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell;
}

export type RowWords = { t: Translator<"import">; phone: Translator<"participants">; locale: Locale };

/** Column headers as metadata keys: unnamed columns get "Column 3", repeated names a suffix. */
function metadataKeys(headers: string[], mapping: CsvTarget[], t: Translator<"import">): Map<number, string> {
  const keys = new Map<number, string>();
  const used = new Set<string>();
  mapping.forEach((target, index) => {
    if (target !== "metadata") return;
    const base = (headers[index]?.trim() || t("rows.unnamedColumn", { number: index + 1 })).slice(0, METADATA_KEY_MAX - 4);
    let key = base;
    for (let n = 2; used.has(key); n++) key = `${base} (${n})`;
    used.add(key);
    keys.set(index, key);
  });
  return keys;
}

/**
 * Turns the rows of a parsed file into participants with their problems: missing name, unreadable phone (with the
 * reason), bad e-mail, a language we do not speak, or a phone number an earlier row of the file already uses.
 */
export function readImportRows(parsed: ParsedCsv, mapping: CsvTarget[], defaultCountry: string | null, words: RowWords): ImportRow[] {
  const t: Translator<"import"> = words.t;
  if (mapping.length !== parsed.headers.length) {
    throw new AppError("VALIDATION", t("rows.columnCount", { columns: parsed.headers.length, mapped: mapping.length }));
  }
  const keys = metadataKeys(parsed.headers, mapping, t);
  const column = (target: CsvTarget) => mapping.indexOf(target);
  const nameColumns = mapping.flatMap((target, index) => (target === "name" ? [index] : []));
  const firstLineOfPhone = new Map<string, number>();

  return parsed.rows.map(({ line, cells }) => {
    const cell = (index: number) => (index < 0 ? "" : unguardCell(cells[index] ?? ""));
    const { data, errors } = readRow(cell, { column, nameColumns, keys, defaultCountry, words });
    if (errors.length > 0) return { line, data, status: "error", errors };
    const earlier = firstLineOfPhone.get(data.phone);
    if (earlier !== undefined) {
      // Line numbers as written, never grouped ("line 1234"): the import page moves them to the file's lines.
      return { line, data, status: "duplicate", errors: [t("rows.samePhone", { line: String(earlier) })] };
    }
    firstLineOfPhone.set(data.phone, line);
    return { line, data, status: "ok", errors: [] };
  });
}

type Columns = {
  column: (target: CsvTarget) => number;
  nameColumns: number[];
  keys: Map<number, string>;
  defaultCountry: string | null;
  words: RowWords;
};

/** One row's data, and every problem it has. */
function readRow(cell: (index: number) => string, { column, nameColumns, keys, defaultCountry, words }: Columns) {
  const t: Translator<"import"> = words.t;
  const errors: string[] = [];

  const name = nameColumns.map(cell).filter(Boolean).join(" ");
  if (name === "") errors.push(t("rows.nameMissing"));
  else if (name.length > NAME_MAX) errors.push(t("rows.nameTooLong", { max: NAME_MAX }));

  const rawPhone = cell(column("phone"));
  const phone = rawPhone === "" ? null : normalizePhone(rawPhone, defaultCountry, words.phone, words.locale);
  if (!phone) errors.push(t("rows.phoneMissing"));
  else if (!phone.ok) errors.push(t("rows.phoneInvalid", { phone: rawPhone, reason: phone.reason }));

  const email = cell(column("email")).toLowerCase() || null;
  if (email && !emailFormat.safeParse(email).success) errors.push(t("rows.emailInvalid", { email }));

  const guardianOf = cell(column("guardianOf")) || null;
  if (guardianOf && guardianOf.length > NAME_MAX) errors.push(t("rows.guardianTooLong", { max: NAME_MAX }));

  const languageColumn = column("language");
  const language = languageColumn < 0 ? undefined : readLanguage(cell(languageColumn));
  if (language === undefined && languageColumn >= 0) {
    errors.push(t("rows.languageUnknown", { language: cell(languageColumn) }));
  }

  const metadata: Record<string, string> = {};
  for (const [index, key] of keys) {
    const value = cell(index);
    if (value.length > METADATA_VALUE_MAX) errors.push(t("rows.valueTooLong", { key, max: METADATA_VALUE_MAX }));
    else if (value !== "") metadata[key] = value;
  }

  const data: ImportRowData = { name, phone: phone?.ok ? phone.e164 : rawPhone, email, guardianOf, metadata };
  if (languageColumn >= 0) data.language = language ?? null;
  return { data, errors };
}
