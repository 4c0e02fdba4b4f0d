import { describe, expect, it } from "vitest";
import { safeCallbackPath } from "./safe-redirect";

describe("safeCallbackPath", () => {
  it("keeps a path on this site", () => {
    expect(safeCallbackPath("/maple-grove/members?tab=1")).toBe("/maple-grove/members?tab=1");
  });

  it("keeps non-ASCII paths, percent-encoded so they fit a Location header", () => {
    expect(safeCallbackPath("/escola-são-paulo/events")).toBe("/escola-s%C3%A3o-paulo/events");
    expect(safeCallbackPath("/%E3%80%82/events")).toBe("/%E3%80%82/events");
  });

  it.each([
    "https://evil.example/",
    "//evil.example/x",
    "/\\evil.example",
    "javascript:alert(1)",
    "",
    undefined,
    42,
    // Found by the security review: each reached evil.example or answered 500.
    "/\t/evil.example/phish",
    "/%09/evil.example/phish",
    "/%0d%0aSet-Cookie:x=1",
    "/\r\nLocation: https://evil.example",
    "/%2F/evil.example",
    "/%5C/evil.example",
    "/%E0%A4%A",
    "/%00",
  ])(
    "refuses %s and falls back",
    (value) => {
      expect(safeCallbackPath(value, "/home")).toBe("/home");
    },
  );
});
