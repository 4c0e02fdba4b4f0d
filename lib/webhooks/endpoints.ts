import { randomBytes } from "node:crypto";
import { and, desc, eq } from "drizzle-orm";
import { getDb, schema, type Executor } from "@/lib/database";
import { writeAudit } from "@/lib/audit";
import { env } from "@/lib/env";
import { AppError, fieldError, parseInput, problem } from "@/lib/errors";
import { actorUserId, assertCan, type OrgContext } from "@/lib/tenant";
import { WebhookEndpointInput } from "./event-types";
import { refusalOf } from "./outbound";

const { webhookEndpoints } = schema;

export type WebhookEndpoint = typeof webhookEndpoints.$inferSelect;

/** `whsec_` + base64 of 32 random bytes, the Standard Webhooks form the `standardwebhooks` package reads. */
export function newWebhookSecret(): string {
  return `whsec_${randomBytes(32).toString("base64")}`;
}

/**
 * Parses a form's endpoint: a URL that could only reach a private address, or plain http, is refused unless
 * WEBHOOKS_ALLOW_PRIVATE_ADDRESSES allows it.
 */
function parseEndpoint(input: WebhookEndpointInput) {
  const endpoint = parseInput(WebhookEndpointInput, input);
  const refusal = refusalOf(new URL(endpoint.url), env().WEBHOOKS_ALLOW_PRIVATE_ADDRESSES);
  if (refusal) throw fieldError("VALIDATION", "url", refusal.code === "https_only" ? problem("webhooks.https") : problem("webhooks.private"));
  return endpoint;
}

/** The organization's endpoints, newest first. Their secrets are shown to admins, who verify signatures with them. */
export async function listWebhookEndpoints(ctx: OrgContext): Promise<WebhookEndpoint[]> {
  assertCan(ctx, "webhooks.manage");
  return getDb().select().from(webhookEndpoints).where(eq(webhookEndpoints.organizationId, ctx.org.id)).orderBy(desc(webhookEndpoints.createdAt));
}

/** One endpoint of the organization, locked for the change; another organization's looks like a missing one. */
export async function lockEndpoint(tx: Executor, ctx: OrgContext, endpointId: string): Promise<WebhookEndpoint> {
  const [row] = await tx
    .select()
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.id, endpointId), eq(webhookEndpoints.organizationId, ctx.org.id)))
    .for("update");
  if (!row) throw new AppError("NOT_FOUND", problem("webhooks.endpointNotFound"));
  return row;
}

export async function createWebhookEndpoint(ctx: OrgContext, input: WebhookEndpointInput): Promise<WebhookEndpoint> {
  assertCan(ctx, "webhooks.manage");
  const { url, description, eventTypes } = parseEndpoint(input);
  return getDb().transaction(async (tx) => {
    const [row] = await tx
      .insert(webhookEndpoints)
      .values({ organizationId: ctx.org.id, url, description, eventTypes, secret: newWebhookSecret(), createdByUserId: actorUserId(ctx) })
      .returning();
    await writeAudit(tx, ctx, { action: "webhook.endpoint_created", targetType: "webhook_endpoint", targetId: row!.id, data: { url, eventTypes } });
    return row!;
  });
}

export async function updateWebhookEndpoint(ctx: OrgContext, endpointId: string, input: WebhookEndpointInput): Promise<WebhookEndpoint> {
  assertCan(ctx, "webhooks.manage");
  const { url, description, eventTypes } = parseEndpoint(input);
  return getDb().transaction(async (tx) => {
    await lockEndpoint(tx, ctx, endpointId);
    const [row] = await tx
      .update(webhookEndpoints)
      .set({ url, description, eventTypes, updatedAt: new Date() })
      .where(and(eq(webhookEndpoints.id, endpointId), eq(webhookEndpoints.organizationId, ctx.org.id)))
      .returning();
    await writeAudit(tx, ctx, { action: "webhook.endpoint_updated", targetType: "webhook_endpoint", targetId: endpointId, data: { url, eventTypes } });
    return row!;
  });
}

/** A new secret: the old one stops signing at once (the receiver must be given the new one). */
export async function rotateWebhookSecret(ctx: OrgContext, endpointId: string): Promise<WebhookEndpoint> {
  return changeEndpoint(ctx, endpointId, "webhook.secret_rotated", () => ({ secret: newWebhookSecret() }));
}

/** Disabling stops deliveries (pending ones wait); enabling starts a fresh run, without the failure streak. */
export async function setWebhookEndpointEnabled(ctx: OrgContext, endpointId: string, enabled: boolean): Promise<WebhookEndpoint> {
  const now = new Date();
  return changeEndpoint(ctx, endpointId, enabled ? "webhook.endpoint_enabled" : "webhook.endpoint_disabled", (current) =>
    enabled
      ? { disabledAt: null, disabledReason: null, failingSince: null }
      : { disabledAt: current.disabledAt ?? now, disabledReason: current.disabledReason ?? "manual" },
  );
}

export async function deleteWebhookEndpoint(ctx: OrgContext, endpointId: string): Promise<void> {
  assertCan(ctx, "webhooks.manage");
  await getDb().transaction(async (tx) => {
    const current = await lockEndpoint(tx, ctx, endpointId);
    await tx.delete(webhookEndpoints).where(and(eq(webhookEndpoints.id, endpointId), eq(webhookEndpoints.organizationId, ctx.org.id)));
    await writeAudit(tx, ctx, { action: "webhook.endpoint_deleted", targetType: "webhook_endpoint", targetId: endpointId, data: { url: current.url } });
  });
}

async function changeEndpoint(
  ctx: OrgContext,
  endpointId: string,
  action: string,
  values: (current: WebhookEndpoint) => Partial<WebhookEndpoint>,
): Promise<WebhookEndpoint> {
  assertCan(ctx, "webhooks.manage");
  return getDb().transaction(async (tx) => {
    const current = await lockEndpoint(tx, ctx, endpointId);
    const [row] = await tx
      .update(webhookEndpoints)
      .set({ ...values(current), updatedAt: new Date() })
      .where(and(eq(webhookEndpoints.id, endpointId), eq(webhookEndpoints.organizationId, ctx.org.id)))
      .returning();
    await writeAudit(tx, ctx, { action, targetType: "webhook_endpoint", targetId: endpointId, data: { url: current.url } });
    return row!;
  });
}
