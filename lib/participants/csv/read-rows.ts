import { z } from "zod";
import { AppError } from "@/lib/errors";
import { normalizePhone } from "../phone";
import { METADATA_KEY_MAX, METADATA_VALUE_MAX, NAME_MAX } from "../schemas";
import type { ParsedCsv } from "./parse-csv";
import type { CsvTarget } from "./schemas";

// Client-safe and pure: the same reading backs the preview, the import and any check in the browser.

export type ImportRowData = {
  name: string;
  /** E.164 when the number could be read, otherwise as written in the file. */
  phone: string;
  email: string | null;
  guardianOf: string | null;
  metadata: Record<string, string>;
};
export type ImportRowStatus = "ok" | "error" | "duplicate";
export type ImportRow = { line: number; data: ImportRowData; status: ImportRowStatus; errors: string[] };

const emailFormat = z.email();

/** Our export writes `'=…` for cells a spreadsheet would run as a formula; reading it back drops the guard. */
export function unguardCell(cell: string): string {
  return /^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell;
}

/** Column headers as metadata keys: unnamed columns get "Column 3", repeated names a suffix. */
function metadataKeys(headers: string[], mapping: CsvTarget[]): Map<number, string> {
  const keys = new Map<number, string>();
  const used = new Set<string>();
  mapping.forEach((target, index) => {
    if (target !== "metadata") return;
    const base = (headers[index]?.trim() || `Column ${index + 1}`).slice(0, METADATA_KEY_MAX - 4);
    let key = base;
    for (let n = 2; used.has(key); n++) key = `${base} (${n})`;
    used.add(key);
    keys.set(index, key);
  });
  return keys;
}

/**
 * Turns the rows of a parsed file into participants with their problems: missing name, unreadable phone (with the
 * reason), bad e-mail, or a phone number an earlier row of the file already uses.
 */
export function readImportRows(parsed: ParsedCsv, mapping: CsvTarget[], defaultCountry: string | null): ImportRow[] {
  if (mapping.length !== parsed.headers.length) {
    throw new AppError(
      "VALIDATION",
      `The file has ${parsed.headers.length} columns but ${mapping.length} were mapped. Upload the file again.`,
    );
  }
  const keys = metadataKeys(parsed.headers, mapping);
  const column = (target: CsvTarget) => mapping.indexOf(target);
  const nameColumns = mapping.flatMap((target, index) => (target === "name" ? [index] : []));
  const firstLineOfPhone = new Map<string, number>();

  return parsed.rows.map(({ line, cells }) => {
    const cell = (index: number) => (index < 0 ? "" : unguardCell(cells[index] ?? ""));
    const errors: string[] = [];

    const name = nameColumns.map(cell).filter(Boolean).join(" ");
    if (name === "") errors.push("Name is missing.");
    else if (name.length > NAME_MAX) errors.push(`Name is longer than ${NAME_MAX} characters.`);

    const rawPhone = cell(column("phone"));
    const phone = rawPhone === "" ? null : normalizePhone(rawPhone, defaultCountry);
    if (!phone) errors.push("Phone number is missing.");
    else if (!phone.ok) errors.push(`Phone "${rawPhone}": ${phone.reason}`);

    const email = cell(column("email")).toLowerCase() || null;
    if (email && !emailFormat.safeParse(email).success) errors.push(`E-mail "${email}" is not a valid address.`);

    const guardianOf = cell(column("guardianOf")) || null;
    if (guardianOf && guardianOf.length > NAME_MAX) errors.push(`“Guardian of” is longer than ${NAME_MAX} characters.`);

    const metadata: Record<string, string> = {};
    for (const [index, key] of keys) {
      const value = cell(index);
      if (value.length > METADATA_VALUE_MAX) errors.push(`“${key}” is longer than ${METADATA_VALUE_MAX} characters.`);
      else if (value !== "") metadata[key] = value;
    }

    const data = { name, phone: phone?.ok ? phone.e164 : rawPhone, email, guardianOf, metadata };
    if (errors.length > 0) return { line, data, status: "error", errors };
    const earlier = firstLineOfPhone.get(data.phone);
    if (earlier !== undefined) {
      return { line, data, status: "duplicate", errors: [`Same phone number as line ${earlier}.`] };
    }
    firstLineOfPhone.set(data.phone, line);
    return { line, data, status: "ok", errors: [] };
  });
}
