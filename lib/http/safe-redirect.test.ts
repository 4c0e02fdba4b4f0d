import { describe, expect, it } from "vitest";
import { safeCallbackPath } from "./safe-redirect";

describe("safeCallbackPath", () => {
  it("keeps a path on this site", () => {
    expect(safeCallbackPath("/maple-grove/members?tab=1")).toBe("/maple-grove/members?tab=1");
  });

  it.each(["https://evil.example/", "//evil.example/x", "/\\evil.example", "javascript:alert(1)", "", undefined, 42])(
    "refuses %s and falls back",
    (value) => {
      expect(safeCallbackPath(value, "/home")).toBe("/home");
    },
  );
});
