import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { signBody, verifySignature } from "./signature";
import { readFixture, TEST_APP_SECRET } from "@/test/whatsapp-webhook";

const body = readFixture("text-stop-non-ascii");
const header = `sha256=${createHmac("sha256", TEST_APP_SECRET).update(Buffer.from(body, "utf8")).digest("hex")}`;

describe("verifySignature", () => {
  it("accepts the HMAC-SHA256 of the raw body with the app secret, as a string or as bytes", () => {
    expect(verifySignature(body, header, TEST_APP_SECRET)).toBe(true);
    expect(verifySignature(new TextEncoder().encode(body), header, TEST_APP_SECRET)).toBe(true);
    expect(verifySignature(body, header.toUpperCase().replace("SHA256=", "sha256="), TEST_APP_SECRET)).toBe(true);
    expect(signBody(body, TEST_APP_SECRET)).toBe(header);
  });

  it("signs the UTF-8 bytes, so non-ASCII names verify", () => {
    expect(body).toContain("Zoë Ağaoğlu");
    expect(verifySignature(Buffer.from(body, "utf8"), signBody(body, TEST_APP_SECRET), TEST_APP_SECRET)).toBe(true);
  });

  it("rejects a body changed after signing, even by one character or by re-serializing the JSON", () => {
    expect(verifySignature(body.replace("STOP", "STOp"), header, TEST_APP_SECRET)).toBe(false);
    expect(verifySignature(JSON.stringify(JSON.parse(body)), header, TEST_APP_SECRET)).toBe(false);
    expect(verifySignature(`${body} `, header, TEST_APP_SECRET)).toBe(false);
  });

  it("rejects a signature made with another secret, and an empty secret", () => {
    expect(verifySignature(body, signBody(body, "someone-else"), TEST_APP_SECRET)).toBe(false);
    expect(verifySignature(body, header, "wrong-secret")).toBe(false);
    expect(verifySignature(body, signBody(body, ""), "")).toBe(false);
  });

  it("rejects a missing or malformed header", () => {
    const hex = header.slice("sha256=".length);
    for (const bad of [
      null,
      "",
      hex,
      `sha1=${hex}`,
      `sha256:${hex}`,
      `sha256=${hex.slice(0, 63)}`,
      `sha256=${hex}0`,
      `sha256=${hex.slice(0, 63)}g`,
      `sha256=${Buffer.from(hex, "hex").toString("base64")}`,
      `sha256=${hex},sha256=${hex}`,
    ]) {
      expect(verifySignature(body, bad, TEST_APP_SECRET), String(bad)).toBe(false);
    }
  });
});
