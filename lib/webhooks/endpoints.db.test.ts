import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { startWebhookReceiver } from "@/test/fakes/webhook-receiver";
import { connectTestDatabase, rejection } from "@/test/database";
import { deliveryErrorText } from "@/components/webhooks/delivery-error";
import { translatorFor } from "@/lib/i18n";
import type { WebhookEndpointInput } from "./event-types";

// Endpoints as an admin manages them, with WEBHOOKS_ALLOW_PRIVATE_ADDRESSES off (production's default): only https,
// no private addresses, nothing another organization or a weaker role can see or change; a failing endpoint is
// turned off after days and its owners are told by e-mail, in their language.
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "ec-webhooks-"));
process.env.DATA_DIR = dataDir;
delete process.env.WEBHOOKS_ALLOW_PRIVATE_ADDRESSES;
connectTestDatabase();
const { getDb, schema } = await import("@/lib/database");
const { given } = await import("@/test/given");
const { listOutbox } = await import("@/lib/mail/send-mail");
const webhooks = await import("@/lib/webhooks");
const { createWebhookEndpoint, deliverDueWebhooks, listWebhookEndpoints, listWebhookDeliveries, sendTestWebhook } = webhooks;

const receiver = await startWebhookReceiver();
afterAll(async () => {
  await receiver.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});
const { auditLogs, users, webhookAttempts, webhookEndpoints } = schema;
const DAY = 86_400_000;
const valid: WebhookEndpointInput = { url: "https://hooks.example.com/event-coming", description: "CRM", eventTypes: ["participant.arrived", "occurrence.closed"] };

