import { createHmac } from "node:crypto";
import { getAuthSecret } from "@/lib/auth";
import { env } from "@/lib/env";

// The embedded mode has no Meta app, yet the simulator must post requests the webhook accepts: without
// WHATSAPP_APP_SECRET the webhook key is derived from the auth secret, which only this server knows.

function derive(purpose: string): string {
  return createHmac("sha256", getAuthSecret()).update(purpose, "utf8").digest("base64url");
}

/** The key `X-Hub-Signature-256` is checked with: Meta's app secret, or a key derived from the auth secret. */
export function webhookSecret(): string {
  return env().WHATSAPP_APP_SECRET ?? derive("whatsapp-webhook");
}

/**
 * The key our button payloads are signed with (see webhook/reply-payload.ts). Always derived from the auth secret:
 * we both make and read these payloads, so Meta's secret has no part in them. Rotating AUTH_SECRET voids the
 * buttons of messages already sent.
 */
export function replyPayloadSecret(): string {
  return derive("whatsapp-reply-payload");
}

/** The token Meta must echo in the subscription handshake, or null when none is configured (every handshake fails). */
export function webhookVerifyToken(): string | null {
  return env().WHATSAPP_VERIFY_TOKEN ?? null;
}
