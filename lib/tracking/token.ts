import { createHash, randomBytes } from "node:crypto";

/** 32 random bytes (256 bits) as base64url: 43 URL-safe characters. */
export function newTrackingToken(): string {
  return randomBytes(32).toString("base64url");
}

/** What the database keeps instead of the token: a leaked table gives nobody a working link. */
export function hashTrackingToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Tokens we issue are exactly 43 base64url characters; anything else is unknown without a database lookup. */
export function isWellFormedToken(token: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(token);
}
