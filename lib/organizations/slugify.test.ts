import { describe, expect, it } from "vitest";
import { slugify } from "./create-organization";

describe("slugify", () => {
  it("turns a name into a readable URL segment", () => {
    expect(slugify("Maple Grove School")).toBe("maple-grove-school");
    expect(slugify("  Écoles  Saint-Exupéry ")).toBe("ecoles-saint-exupery");
  });

  it("never shadows one of the app's own top-level paths", () => {
    expect(slugify("API")).toBe("api-team");
    expect(slugify("Sign in")).toBe("sign-in-team");
    expect(slugify("!!!")).toBe("org-team");
  });
});
