import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { signBody } from "@/lib/whatsapp/webhook";

// The embedded mode: no WhatsApp settings at all. The webhook still verifies signatures, with a key derived from the
// auth secret that the simulator signs with. (No database is reached: these bodies stop before any effect.)
const AUTH_SECRET = "embedded-auth-secret-0123456789abcdef";
for (const name of ["WHATSAPP_ACCESS_TOKEN", "WHATSAPP_APP_SECRET", "WHATSAPP_VERIFY_TOKEN", "DATABASE_URL"]) delete process.env[name];
process.env.AUTH_SECRET = AUTH_SECRET;
const { replyPayloadSecret, webhookSecret, webhookVerifyToken } = await import("./secrets");
const { GET, POST } = await import("@/app/api/webhooks/whatsapp/route");

const params = { params: Promise.resolve({}) };
const derived = (purpose: string) => createHmac("sha256", AUTH_SECRET).update(purpose).digest("base64url");

describe("webhook secrets without WhatsApp settings", () => {
  it("derives distinct keys for the webhook signature and the reply payloads from the auth secret", () => {
    expect(webhookSecret()).toBe(derived("whatsapp-webhook"));
    expect(replyPayloadSecret()).toBe(derived("whatsapp-reply-payload"));
    expect(webhookSecret()).not.toBe(replyPayloadSecret());
    expect(webhookVerifyToken()).toBeNull();
  });

  it("refuses every handshake when no verify token is configured", async () => {
    for (const token of ["", "anything"]) {
      const response = await GET(new Request(`http://test/api/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=${token}&hub.challenge=1`), params);
      expect(response.status).toBe(403);
    }
  });

  it("accepts a request signed with the derived key and refuses one signed with anything else", async () => {
    const raw = JSON.stringify({ object: "page", entry: [] });
    const send = (signature: string) =>
      POST(new Request("http://test/api/webhooks/whatsapp", { method: "POST", headers: { "x-hub-signature-256": signature }, body: raw }), params);
    const accepted = await send(signBody(raw, webhookSecret()));
    expect(accepted.status).toBe(200);
    expect(await accepted.json()).toEqual({ received: 0 });
    expect((await send(signBody(raw, AUTH_SECRET))).status).toBe(401);
    expect((await send(signBody(raw, replyPayloadSecret()))).status).toBe(401);
  });
});
