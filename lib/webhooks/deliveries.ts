import { and, desc, eq, sql } from "drizzle-orm";
import { getDb, schema } from "@/lib/database";
import { writeAudit } from "@/lib/audit";
import { AppError, problem } from "@/lib/errors";
import { assertCan, type OrgContext } from "@/lib/tenant";
import { lockEndpoint } from "./endpoints";
import { kickWebhookDelivery, markEnqueued } from "./enqueue";
import { TEST_EVENT_TYPE } from "./event-types";

const { webhookDeliveries, webhookEndpoints } = schema;

export type WebhookDeliveryRow = Pick<
  typeof webhookDeliveries.$inferSelect,
  "id" | "eventType" | "status" | "attempts" | "createdAt" | "nextAttemptAt" | "lastAttemptAt" | "lastResponseStatus" | "lastDurationMs" | "lastErrorCode" | "lastError"
>;

/** An endpoint's latest deliveries, newest first: what was sent, how it went, and when the next attempt is. */
export async function listWebhookDeliveries(ctx: OrgContext, endpointId: string, limit = 20): Promise<WebhookDeliveryRow[]> {
  assertCan(ctx, "webhooks.manage");
  const [endpoint] = await getDb()
    .select({ id: webhookEndpoints.id })
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.id, endpointId), eq(webhookEndpoints.organizationId, ctx.org.id)));
  if (!endpoint) throw new AppError("NOT_FOUND", problem("webhooks.endpointNotFound"));
  return getDb()
    .select({
      id: webhookDeliveries.id,
      eventType: webhookDeliveries.eventType,
      status: webhookDeliveries.status,
      attempts: webhookDeliveries.attempts,
      createdAt: webhookDeliveries.createdAt,
      nextAttemptAt: webhookDeliveries.nextAttemptAt,
      lastAttemptAt: webhookDeliveries.lastAttemptAt,
      lastResponseStatus: webhookDeliveries.lastResponseStatus,
      lastDurationMs: webhookDeliveries.lastDurationMs,
      lastErrorCode: webhookDeliveries.lastErrorCode,
      lastError: webhookDeliveries.lastError,
    })
    .from(webhookDeliveries)
    .where(and(eq(webhookDeliveries.endpointId, endpointId), eq(webhookDeliveries.organizationId, ctx.org.id)))
    .orderBy(desc(webhookDeliveries.createdAt))
    .limit(limit);
}

/** *Send again*: the delivery (same id, same payload) gets a new attempt now, whatever became of the earlier ones. */
export async function resendWebhookDelivery(ctx: OrgContext, endpointId: string, deliveryId: string): Promise<void> {
  assertCan(ctx, "webhooks.manage");
  await getDb().transaction(async (tx) => {
    const endpoint = await lockEndpoint(tx, ctx, endpointId);
    if (endpoint.disabledAt) throw new AppError("PRECONDITION_FAILED", problem("webhooks.enableFirst"));
    const [row] = await tx
      .update(webhookDeliveries)
      .set({ status: "pending", nextAttemptAt: sql`now()` })
      .where(
        and(
          eq(webhookDeliveries.id, deliveryId),
          eq(webhookDeliveries.endpointId, endpointId),
          eq(webhookDeliveries.organizationId, ctx.org.id),
        ),
      )
      .returning({ id: webhookDeliveries.id, eventType: webhookDeliveries.eventType });
    if (!row) throw new AppError("NOT_FOUND", problem("webhooks.deliveryNotFound"));
    await writeAudit(tx, ctx, { action: "webhook.delivery_resent", targetType: "webhook_delivery", targetId: row.id, data: { eventType: row.eventType } });
  });
  markEnqueued();
  kickWebhookDelivery();
}

/** *Send test event*: a `webhook.test` ping to this endpoint alone, signed and delivered like any event. */
export async function sendTestWebhook(ctx: OrgContext, endpointId: string): Promise<{ deliveryId: string }> {
  assertCan(ctx, "webhooks.manage");
  const deliveryId = await getDb().transaction(async (tx) => {
    const endpoint = await lockEndpoint(tx, ctx, endpointId);
    if (endpoint.disabledAt) throw new AppError("PRECONDITION_FAILED", problem("webhooks.enableFirst"));
    const payload = { type: TEST_EVENT_TYPE, timestamp: new Date().toISOString(), data: { organizationId: ctx.org.id, endpointId, message: "A test event from Event-Coming." } };
    const [row] = await tx
      .insert(webhookDeliveries)
      .values({ organizationId: ctx.org.id, endpointId, eventType: TEST_EVENT_TYPE, payload })
      .returning({ id: webhookDeliveries.id });
    await writeAudit(tx, ctx, { action: "webhook.test_sent", targetType: "webhook_endpoint", targetId: endpointId, data: { url: endpoint.url } });
    return row!.id;
  });
  markEnqueued();
  kickWebhookDelivery();
  return { deliveryId };
}
