import { describe, expect, it } from "vitest";
import { distanceUnitsFor, localeForCountry, negotiateLocale, toLocale } from "./locales";

describe("negotiateLocale", () => {
  it("picks the best supported language of a browser's list", () => {
    expect(negotiateLocale("pt-BR,pt;q=0.9,en-US;q=0.8")).toBe("pt-BR");
    expect(negotiateLocale("pt-PT,pt;q=0.9")).toBe("pt-BR");
    expect(negotiateLocale("es-MX")).toBe("es");
    expect(negotiateLocale("de-AT,de;q=0.9,en;q=0.1")).toBe("de");
    expect(negotiateLocale("fr-FR,fr;q=0.9,de;q=0.5,en;q=0.4")).toBe("de");
    expect(negotiateLocale("en;q=0.2,es;q=0.8")).toBe("es");
  });

  it("says null when none is supported or the header is missing or empty", () => {
    expect(negotiateLocale("fr-FR,ja;q=0.5")).toBeNull();
    expect(negotiateLocale("")).toBeNull();
    expect(negotiateLocale(null)).toBeNull();
    expect(negotiateLocale("*")).toBeNull();
    expect(negotiateLocale("de;q=0")).toBeNull();
  });
});

describe("defaults", () => {
  it("gives a new organization its country's language", () => {
    expect(localeForCountry("BR")).toBe("pt-BR");
    expect(localeForCountry("mx")).toBe("es");
    expect(localeForCountry("DE")).toBe("de");
    expect(localeForCountry("IN")).toBe("en");
  });

  it("reads a stored value as a locale, falling back for anything unknown", () => {
    expect(toLocale("de")).toBe("de");
    expect(toLocale("fr")).toBe("en");
    expect(toLocale(null, "es")).toBe("es");
  });

  it("measures in miles in the US and the UK only", () => {
    expect(distanceUnitsFor("US")).toBe("imperial");
    expect(distanceUnitsFor("GB")).toBe("imperial");
    expect(distanceUnitsFor("BR")).toBe("metric");
    expect(distanceUnitsFor(null)).toBe("metric");
  });
});
