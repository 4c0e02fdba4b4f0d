import { describe, expect, it } from "vitest";
import { translatorFor } from "@/lib/i18n";
import { parseCsv } from "@/lib/participants/csv/parse-csv";
import type { ImportPreview, PreviewRow } from "@/lib/participants/csv/preview-import";
import { addChunkResult, emptyReport, fileLine, mergePreviews, rowsToImport, toChunks } from "./chunks";

const file = parseCsv(
  ["Name;Phone", '"Weber, Kim";0151 1', "", "Ali;0151 2", "Eve;0151 3", "Jo;0151 1", "Zoë;0151 4"].join("\r\n"),
);

function row(line: number, phone: string, status: PreviewRow["status"] = "ok", extra: Partial<PreviewRow> = {}): PreviewRow {
  const errors = status === "ok" ? [] : ["problem"];
  return { line, status, errors, existingParticipant: null, noWhatsAppReason: null, data: { name: `n${line}`, phone, email: null, guardianOf: null, metadata: {} }, ...extra };
}
const preview = (rows: PreviewRow[]) => ({ rows }) as ImportPreview;
const english = translatorFor("en", "import");

describe("toChunks", () => {
  it("re-serializes each chunk with the header, and maps its lines back to the file's", () => {
    const chunks = toChunks(file.headers, file.rows, 2);
    expect(chunks.map((c) => c.rows.map((r) => r.line))).toEqual([[2, 4], [5, 6], [7]]);
    const reparsed = parseCsv(chunks[0]!.csvText);
    expect(reparsed.headers).toEqual(["Name", "Phone"]);
    expect(reparsed.rows.map((r) => r.cells)).toEqual([["Weber, Kim", "0151 1"], ["Ali", "0151 2"]]);
    expect(fileLine(chunks[1]!, 2)).toBe(5);
    expect(fileLine(chunks[1]!, 3)).toBe(6);
    expect(parseCsv(chunks[2]!.csvText).rows[0]!.cells).toEqual(["Zoë", "0151 4"]);
  });
});

describe("mergePreviews", () => {
  const [a, b] = toChunks(file.headers, file.rows.slice(0, 4), 2) as [ReturnType<typeof toChunks>[number], ReturnType<typeof toChunks>[number]];

  it("marks a phone repeated in a later chunk as a duplicate of the file line, and counts", () => {
    const merged = mergePreviews([
      { chunk: a, preview: preview([row(2, "+1"), row(3, "+2", "duplicate", { existingParticipant: { id: "x", name: "Ali" } })]) },
      { chunk: b, preview: preview([row(2, "+3", "error"), row(3, "+1")]) },
    ], english);
    expect(merged.rows.map((r) => [r.line, r.status, r.isOnRoster])).toEqual([
      [2, "ok", false],
      [4, "duplicate", true],
      [5, "error", false],
      [6, "duplicate", false],
    ]);
    expect(merged.rows[3]!.errors).toEqual(["Same phone number as line 2."]);
    expect(merged.counts).toEqual({ total: 4, ok: 1, new: 1, known: 0, error: 1, duplicate: 1, onRoster: 1, noWhatsApp: 0 });
    expect(rowsToImport(merged, file.rows).map((r) => r.line)).toEqual([2, 4]);
  });

  it("counts the rows to import that WhatsApp cannot reach, once, and not when a later chunk repeats them", () => {
    const landline = { noWhatsAppReason: "Landline: cannot receive WhatsApp messages" };
    const merged = mergePreviews([
      { chunk: a, preview: preview([row(2, "+551140028922", "ok", landline), row(3, "+5511987654321")]) },
      { chunk: b, preview: preview([row(2, "+551140028922", "ok", landline), row(3, "+49301234567", "error", landline)]) },
    ], english);
    expect(merged.rows.map((r) => r.status)).toEqual(["ok", "ok", "duplicate", "error"]);
    expect(merged.counts).toMatchObject({ ok: 2, noWhatsApp: 1 });
  });

  it("rewrites a chunk's own 'same phone as line N' to the file's line", () => {
    const merged = mergePreviews([
      { chunk: b, preview: preview([row(2, "+5"), row(3, "+5", "duplicate", { errors: ["Same phone number as line 2."] })]) },
    ], english);
    expect(merged.rows[1]!.errors).toEqual(["Same phone number as line 5."]);
  });
});

describe("import report", () => {
  it("starts with the rows the preview refused and adds chunk results on the file's lines", () => {
    const [, b] = toChunks(file.headers, file.rows, 2);
    const merged = mergePreviews([{ chunk: b!, preview: preview([row(2, "+3", "error"), row(3, "+4")]) }], english);
    const start = emptyReport(merged);
    expect(start.skipped).toEqual([{ line: 5, name: "n2", reason: "problem" }]);
    const result = { created: 1, updated: 0, linked: 1, alreadyOnRoster: 2, attendancesCreated: 3, skipped: [{ line: 3, reason: "gone" }] };
    const report = addChunkResult(start, b!, result, (line) => `row ${line}`);
    expect(report).toMatchObject({ created: 1, linked: 1, alreadyOnRoster: 2, attendancesCreated: 3 });
    expect(report.skipped).toEqual([
      { line: 5, name: "n2", reason: "problem" },
      { line: 6, name: "row 6", reason: "gone" },
    ]);
  });
});
