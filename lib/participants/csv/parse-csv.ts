import Papa from "papaparse";
import { AppError, problem, type Problem } from "@/lib/errors";
import { CSV_MAX_ROWS } from "./schemas";

// Client-safe: the upload form parses the file in the browser to show its columns before anything is sent.

/** `line` is the row number a spreadsheet shows for this record (the header row is normally line 1). */
export type CsvRow = { line: number; cells: string[] };
export type ParsedCsv = { headers: string[]; rows: CsvRow[]; delimiter: string };

const DELIMITERS = [";", ",", "\t"] as const;

/** Why a file cannot be read as CSV; its words are the problem the error carries (`csv.*`). */
export type CsvProblem =
  | { kind: "unclosedQuote"; line: number }
  | { kind: "empty" }
  | { kind: "tooManyRows"; rows: number; max: number };

export class CsvParseError extends AppError {
  constructor(readonly problem: CsvProblem) {
    super("VALIDATION", csvProblem(problem));
  }
}

function csvProblem(p: CsvProblem): Problem {
  switch (p.kind) {
    case "unclosedQuote":
      // Line numbers as a spreadsheet shows them, never grouped ("line 1234").
      return problem("csv.unclosedQuote", { line: String(p.line) });
    case "empty":
      return problem("csv.empty");
    case "tooManyRows":
      return problem("csv.tooManyRows", { rows: p.rows, maximum: p.max });
  }
}

/**
 * Picks the separator from the header row: the candidate that occurs most often outside quotes. Headers rarely
 * contain separators, while data does ("Weber, Kim" in a ;-file), so the header is the most reliable sample.
 */
export function detectDelimiter(text: string): string {
  const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  let seenContent = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === "\n" || char === "\r")) {
      if (seenContent) break;
    } else if (!quoted && counts.has(char)) counts.set(char, counts.get(char)! + 1);
    if (char.trim() !== "") seenContent = true;
  }
  const [best, count] = [...counts].sort((a, b) => b[1] - a[1])[0]!;
  return count > 0 ? best : ",";
}

/**
 * Reads a CSV file as spreadsheets write it: UTF-8 with or without a byte order mark, `;`, `,` or tab separated,
 * CRLF or LF line ends, quoted fields with separators, line breaks and doubled quotes inside. Blank rows are skipped
 * but still counted, so line numbers match what the user sees in the spreadsheet.
 */
export function parseCsv(text: string): ParsedCsv {
  const body = text.replace(/^\uFEFF/, "");
  const delimiter = detectDelimiter(body);
  const result = Papa.parse<string[]>(body, { delimiter, skipEmptyLines: false, header: false });
  const unclosed = result.errors.find((error) => error.code === "MissingQuotes");
  if (unclosed) {
    throw new CsvParseError({ kind: "unclosedQuote", line: (unclosed.row ?? 0) + 1 });
  }

  const records = result.data.map((cells, index) => ({ line: index + 1, cells: cells.map((cell) => cell.trim()) }));
  const filled = records.filter((record) => record.cells.some((cell) => cell !== ""));
  const [header, ...rows] = filled;
  if (!header) throw new CsvParseError({ kind: "empty" });
  if (rows.length > CSV_MAX_ROWS) {
    throw new CsvParseError({ kind: "tooManyRows", rows: rows.length, max: CSV_MAX_ROWS });
  }
  return { headers: header.cells, rows, delimiter };
}
