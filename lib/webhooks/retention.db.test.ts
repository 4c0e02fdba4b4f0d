import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { connectTestDatabase } from "@/test/database";

// The deliveries log keeps what is recent: finished deliveries older than the retention go with their attempts; a
// delivery still being retried stays whatever its age, and so does everything of the last 30 days.
process.env.WEBHOOKS_ALLOW_PRIVATE_ADDRESSES = "true";
connectTestDatabase();
const { getDb, schema } = await import("@/lib/database");
const { given } = await import("@/test/given");
const { createWebhookEndpoint, purgeWebhookDeliveries, DELIVERY_RETENTION_DAYS } = await import("@/lib/webhooks");
const { webhookAttempts, webhookDeliveries } = schema;
const DAY = 24 * 60 * 60 * 1000;

describe("purging webhook deliveries", () => {
  it("deletes finished deliveries past the retention with their attempts, and keeps pending and recent ones", async () => {
    const t = await given.org();
    const endpoint = await createWebhookEndpoint(t.owner.ctx, { url: "http://127.0.0.1:9/hooks", eventTypes: ["participant.arrived"] });
    const now = new Date("2026-12-07T04:00:00Z");
    const aged = new Date(now.getTime() - (DELIVERY_RETENTION_DAYS + 1) * DAY);
    const recent = new Date(now.getTime() - (DELIVERY_RETENTION_DAYS - 1) * DAY);
    const delivery = (status: "pending" | "succeeded" | "failed", createdAt: Date) => ({
      organizationId: t.org.id,
      endpointId: endpoint.id,
      eventType: "participant.arrived",
      payload: { status },
      status,
      createdAt,
    });
    const rows = await getDb()
      .insert(webhookDeliveries)
      .values([delivery("succeeded", aged), delivery("failed", aged), delivery("pending", aged), delivery("succeeded", recent)])
      .returning({ id: webhookDeliveries.id, status: webhookDeliveries.status, createdAt: webhookDeliveries.createdAt });
    await getDb()
      .insert(webhookAttempts)
      .values(rows.map((r) => ({ organizationId: t.org.id, deliveryId: r.id, attemptedAt: r.createdAt, responseStatus: 200, durationMs: 5 })));

    expect(await purgeWebhookDeliveries(now)).toEqual({ deleted: 2 });

    const left = await getDb().select().from(webhookDeliveries).where(eq(webhookDeliveries.endpointId, endpoint.id));
    expect(left.map((r) => `${r.status} ${r.createdAt.getTime() === recent.getTime() ? "recent" : "aged"}`).sort()).toEqual([
      "pending aged",
      "succeeded recent",
    ]);
    const attempts = await getDb().select().from(webhookAttempts).where(eq(webhookAttempts.organizationId, t.org.id));
    expect(attempts.map((a) => a.deliveryId).sort()).toEqual(left.map((r) => r.id).sort());
  });
});
