import { and, eq, sql } from "drizzle-orm";
import { Webhook } from "standardwebhooks";
import { getDb, schema } from "@/lib/database";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";
import { nextAttemptAt } from "./backoff";
import { disableIfFailingTooLong, mailOwnersAboutDisabled, type DisabledEndpoint } from "./failing";
import { postJson, type OutboundResult } from "./outbound";

const { webhookAttempts, webhookDeliveries, webhookEndpoints } = schema;

/** Deliveries claimed at once; each batch is sent in parallel. */
export const DELIVERY_BATCH = 25;
/** A claimed delivery is not claimed again for this long (a run that died leaves it to the next one after that). */
const LEASE_MS = 2 * 60_000;

type Claimed = {
  id: string;
  organization_id: string;
  endpoint_id: string;
  url: string;
  secret: string;
  payload: Record<string, unknown>;
  created_at: string | Date;
};

export type DeliverySummary = { succeeded: number; retrying: number; failed: number; disabledEndpoints: number };
/** `organizationId`: only that organization's deliveries (the job sends everyone's). */
export type DeliveryScope = { organizationId?: string };

/**
 * Claims due pending deliveries of enabled endpoints (FOR UPDATE SKIP LOCKED, so concurrent runs share the work) and
 * leases them for a while: the send happens outside the transaction, and a run that dies leaves them to a later one.
 */
export async function claimDueDeliveries(now: Date, limit = DELIVERY_BATCH, scope: DeliveryScope = {}): Promise<Claimed[]> {
  const leaseUntil = new Date(now.getTime() + LEASE_MS).toISOString();
  const ofOrganization = scope.organizationId ? sql`and d.organization_id = ${scope.organizationId}::uuid` : sql``;
  return getDb().execute<Claimed>(sql`
    with due as (
      select d.id from webhook_deliveries d
      join webhook_endpoints e on e.id = d.endpoint_id and e.organization_id = d.organization_id and e.disabled_at is null
      where d.status = 'pending' and d.next_attempt_at <= ${now.toISOString()}::timestamptz ${ofOrganization}
      order by d.next_attempt_at
      limit ${limit}
      for update of d skip locked
    ),
    leased as (
      update webhook_deliveries d set next_attempt_at = ${leaseUntil}::timestamptz from due where d.id = due.id
      returning d.id, d.organization_id, d.endpoint_id, d.payload, d.created_at
    )
    select l.*, e.url, e.secret from leased l join webhook_endpoints e on e.id = l.endpoint_id and e.organization_id = l.organization_id
  `);
}

/** The Standard Webhooks headers: the delivery id (the same on every attempt), the send time, the signature. */
export function signedHeaders(secret: string, deliveryId: string, body: string, at = new Date()): Record<string, string> {
  return {
    "webhook-id": deliveryId,
    "webhook-timestamp": String(Math.floor(at.getTime() / 1000)),
    "webhook-signature": new Webhook(secret).sign(deliveryId, at, body),
  };
}

/**
 * One attempt: POST, then record it. `now` decides the schedule (tests drive it); the signature carries the real send
 * time, which the receiver compares with its own clock.
 */
async function attempt(delivery: Claimed, now: Date): Promise<{ outcome: "succeeded" | "retrying" | "failed"; disabled: DisabledEndpoint | null }> {
  const body = JSON.stringify(delivery.payload);
  const result = await postJson(delivery.url, body, signedHeaders(delivery.secret, delivery.id, body), {
    allowPrivate: env().WEBHOOKS_ALLOW_PRIVATE_ADDRESSES,
  });
  return recordAttempt(delivery, result, now);
}

async function recordAttempt(delivery: Claimed, result: OutboundResult, now: Date) {
  const ok = result.status !== null && result.status >= 200 && result.status < 300;
  const error = ok ? null : (result.error ?? { code: "http_status" as const, detail: String(result.status) });
  const scope = (table: typeof webhookDeliveries | typeof webhookEndpoints, id: string) =>
    and(eq(table.id, id), eq(table.organizationId, delivery.organization_id));
  return getDb().transaction(async (tx) => {
    const [row] = await tx
      .update(webhookDeliveries)
      .set({
        attempts: sql`${webhookDeliveries.attempts} + 1`,
        lastAttemptAt: now,
        lastResponseStatus: result.status,
        lastDurationMs: result.durationMs,
        lastErrorCode: error?.code ?? null,
        lastError: error?.detail ?? null,
      })
      .where(scope(webhookDeliveries, delivery.id))
      .returning({ attempts: webhookDeliveries.attempts });
    await tx.insert(webhookAttempts).values({
      organizationId: delivery.organization_id,
      deliveryId: delivery.id,
      attemptedAt: now,
      responseStatus: result.status,
      durationMs: result.durationMs,
      errorCode: result.error?.code ?? null,
      error: result.error?.detail ?? null,
    });
    if (ok) {
      await tx.update(webhookDeliveries).set({ status: "succeeded" }).where(scope(webhookDeliveries, delivery.id));
      await tx.update(webhookEndpoints).set({ failingSince: null }).where(scope(webhookEndpoints, delivery.endpoint_id));
      return { outcome: "succeeded" as const, disabled: null };
    }
    const next = nextAttemptAt(new Date(delivery.created_at), row?.attempts ?? 1, now);
    await tx
      .update(webhookDeliveries)
      .set(next ? { nextAttemptAt: next } : { status: "failed" })
      .where(scope(webhookDeliveries, delivery.id));
    await tx
      .update(webhookEndpoints)
      .set({ failingSince: sql`coalesce(${webhookEndpoints.failingSince}, ${now.toISOString()}::timestamptz)` })
      .where(scope(webhookEndpoints, delivery.endpoint_id));
    const disabled = await disableIfFailingTooLong(tx, delivery.organization_id, delivery.endpoint_id, now);
    return { outcome: next ? ("retrying" as const) : ("failed" as const), disabled };
  });
}

/** Sends what is due, batch after batch, until nothing is left or `maxBatches` were sent. */
export async function deliverDueWebhooks(now = new Date(), scope: DeliveryScope = {}, maxBatches = 10): Promise<DeliverySummary> {
  const summary: DeliverySummary = { succeeded: 0, retrying: 0, failed: 0, disabledEndpoints: 0 };
  for (let batch = 0; batch < maxBatches; batch++) {
    const claimed = await claimDueDeliveries(now, DELIVERY_BATCH, scope);
    const results = await Promise.all(claimed.map((delivery) => attempt(delivery, now)));
    for (const { outcome, disabled } of results) {
      summary[outcome] += 1;
      if (!disabled) continue;
      summary.disabledEndpoints += 1;
      await mailOwnersAboutDisabled(disabled).catch((error: unknown) =>
        logger.error({ err: error, endpointId: disabled.endpointId }, "could not e-mail the owners about a disabled webhook endpoint"),
      );
    }
    if (claimed.length < DELIVERY_BATCH) break;
  }
  return summary;
}
