import { AppError } from "@/lib/errors";
import { parseCsv, type ParsedCsv } from "@/lib/participants/csv/parse-csv";
import { CSV_MAX_BYTES } from "@/lib/participants/csv/schemas";

// Client-only: reads the chosen file in the browser, so the columns can be mapped before anything is uploaded.

export type LoadedFile = { name: string; size: number; parsed: ParsedCsv; encoding: "utf-8" | "windows-1252" };

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toLocaleString("en", { maximumFractionDigits: 1 })} MB`;

/**
 * UTF-8 first (with or without BOM); a file that is not valid UTF-8 is almost always an older Excel "CSV" in
 * Windows-1252, so it is read as that instead of turning every umlaut into "�".
 */
function decode(buffer: ArrayBuffer): { text: string; encoding: LoadedFile["encoding"] } {
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(buffer), encoding: "utf-8" };
  } catch {
    return { text: new TextDecoder("windows-1252").decode(buffer), encoding: "windows-1252" };
  }
}

export async function readCsvFile(file: File): Promise<{ ok: true; file: LoadedFile } | { ok: false; message: string }> {
  if (file.size > CSV_MAX_BYTES) {
    return {
      ok: false,
      message: `${file.name} is ${megabytes(file.size)}; files up to ${megabytes(CSV_MAX_BYTES)} can be imported. Split it into smaller files and import them one after another.`,
    };
  }
  if (file.size === 0) return { ok: false, message: `${file.name} is empty.` };
  const { text, encoding } = decode(await file.arrayBuffer());
  try {
    const parsed = parseCsv(text);
    if (parsed.rows.length === 0) return { ok: false, message: "The file has a header row but no people under it." };
    return { ok: true, file: { name: file.name, size: file.size, parsed, encoding } };
  } catch (error) {
    if (error instanceof AppError) return { ok: false, message: error.message };
    return { ok: false, message: "This file could not be read as CSV. Save it from your spreadsheet as “CSV UTF-8” and try again." };
  }
}
