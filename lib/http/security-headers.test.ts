import { describe, expect, it } from "vitest";

// Settings are read once per process: this file's deployment is served over HTTPS and lets one origin frame the board.
process.env.APP_URL = "https://app.example.com";
process.env.BOARD_FRAME_ANCESTORS = "https://screens.example.com";
process.env.MAP_STYLE = "https://tiles.example.net/styles/liberty.json";
const { pageKindOf, securityHeaders } = await import("./security-headers");

describe("securityHeaders", () => {
  it("sends HSTS and upgrades requests when the app's public address is HTTPS", () => {
    const page = securityHeaders("page", "abc");
    expect(page["strict-transport-security"]).toBe("max-age=63072000; includeSubDomains");
    expect(page["content-security-policy"]).toContain("upgrade-insecure-requests");
    expect(securityHeaders("api")["strict-transport-security"]).toBe("max-age=63072000; includeSubDomains");
  });

  it("lets only the listed origins frame the arrival board, and nothing frame anything else", () => {
    const board = securityHeaders(pageKindOf("/board/maple-grove/8c7b"), "abc");
    expect(board["content-security-policy"]).toContain("frame-ancestors https://screens.example.com");
    expect(board["x-frame-options"]).toBeUndefined();
    for (const path of ["/maple-grove/occurrences/8c7b/live", "/t/token", "/sign-in"]) {
      const headers = securityHeaders(pageKindOf(path), "abc");
      expect(headers["content-security-policy"], path).toContain("frame-ancestors 'none'");
      expect(headers["x-frame-options"], path).toBe("DENY");
    }
  });

  it("allows the configured map style's host to serve the map, and the nonce to run scripts", () => {
    const csp = securityHeaders("tracking-page", "n0nce")["content-security-policy"]!;
    expect(csp).toContain("connect-src 'self' https://tiles.example.net;");
    expect(csp).toContain("img-src 'self' data: blob: https://tiles.example.net;");
    // Exactly that origin: nothing else outside the app is reachable from a page.
    expect(csp.match(/https?:\/\/[^\s;]+/g)).toEqual(["https://tiles.example.net", "https://tiles.example.net"]);
    expect(csp).toContain("script-src 'self' 'nonce-n0nce' 'strict-dynamic'");
    expect(csp).not.toContain("unsafe-eval");
  });

  it("lets only the API reference take style elements without a nonce; its scripts still need it", () => {
    const docs = securityHeaders(pageKindOf("/docs/api"), "n0nce")["content-security-policy"]!;
    expect(docs).toContain("style-src 'self' 'unsafe-inline'");
    expect(docs).toContain("script-src 'self' 'nonce-n0nce' 'strict-dynamic'");
    for (const path of ["/docs/api/scalar.js", "/maple-grove/settings", "/t/token"]) {
      expect(securityHeaders(pageKindOf(path), "n0nce")["content-security-policy"], path).toContain("style-src 'self' 'nonce-n0nce'");
    }
  });
});
