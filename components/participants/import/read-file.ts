import type { useFormatter } from "next-intl";
import { say } from "@/lib/errors";
import type { Translator } from "@/lib/i18n/translator-type";
import { CsvParseError, parseCsv, type ParsedCsv } from "@/lib/participants/csv/parse-csv";
import { CSV_MAX_BYTES } from "@/lib/participants/csv/schemas";

// Client-only: reads the chosen file in the browser, so the columns can be mapped before anything is uploaded.

export type LoadedFile = { name: string; size: number; parsed: ParsedCsv; encoding: "utf-8" | "windows-1252" };

type Formatter = ReturnType<typeof useFormatter>;

const megabytes = (format: Formatter, bytes: number) =>
  format.number(bytes / 1024 / 1024, { style: "unit", unit: "megabyte", maximumFractionDigits: 1 });

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

/** The file read and checked, or why it cannot be imported in the organizer's words (`t`, `problems`, `format`). */
export async function readCsvFile(
  file: File,
  words: { t: Translator<"import">; problems: Translator<"problems">; format: Formatter },
): Promise<{ ok: true; file: LoadedFile } | { ok: false; message: string }> {
  const t: Translator<"import"> = words.t;
  const { problems, format } = words;
  if (file.size > CSV_MAX_BYTES) {
    return {
      ok: false,
      message: t("file.tooBig", { name: file.name, size: megabytes(format, file.size), max: megabytes(format, CSV_MAX_BYTES) }),
    };
  }
  if (file.size === 0) return { ok: false, message: t("file.emptyFile", { name: file.name }) };
  const { text, encoding } = decode(await file.arrayBuffer());
  try {
    const parsed = parseCsv(text);
    if (parsed.rows.length === 0) return { ok: false, message: t("file.noRows") };
    return { ok: true, file: { name: file.name, size: file.size, parsed, encoding } };
  } catch (error) {
    if (error instanceof CsvParseError) return { ok: false, message: say(problems, error.words) };
    return { ok: false, message: t("file.unreadable") };
  }
}