describe("webhook endpoints", () => {
  it("an admin adds one with a whsec_ secret of 32 random bytes, rotates it, disables, enables and deletes it; each is audited", async () => {
    const t = await given.org();
    const admin = await t.add("admin");
    const endpoint = await createWebhookEndpoint(admin.ctx, valid);
    expect(endpoint).toMatchObject({ url: valid.url, description: "CRM", eventTypes: valid.eventTypes, disabledAt: null });
    expect(endpoint.secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(Buffer.from(endpoint.secret.slice(6), "base64")).toHaveLength(32);

    const rotated = await webhooks.rotateWebhookSecret(admin.ctx, endpoint.id);
    expect(rotated.secret).not.toBe(endpoint.secret);
    const updated = await webhooks.updateWebhookEndpoint(admin.ctx, endpoint.id, { ...valid, eventTypes: "message.failed" });
    expect(updated.eventTypes).toEqual(["message.failed"]);
    expect(await webhooks.setWebhookEndpointEnabled(admin.ctx, endpoint.id, false)).toMatchObject({ disabledReason: "manual" });
    expect(await webhooks.setWebhookEndpointEnabled(admin.ctx, endpoint.id, true)).toMatchObject({ disabledAt: null, disabledReason: null });
    await webhooks.deleteWebhookEndpoint(admin.ctx, endpoint.id);
    expect(await listWebhookEndpoints(admin.ctx)).toEqual([]);

    const audit = await getDb().select().from(auditLogs).where(eq(auditLogs.targetId, endpoint.id)).orderBy(auditLogs.createdAt);
    expect(audit.map((a) => a.action)).toEqual([
      "webhook.endpoint_created",
      "webhook.secret_rotated",
      "webhook.endpoint_updated",
      "webhook.endpoint_disabled",
      "webhook.endpoint_enabled",
      "webhook.endpoint_deleted",
    ]);
    expect(audit.every((a) => a.actorUserId === admin.user.id)).toBe(true);
  });

  it.each([
    ["plain http", { url: "http://hooks.example.com/x" }, "url"],
    ["a private address", { url: "https://10.0.0.5/x" }, "url"],
    ["the metadata address", { url: "https://169.254.169.254/latest" }, "url"],
    ["loopback IPv6", { url: "https://[::1]/x" }, "url"],
    ["not a URL", { url: "hooks" }, "url"],
    ["no events", { eventTypes: [] }, "eventTypes"],
    ["an unknown event", { eventTypes: ["participant.teleported"] }, "eventTypes"],
  ])("refuses %s and creates nothing", async (_, change, field) => {
    const t = await given.org();
    const error = await rejection(createWebhookEndpoint(t.owner.ctx, { ...valid, ...change } as WebhookEndpointInput));
    expect(error.code).toBe("VALIDATION");
    expect(Object.keys(error.fields ?? {})).toContain(field);
    expect(await listWebhookEndpoints(t.owner.ctx)).toEqual([]);
  });

  it("words its refusals in the organizer's language", async () => {
    const t = await given.org();
    const privateAddress = await rejection(createWebhookEndpoint(t.owner.ctx, { ...valid, url: "https://192.168.1.9/x" }), "de");
    expect(privateAddress.fields).toEqual({ url: ["Diese Adresse ist privat oder reserviert: Webhooks gehen nur an Adressen im Internet."] });
    const nothingTicked = await rejection(createWebhookEndpoint(t.owner.ctx, { url: "http://x.example", description: "" } as WebhookEndpointInput), "es");
    expect(nothingTicked.fields).toEqual({ eventTypes: ["Elige al menos un evento de la lista."] });
    const plainHttp = await rejection(createWebhookEndpoint(t.owner.ctx, { ...valid, url: "http://hooks.example.com/x" }), "pt-BR");
    expect(plainHttp.fields).toEqual({ url: ["Use um endereço que comece com https://: webhooks só são enviados criptografados."] });
  });

  it("a manager can neither see nor change them", async () => {
    const t = await given.org();
    const manager = await t.add("manager");
    const endpoint = await createWebhookEndpoint(t.owner.ctx, valid);
    expect((await rejection(listWebhookEndpoints(manager.ctx))).code).toBe("FORBIDDEN");
    expect((await rejection(createWebhookEndpoint(manager.ctx, valid))).code).toBe("FORBIDDEN");
    expect((await rejection(webhooks.rotateWebhookSecret(manager.ctx, endpoint.id))).code).toBe("FORBIDDEN");
    expect((await rejection(sendTestWebhook(manager.ctx, endpoint.id))).code).toBe("FORBIDDEN");
  });

  it("another organization cannot read or change an endpoint or its deliveries: they look missing", async () => {
    const a = await given.org();
    const b = await given.org();
    const endpoint = await createWebhookEndpoint(a.owner.ctx, valid);
    const { deliveryId } = await sendTestWebhook(a.owner.ctx, endpoint.id);
    expect(await listWebhookEndpoints(b.owner.ctx)).toEqual([]);
    const attempts = [
      () => webhooks.updateWebhookEndpoint(b.owner.ctx, endpoint.id, valid),
      () => webhooks.rotateWebhookSecret(b.owner.ctx, endpoint.id),
      () => webhooks.setWebhookEndpointEnabled(b.owner.ctx, endpoint.id, false),
      () => webhooks.deleteWebhookEndpoint(b.owner.ctx, endpoint.id),
      () => listWebhookDeliveries(b.owner.ctx, endpoint.id),
      () => sendTestWebhook(b.owner.ctx, endpoint.id),
      () => webhooks.resendWebhookDelivery(b.owner.ctx, endpoint.id, deliveryId),
    ];
    for (const attempt of attempts) expect((await rejection(attempt())).code).toBe("NOT_FOUND");
    // B's own endpoint cannot be used to reach A's delivery either.
    const theirs = await createWebhookEndpoint(b.owner.ctx, valid);
    expect((await rejection(webhooks.resendWebhookDelivery(b.owner.ctx, theirs.id, deliveryId))).code).toBe("NOT_FOUND");
    const [row] = await getDb().select().from(webhookEndpoints).where(eq(webhookEndpoints.id, endpoint.id));
    expect(row).toMatchObject({ secret: endpoint.secret, disabledAt: null, url: valid.url });
    expect((await listWebhookDeliveries(a.owner.ctx, endpoint.id)).map((d) => d.id)).toEqual([deliveryId]);
  });

  it("a hostname that resolves to a private address is refused when sending, recorded as a failed attempt with the reason", async () => {
    const t = await given.org();
    const port = new URL(receiver.url).port;
    const endpoint = await createWebhookEndpoint(t.owner.ctx, { ...valid, url: `https://localhost:${port}/hooks` });
    await sendTestWebhook(t.owner.ctx, endpoint.id);
    expect(await deliverDueWebhooks(new Date(), { organizationId: t.org.id })).toMatchObject({ retrying: 1 });
    expect(receiver.received).toEqual([]);
    const [delivery] = await listWebhookDeliveries(t.owner.ctx, endpoint.id);
    expect(delivery).toMatchObject({ eventType: "webhook.test", status: "pending", attempts: 1, lastResponseStatus: null });
    expect(delivery).toMatchObject({ lastErrorCode: "private_address", lastError: expect.stringMatching(/^localhost \((127\.0\.0\.1|::1)\)$/) });
    const [attempt] = await getDb().select().from(webhookAttempts).where(eq(webhookAttempts.deliveryId, delivery!.id));
    expect(attempt).toMatchObject({ responseStatus: null, errorCode: "private_address", error: delivery!.lastError });
    // Settings says it in the organizer's language; a row from before the codes keeps its English sentence.
    const reason = (locale: "en" | "de", row: typeof delivery) => deliveryErrorText(translatorFor(locale, "webhooks"), row!);
    expect(reason("en", delivery)).toMatch(/^Refused: localhost \((127\.0\.0\.1|::1)\) is a private or reserved address\.$/);
    expect(reason("de", delivery)).toMatch(/^Abgelehnt: localhost \((127\.0\.0\.1|::1)\) ist eine private oder reservierte Adresse\.$/);
    const old = { ...delivery!, lastErrorCode: null, lastError: "Could not connect: connect ECONNREFUSED 127.0.0.1:9" };
    expect(reason("de", old)).toBe("Could not connect: connect ECONNREFUSED 127.0.0.1:9");
  });

  it("an endpoint failing for more than five days is disabled and its owners are e-mailed in their language", async () => {
    const t = await given.org({ name: "Escola Sol" });
    const coOwner = await t.add("owner");
    await getDb().update(users).set({ language: "de" }).where(eq(users.id, t.owner.user.id));
    const endpoint = await createWebhookEndpoint(t.owner.ctx, { ...valid, url: "https://localhost:9/down" });
    await sendTestWebhook(t.owner.ctx, endpoint.id);
    const start = new Date(Date.now() + 1_000);
    await deliverDueWebhooks(start, { organizationId: t.org.id });
    const [failing] = await getDb().select().from(webhookEndpoints).where(eq(webhookEndpoints.id, endpoint.id));
    expect(failing).toMatchObject({ failingSince: start, disabledAt: null });

    // Four days later it still fails: still enabled, the streak still dates from the first failure.
    await sendTestWebhook(t.owner.ctx, endpoint.id);
    await deliverDueWebhooks(new Date(start.getTime() + 4 * DAY), { organizationId: t.org.id });
    expect((await listWebhookEndpoints(t.owner.ctx))[0]).toMatchObject({ failingSince: start, disabledAt: null });

    await sendTestWebhook(t.owner.ctx, endpoint.id);
    const later = new Date(start.getTime() + 5 * DAY + 60_000);
    expect(await deliverDueWebhooks(later, { organizationId: t.org.id })).toMatchObject({ disabledEndpoints: 1 });
    expect((await listWebhookEndpoints(t.owner.ctx))[0]).toMatchObject({ disabledAt: later, disabledReason: "failing" });

    const mails = listOutbox(10_000);
    const german = mails.filter((m) => m.to === t.owner.user.email);
    expect(german).toHaveLength(1);
    expect(german[0]!.subject).toMatch(/^Ein Webhook von Escola Sol [0-9a-f]{8} wurde abgeschaltet$/);
    expect(german[0]!.text).toContain("https://localhost:9/down");
    expect(german[0]!.text).toContain(`http://app.test/${t.org.slug}/settings/webhooks`);
    const english = mails.filter((m) => m.to === coOwner.user.email);
    expect(english.map((m) => m.subject)).toEqual([expect.stringMatching(/^A webhook of Escola Sol .+ was turned off$/)]);
    const audit = await getDb().select().from(auditLogs).where(eq(auditLogs.targetId, endpoint.id));
    expect(audit.find((a) => a.action === "webhook.endpoint_auto_disabled")).toMatchObject({ actorType: "system", actorUserId: null });

    // Disabled: nothing more is claimed for it.
    await sendTestWebhook(t.owner.ctx, endpoint.id).catch(() => undefined);
    expect(await deliverDueWebhooks(new Date(later.getTime() + DAY), { organizationId: t.org.id })).toMatchObject({ retrying: 0, failed: 0, succeeded: 0 });
  });
});
