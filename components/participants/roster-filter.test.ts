import { describe, expect, it } from "vitest";
import { filterRoster, pageOf } from "./roster-filter";

const people = [
  { name: "Jürgen Müller", phone: "+4915123456789", email: null, guardianOf: "Lena Müller" },
  { name: "Kim Weber", phone: "+491701234567", email: "kim@example.de", guardianOf: null },
];

describe("filterRoster", () => {
  it("finds by name, e-mail or guardian note, ignoring case", () => {
    expect(filterRoster(people, "müller").map((p) => p.name)).toEqual(["Jürgen Müller"]);
    expect(filterRoster(people, "KIM@").map((p) => p.name)).toEqual(["Kim Weber"]);
    expect(filterRoster(people, "  ")).toHaveLength(2);
  });

  it("finds phone numbers by their digits, written nationally or internationally", () => {
    expect(filterRoster(people, "0151 2345").map((p) => p.name)).toEqual(["Jürgen Müller"]);
    expect(filterRoster(people, "+49 170").map((p) => p.name)).toEqual(["Kim Weber"]);
    expect(filterRoster(people, "01")).toEqual([]);
  });
});

describe("pageOf", () => {
  const rows = Array.from({ length: 250 }, (_, i) => i);
  it("clamps the page and says which rows it shows", () => {
    expect(pageOf(rows, 2)).toMatchObject({ page: 2, pages: 3, from: 101, to: 200 });
    expect(pageOf(rows, 9)).toMatchObject({ page: 3, from: 201, to: 250 });
    expect(pageOf(rows, Number.NaN)).toMatchObject({ page: 1, from: 1 });
    expect(pageOf([], 1)).toMatchObject({ page: 1, pages: 1, from: 0, to: 0, rows: [] });
  });
});
