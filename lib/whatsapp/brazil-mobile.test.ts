import { describe, expect, it } from "vitest";
import { brazilianMobileTwin } from "./brazil-mobile";

describe("brazilianMobileTwin", () => {
  it("pairs a Brazilian mobile with and without its ninth digit", () => {
    expect(brazilianMobileTwin("+5531998765432")).toBe("+553198765432");
    expect(brazilianMobileTwin("+553198765432")).toBe("+5531998765432");
    expect(brazilianMobileTwin("+5511987654321")).toBe("+551187654321");
  });

  it("leaves landlines, other countries and malformed numbers alone", () => {
    expect(brazilianMobileTwin("+553132345678")).toBeNull(); // a Belo Horizonte landline
    expect(brazilianMobileTwin("+4915112345678")).toBeNull();
    expect(brazilianMobileTwin("+15531998765432")).toBeNull();
    expect(brazilianMobileTwin("+5501998765432")).toBeNull(); // no area code starts with 0
    expect(brazilianMobileTwin("+55319987654321")).toBeNull();
  });
});
