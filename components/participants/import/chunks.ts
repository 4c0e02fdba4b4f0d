import type { Translator } from "@/lib/i18n/translator-type";
import type { ImportResult } from "@/lib/participants/csv/import-participants";
import type { CsvRow } from "@/lib/participants/csv/parse-csv";
import type { ImportPreview, PreviewRow } from "@/lib/participants/csv/preview-import";
import { toCsv } from "@/lib/participants/csv/write-csv";

// Client-safe and pure. Large files travel to the server in chunks (small requests, a progress bar between them);
// these helpers cut the file, and put the chunks' answers back together with the file's own line numbers.

export const CHUNK_ROWS = 500;

export type Chunk = { rows: CsvRow[]; csvText: string };

/** Header + up to `size` rows per chunk, each re-serialized as a CSV of its own (its rows are lines 2, 3, …). */
export function toChunks(headers: string[], rows: CsvRow[], size = CHUNK_ROWS): Chunk[] {
  const chunks: Chunk[] = [];
  for (let start = 0; start < rows.length; start += size) {
    const part = rows.slice(start, start + size);
    chunks.push({ rows: part, csvText: toCsv(headers, part.map((row) => row.cells)) });
  }
  return chunks;
}

/** Line `line` of a chunk's CSV → the line of the same row in the uploaded file. */
export function fileLine(chunk: Chunk, line: number): number {
  return chunk.rows[line - 2]?.line ?? line;
}

/** A preview row plus what the wizard needs to know: a repeat within the file, or someone already on the roster. */
export type MergedRow = PreviewRow & { isOnRoster: boolean };

export type MergedPreview = {
  rows: MergedRow[];
  counts: {
    total: number;
    ok: number;
    new: number;
    known: number;
    error: number;
    duplicate: number;
    onRoster: number;
    /** Rows to import whose number WhatsApp cannot reach (they are imported all the same). */
    noWhatsApp: number;
  };
};

/**
 * Joins the chunks' previews. Each chunk only sees its own rows, so a phone number repeated in a later chunk is
 * marked here, the same way the server marks repeats within one chunk ("Same phone number as line 12."), in `t`'s
 * words (the server's are in the same language: the organizer's).
 */
export function mergePreviews(parts: { chunk: Chunk; preview: ImportPreview }[], t: Translator<"import">): MergedPreview {
  const firstLine = new Map<string, number>();
  const rows = parts.flatMap(({ chunk, preview }) =>
    preview.rows.map((row): MergedRow => {
      const line = fileLine(chunk, row.line);
      const isOnRoster = row.status === "duplicate" && row.existingParticipant !== null;
      const merged: MergedRow = { ...row, line, isOnRoster };
      if (row.status === "error") return merged;
      if (row.status === "duplicate" && !isOnRoster) {
        // "Same phone number as line 3." names a line of the chunk: its one number, in any language.
        const errors = row.errors.map((e) => e.replace(/\d+/, (n) => String(fileLine(chunk, Number(n)))));
        return { ...merged, errors };
      }
      const earlier = firstLine.get(row.data.phone);
      if (earlier !== undefined) {
        const errors = [t("rows.samePhone", { line: String(earlier) })];
        return { ...merged, status: "duplicate", isOnRoster: false, errors };
      }
      firstLine.set(row.data.phone, line);
      return merged;
    }),
  );
  const count = (test: (row: MergedRow) => boolean) => rows.filter(test).length;
  const ok = count((r) => r.status === "ok");
  const known = count((r) => r.status === "ok" && r.existingParticipant !== null);
  return {
    rows,
    counts: {
      total: rows.length,
      ok,
      new: ok - known,
      known,
      error: count((r) => r.status === "error"),
      duplicate: count((r) => r.status === "duplicate" && !r.isOnRoster),
      onRoster: count((r) => r.isOnRoster),
      noWhatsApp: count((r) => r.status === "ok" && r.noWhatsAppReason !== null),
    },
  };
}

/** Rows worth sending: importable ones, and those already on the roster (the server confirms they change nothing). */
export function rowsToImport(preview: MergedPreview, fileRows: CsvRow[]): CsvRow[] {
  const lines = new Set(preview.rows.filter((r) => r.status === "ok" || r.isOnRoster).map((r) => r.line));
  return fileRows.filter((row) => lines.has(row.line));
}

export type ImportReport = Omit<ImportResult, "skipped"> & {
  skipped: { line: number; name: string; reason: string }[];
  /** Set when a chunk failed: rows from this line on were not sent. */
  stoppedAt: { line: number; message: string } | null;
};

export function emptyReport(preview: MergedPreview): ImportReport {
  const skipped = preview.rows
    .filter((r) => r.status === "error" || (r.status === "duplicate" && !r.isOnRoster))
    .map((r) => ({ line: r.line, name: r.data.name, reason: r.errors.join(" ") }));
  return { created: 0, updated: 0, linked: 0, alreadyOnRoster: 0, attendancesCreated: 0, skipped, stoppedAt: null };
}

/** Adds one chunk's result, with its skipped rows moved to the file's line numbers. */
export function addChunkResult(
  report: ImportReport,
  chunk: Chunk,
  result: ImportResult,
  nameAt: (line: number) => string,
): ImportReport {
  const skipped = result.skipped.map((s) => {
    const line = fileLine(chunk, s.line);
    return { line, name: nameAt(line), reason: s.reason };
  });
  return {
    created: report.created + result.created,
    updated: report.updated + result.updated,
    linked: report.linked + result.linked,
    alreadyOnRoster: report.alreadyOnRoster + result.alreadyOnRoster,
    attendancesCreated: report.attendancesCreated + result.attendancesCreated,
    skipped: [...report.skipped, ...skipped].sort((a, b) => a.line - b.line),
    stoppedAt: report.stoppedAt,
  };
}
