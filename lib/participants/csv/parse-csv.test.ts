import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { worded } from "@/test/words";
import { detectDelimiter, parseCsv } from "./parse-csv";
import { CSV_MAX_ROWS } from "./schemas";
import { guardCell, quoteCell, toCsv } from "./write-csv";

describe("parseCsv", () => {
  it("reads a comma file with LF line ends", () => {
    expect(parseCsv("name,phone\nKim,0151 1234 5678\nAli,+1 415 555 0132\n")).toEqual({
      headers: ["name", "phone"],
      rows: [
        { line: 2, cells: ["Kim", "0151 1234 5678"] },
        { line: 3, cells: ["Ali", "+1 415 555 0132"] },
      ],
      delimiter: ",",
    });
  });

  it("strips the UTF-8 byte order mark Excel writes, and reads CRLF and semicolons", () => {
    const parsed = parseCsv("\uFEFFName;Telefon\r\nJürgen Groß;0151 1234 5678\r\n");
    expect(parsed.headers).toEqual(["Name", "Telefon"]);
    expect(parsed.delimiter).toBe(";");
    expect(parsed.rows).toEqual([{ line: 2, cells: ["Jürgen Groß", "0151 1234 5678"] }]);
  });

  it("keeps separators, line breaks and doubled quotes inside quotes; lines follow spreadsheet rows", () => {
    const text = [
      'name;phone;note',
      '"Weber; Kim";0151 1234 5678;"says ""hi"""',
      '"Ali\r\nMüller";+1 415 555 0132;"two, commas, here"',
      'Eve;+44 7911 123456;last',
    ].join("\r\n");
    expect(parseCsv(text).rows).toEqual([
      { line: 2, cells: ["Weber; Kim", "0151 1234 5678", 'says "hi"'] },
      { line: 3, cells: ["Ali\r\nMüller", "+1 415 555 0132", "two, commas, here"] },
      { line: 4, cells: ["Eve", "+44 7911 123456", "last"] },
    ]);
  });

  it("skips blank rows (also rows of empty cells) but still counts them", () => {
    const parsed = parseCsv("name,phone\n\nKim,1\n,\n  \nAli,2\n\n");
    expect(parsed.rows).toEqual([
      { line: 3, cells: ["Kim", "1"] },
      { line: 6, cells: ["Ali", "2"] },
    ]);
  });

  it("trims cells and tolerates short rows", () => {
    expect(parseCsv("name , phone ,email\n  Kim , 1 \n").rows).toEqual([{ line: 2, cells: ["Kim", "1"] }]);
  });

  it("detects the separator from the header row, not from the data", () => {
    expect(detectDelimiter("name;phone\nWeber, Kim;1")).toBe(";");
    expect(detectDelimiter('"a;b",c\n')).toBe(",");
    expect(detectDelimiter("\n\nname\tphone\n")).toBe("\t");
    expect(detectDelimiter("name\nKim")).toBe(",");
  });

  it("refuses an unclosed quote, an empty file and too many rows with a clear message", () => {
    const refuse = (text: string) => {
      try {
        parseCsv(text);
      } catch (error) {
        expect(error).toBeInstanceOf(AppError);
        expect((error as AppError).code).toBe("VALIDATION");
        return worded(error as AppError).message;
      }
      throw new Error("expected a VALIDATION error");
    };
    expect(refuse('name,phone\nKim,1\n"Ali,2\nEve,3\n')).toBe(
      'Line 3 opens a quote (") that is never closed. Fix the file and try again.',
    );
    expect(refuse("\uFEFF\r\n\r\n")).toBe("The file is empty.");
    const big = `name,phone\n${"a,1\n".repeat(CSV_MAX_ROWS + 1)}`;
    expect(refuse(big)).toBe(
      "The file has 20,001 rows; at most 20,000 can be imported at once. Split it into smaller files.",
    );
    expect(parseCsv(`name,phone\n${"a,1\n".repeat(CSV_MAX_ROWS)}`).rows).toHaveLength(CSV_MAX_ROWS);
  });
});

describe("toCsv", () => {
  it("quotes per RFC 4180, starts with a BOM, ends lines with CRLF, and parses back", () => {
    const text = toCsv(["name", "note"], [["Weber, Kim", 'says "hi"\nbye'], ["Ali", "a;b"]]);
    expect(text).toBe('\uFEFFname,note\r\n"Weber, Kim","says ""hi""\nbye"\r\nAli,"a;b"\r\n');
    expect(parseCsv(text).rows.map((row) => row.cells)).toEqual([
      ["Weber, Kim", 'says "hi"\nbye'],
      ["Ali", "a;b"],
    ]);
  });

  it("guards cells a spreadsheet would run as a formula", () => {
    expect(guardCell("=HYPERLINK(\"x\")")).toBe("'=HYPERLINK(\"x\")");
    expect(guardCell("-1")).toBe("'-1");
    expect(guardCell("Kim")).toBe("Kim");
    expect(quoteCell("plain")).toBe("plain");
  });
});
