import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { translatorFor } from "@/lib/i18n";
import { guessMapping } from "./guess-mapping";
import { parseCsv } from "./parse-csv";
import { readImportRows } from "./read-rows";
import { wordedIssues } from "@/test/words";
import { CsvMapping } from "./schemas";

const english = { t: translatorFor("en", "import"), phone: translatorFor("en", "participants"), locale: "en" as const };

describe("guessMapping", () => {
  it.each([
    [["name", "phone"], ["name", "phone"]],
    [["Name", "Phone", "E-mail", "guardian of"], ["name", "phone", "email", "guardianOf"]],
    [["Full name", "Mobile", "Email", "Parent of"], ["name", "phone", "email", "guardianOf"]],
    [["Nome", "Telefone", "E-Mail"], ["name", "phone", "email"]],
    [["Name", "Telefon", "Klasse"], ["name", "phone", "metadata"]],
    [["Name", "WhatsApp", "Bus stop", ""], ["name", "phone", "metadata", "ignore"]],
    [
      ["name", "phone", "email", "guardian_of", "opted_out", "Class"],
      ["name", "phone", "email", "guardianOf", "ignore", "metadata"],
    ],
    [["First name", "Last name", "Cell phone"], ["name", "name", "phone"]],
    [["Name", "Vorname", "Phone", "Work phone"], ["name", "metadata", "phone", "metadata"]],
    [["Nombre", "Teléfono", "Correo"], ["name", "phone", "email"]],
  ])("%j → %j", (headers, mapping) => {
    expect(guessMapping(headers)).toEqual(mapping);
  });
});

describe("CsvMapping", () => {
  it("needs a name and exactly one phone column", () => {
    expect(CsvMapping.safeParse(["name", "phone", "metadata"]).success).toBe(true);
    expect(CsvMapping.safeParse(["name", "name", "phone"]).success).toBe(true);
    const messages = (mapping: string[]) => Object.values(wordedIssues(CsvMapping.safeParse(mapping).error!)).flat();
    expect(messages(["phone", "ignore"])).toEqual(["Choose the column with the names."]);
    expect(messages(["name", "phone", "phone"])).toEqual(["Choose exactly one column with phone numbers."]);
    expect(messages(["name", "phone", "email", "email"])).toEqual(["Choose at most one e-mail column."]);
  });
});

describe("readImportRows", () => {
  const file = [
    "Name;Phone;E-mail;Guardian of;Class;Notes",
    "Kim Weber;0151 1234 5678;KIM@Example.com;Lena;3b;",
    ";0151 2222 3333;;;;",
    "Ali;hello;ali@;;;",
    "Eve;;;;;",
    "Jo;+4915112345678;;;4a;'=1+1",
  ].join("\n");
  const parsed = parseCsv(file);

  it("reads names, E.164 phones, e-mails and metadata, and says what is wrong with each bad row", () => {
    const rows = readImportRows(parsed, guessMapping(parsed.headers), "DE", english);
    expect(rows).toEqual([
      {
        line: 2,
        status: "ok",
        errors: [],
        data: {
          name: "Kim Weber",
          phone: "+4915112345678",
          email: "kim@example.com",
          guardianOf: "Lena",
          metadata: { Class: "3b" },
        },
      },
      {
        line: 3,
        status: "error",
        errors: ["Name is missing."],
        data: { name: "", phone: "+4915122223333", email: null, guardianOf: null, metadata: {} },
      },
      {
        line: 4,
        status: "error",
        errors: ['Phone "hello": This is not a phone number.', 'E-mail "ali@" is not a valid address.'],
        data: { name: "Ali", phone: "hello", email: "ali@", guardianOf: null, metadata: {} },
      },
      {
        line: 5,
        status: "error",
        errors: ["Phone number is missing."],
        data: { name: "Eve", phone: "", email: null, guardianOf: null, metadata: {} },
      },
      {
        line: 6,
        status: "duplicate",
        errors: ["Same phone number as line 2."],
        // The export's formula guard ('=…) is dropped again.
        data: {
          name: "Jo",
          phone: "+4915112345678",
          email: null,
          guardianOf: null,
          metadata: { Class: "4a", Notes: "=1+1" },
        },
      },
    ]);
  });

  it("joins first and last name columns, names unnamed and repeated metadata columns", () => {
    const csv = parseCsv("First name,Last name,Phone,,Tag,Tag\nKim,Weber,0151 1234 5678,x,a,b\n");
    const rows = readImportRows(csv, ["name", "name", "phone", "metadata", "metadata", "metadata"], "DE", english);
    expect(rows[0]!.data).toEqual({
      name: "Kim Weber",
      phone: "+4915112345678",
      email: null,
      guardianOf: null,
      metadata: { "Column 4": "x", Tag: "a", "Tag (2)": "b" },
    });
  });

  it("refuses a mapping that does not fit the file", () => {
    expect(() => readImportRows(parsed, ["name", "phone"], "DE", english)).toThrow(AppError);
  });
});
