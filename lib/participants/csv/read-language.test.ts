import { describe, expect, it } from "vitest";
import { LOCALES, translatorFor } from "@/lib/i18n";
import { guessMapping } from "./guess-mapping";
import { readLanguage } from "./read-language";
import { wordedIssues } from "@/test/words";
import { CsvMapping, mappingProblems } from "./schemas";

describe("readLanguage", () => {
  it.each([
    ["en", "en"],
    ["pt-BR", "pt-BR"],
    ["PT-br", "pt-BR"],
    ["pt_BR", "pt-BR"],
    ["pt", "pt-BR"],
    ["pt-PT", "pt-BR"],
    ["es", "es"],
    ["ES-mx", "es"],
    ["de", "de"],
    ["de-AT", "de"],
    [" Deutsch ", "de"],
    ["Português (Brasil)", "pt-BR"],
    ["portugues", "pt-BR"],
    ["Brazilian Portuguese", "pt-BR"],
    ["Español", "es"],
    ["spanish", "es"],
    ["Alemão", "de"],
    ["Inglés", "en"],
    ["ENGLISH", "en"],
  ])("%j → %s", (cell, locale) => {
    expect(readLanguage(cell)).toBe(locale);
  });

  it("reads an empty cell as the organization's language (null), and anything else as unknown", () => {
    expect(readLanguage("")).toBeNull();
    expect(readLanguage("   ")).toBeNull();
    for (const cell of ["fr", "français", "Klingon", "e", "en,de", "yes"]) expect(readLanguage(cell)).toBeUndefined();
  });
});

describe("the roster export's headers", () => {
  it.each(LOCALES)("come back as the same columns when the %s file is imported", (locale) => {
    const t = translatorFor(locale, "roster");
    const headers = [t("csv.name"), t("csv.phone"), t("csv.email"), t("csv.guardianOf"), t("csv.optedOut"), t("csv.language")];
    expect(guessMapping([...headers, "Klasse"])).toEqual(["name", "phone", "email", "guardianOf", "ignore", "language", "metadata"]);
  });
});

describe("mappingProblems", () => {
  it("allows one language column at most, and says so in English for other callers", () => {
    expect(mappingProblems(["name", "phone", "language"])).toEqual([]);
    expect(mappingProblems(["name", "phone", "language", "language"])).toEqual([{ problem: "tooMany", target: "language" }]);
    expect(Object.values(wordedIssues(CsvMapping.safeParse(["name", "phone", "language", "language"]).error!)).flat()).toEqual([
      "Choose at most one language column.",
    ]);
  });
});
