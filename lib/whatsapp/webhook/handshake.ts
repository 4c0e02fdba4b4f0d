import { createHash, timingSafeEqual } from "node:crypto";

export type HandshakeAnswer = { status: 200; body: string } | { status: 403 };

type Params = Pick<URLSearchParams, "get">;

/**
 * Answers the verification request Meta sends when the webhook URL is registered:
 * `GET ?hub.mode=subscribe&hub.verify_token=<ours>&hub.challenge=<n>` → 200 with the challenge as plain text.
 * Anything else (wrong mode, wrong or missing token, no challenge) → 403.
 */
export function answerHandshake(searchParams: Params, verifyToken: string): HandshakeAnswer {
  const mode = searchParams.get("hub.mode");
  const token = searchParams.get("hub.verify_token");
  const challenge = searchParams.get("hub.challenge");
  if (mode !== "subscribe" || token === null || !challenge || !verifyToken) return { status: 403 };
  return isSameSecret(token, verifyToken) ? { status: 200, body: challenge } : { status: 403 };
}

/** Constant-time string comparison: hashing first gives equal-length buffers whatever the input lengths. */
function isSameSecret(a: string, b: string): boolean {
  const digest = (s: string) => createHash("sha256").update(s, "utf8").digest();
  return timingSafeEqual(digest(a), digest(b));
}
