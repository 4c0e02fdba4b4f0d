import { sql } from "drizzle-orm";
import { index, integer, jsonb, pgEnum, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { users } from "./auth";
import { createdAt, id, timestamptz, updatedAt } from "./_columns";
import { organizationRef } from "./organizations";

/** An organization's receiver of outbound webhooks (Standard Webhooks signatures). */
export const webhookEndpoints = pgTable(
  "webhook_endpoints",
  {
    id: id(),
    organizationId: organizationRef(),
    url: text().notNull(),
    description: text().notNull().default(""),
    /** The event types this endpoint receives, e.g. `participant.arrived`. */
    eventTypes: text().array().notNull(),
    /** `whsec_` + base64 of 32 random bytes: signs every delivery; shown to the organizer to verify with. */
    secret: text().notNull(),
    /** NULL while enabled. */
    disabledAt: timestamptz(),
    /** "manual" or "failing" (disabled automatically after failing for days). */
    disabledReason: text(),
    /** Start of the current run of failed attempts; NULL after a success. */
    failingSince: timestamptz(),
    createdByUserId: uuid().references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("webhook_endpoints_org_idx").on(t.organizationId)],
);

export const webhookDeliveryStatus = pgEnum("webhook_delivery_status", ["pending", "succeeded", "failed"]);

/**
 * One event for one endpoint. Written in the same transaction as the change it tells about (an outbox), delivered by
 * a job with exponential backoff; its id is the `webhook-id` header, the same on every attempt.
 */
export const webhookDeliveries = pgTable(
  "webhook_deliveries",
  {
    id: id(),
    organizationId: organizationRef(),
    endpointId: uuid()
      .notNull()
      .references(() => webhookEndpoints.id, { onDelete: "cascade" }),
    eventType: text().notNull(),
    payload: jsonb().$type<Record<string, unknown>>().notNull(),
    status: webhookDeliveryStatus().notNull().default("pending"),
    attempts: integer().notNull().default(0),
    nextAttemptAt: timestamptz().notNull().defaultNow(),
    lastAttemptAt: timestamptz(),
    lastResponseStatus: integer(),
    lastDurationMs: integer(),
    /** Why the last attempt failed (lib/webhooks/outbound.ts' DeliveryErrorCode); NULL on rows from before the codes. */
    lastErrorCode: text(),
    /** The code's detail (an address, a status); on rows without a code, the whole sentence in English. */
    lastError: text(),
    createdAt: createdAt(),
  },
  (t) => [
    index("webhook_deliveries_due_idx").on(t.nextAttemptAt).where(sql`${t.status} = 'pending'`),
    index("webhook_deliveries_endpoint_created_idx").on(t.endpointId, t.createdAt),
    index("webhook_deliveries_org_idx").on(t.organizationId),
  ],
);

/** Each request made for a delivery: what the receiver answered and how long it took. */
export const webhookAttempts = pgTable(
  "webhook_attempts",
  {
    id: id(),
    organizationId: organizationRef(),
    deliveryId: uuid()
      .notNull()
      .references(() => webhookDeliveries.id, { onDelete: "cascade" }),
    attemptedAt: timestamptz().notNull().defaultNow(),
    /** NULL when no answer came (refused address, timeout, connection error). */
    responseStatus: integer(),
    durationMs: integer().notNull(),
    errorCode: text(),
    error: text(),
  },
  (t) => [index("webhook_attempts_delivery_idx").on(t.deliveryId, t.attemptedAt)],
);
