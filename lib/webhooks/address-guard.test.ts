import { describe, expect, it } from "vitest";
import { isForbiddenAddress } from "./address-guard";
import { postJson } from "./outbound";

// The SSRF guard: outbound webhooks never reach the server's own network unless the development setting allows it.
// Refused requests are refused before any connection is made (literal addresses) or right after DNS (names).

describe("the address guard", () => {
  it.each([
    "10.1.2.3",
    "192.168.0.10",
    "172.16.5.4",
    "169.254.169.254",
    "127.0.0.1",
    "100.64.0.1",
    "0.0.0.0",
    "224.0.0.251",
    "::1",
    "::",
    "fd00::1",
    "fe80::1",
    "ff02::1",
    "::ffff:127.0.0.1",
    "::ffff:7f00:1",
    "0:0:0:0:0:ffff:a00:1",
    "[::1]",
  ])("refuses %s", (address) => {
    expect(isForbiddenAddress(address)).toBe(true);
  });

  it.each(["8.8.8.8", "1.1.1.1", "172.32.0.1", "2606:4700:4700::1111", "::ffff:8.8.8.8"])("allows the public address %s", (address) => {
    expect(isForbiddenAddress(address)).toBe(false);
  });
});

describe("an outbound request", () => {
  const refused = (url: string) => postJson(url, "{}", {}, { allowPrivate: false, timeoutMs: 2_000 });

  it.each([
    ["https://10.0.0.8/hook", "10.0.0.8"],
    ["https://192.168.1.20/hook", "192.168.1.20"],
    ["https://169.254.169.254/latest/meta-data", "169.254.169.254"],
    ["https://[::1]:8443/hook", "::1"],
    ["https://[fd00::7]/hook", "fd00::7"],
    ["https://[::ffff:127.0.0.1]/hook", "::ffff:7f00:1"],
  ])("to %s is refused before connecting", async (url, address) => {
    const result = await refused(url);
    expect(result).toEqual({ status: null, durationMs: 0, error: { code: "private_address", detail: address } });
  });

  it("to a hostname that resolves to a loopback address is refused once resolved", async () => {
    const result = await refused("https://localhost:9/hook");
    expect(result.status).toBeNull();
    expect(result.error).toEqual({ code: "private_address", detail: expect.stringMatching(/^localhost \((127\.0\.0\.1|::1)\)$/) });
  });

  it("over plain http is refused unless private addresses are allowed", async () => {
    expect((await refused("http://example.com/hook")).error).toEqual({ code: "https_only", detail: null });
  });
});
