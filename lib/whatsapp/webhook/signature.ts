import { createHmac, timingSafeEqual } from "node:crypto";

const HEADER = /^sha256=([0-9a-f]{64})$/i;

/**
 * Checks Meta's `X-Hub-Signature-256: sha256=<hex>` header: the HMAC-SHA256 of the raw request bytes keyed with the
 * app secret. Pass the body exactly as received (before JSON parsing): re-serialized JSON would not match.
 * A missing or malformed header, or an empty secret, is simply "not verified".
 */
export function verifySignature(rawBody: string | Uint8Array, header: string | null, appSecret: string): boolean {
  if (!header || !appSecret) return false;
  const match = HEADER.exec(header.trim());
  if (!match?.[1]) return false;
  const received = Buffer.from(match[1], "hex");
  const expected = createHmac("sha256", appSecret).update(rawBody).digest();
  // Both are 32 bytes here (the regex fixes the length), which timingSafeEqual requires.
  return received.length === expected.length && timingSafeEqual(received, expected);
}

/** The header value Meta would send for this body; used by tests and the embedded-mode simulator. */
export function signBody(rawBody: string | Uint8Array, appSecret: string): string {
  return `sha256=${createHmac("sha256", appSecret).update(rawBody).digest("hex")}`;
}
