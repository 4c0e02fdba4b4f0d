import { index, integer, jsonb, pgEnum, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, timestamptz, updatedAt } from "./_columns";
import { eventInstances } from "./events";
import { organizationRef, organizations } from "./organizations";
import { attendances, participants } from "./participants";
import { scheduledActions } from "./schedule";

export const messageKind = pgEnum("message_kind", [
  "confirmation",
  "reminder",
  "tracking_link",
  "location_request",
  "closure",
  "opt_out_ack",
  "reply",
]);
export const messageDirection = pgEnum("message_direction", ["outbound", "inbound"]);
export const messageStatus = pgEnum("message_status", [
  "queued",
  "sent",
  "delivered",
  "read",
  "failed",
  "received",
]);

/**
 * Maps our message kinds to an organization's approved WhatsApp templates, one per kind and participant language:
 * `locale` is ours (lib/i18n: en, pt-BR, es, de), `language` is Meta's code of the approved template (en_US, pt_BR…).
 */
export const messageTemplates = pgTable(
  "message_templates",
  {
    id: id(),
    organizationId: organizationRef(),
    kind: messageKind().notNull(),
    locale: text().notNull(),
    templateName: text().notNull(),
    language: text().notNull().default("en"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("message_templates_org_kind_locale_key").on(t.organizationId, t.kind, t.locale)],
);

export type MessageStatusChange = { status: string; at: string; error?: string };

export const messages = pgTable(
  "messages",
  {
    id: id(),
    organizationId: organizationRef(),
    participantId: uuid().references(() => participants.id, { onDelete: "set null" }),
    instanceId: uuid().references(() => eventInstances.id, { onDelete: "set null" }),
    attendanceId: uuid().references(() => attendances.id, { onDelete: "set null" }),
    scheduledActionId: uuid().references(() => scheduledActions.id, { onDelete: "set null" }),
    direction: messageDirection().notNull(),
    kind: messageKind().notNull(),
    /** WhatsApp message type: template, interactive, text, location, button. */
    type: text().notNull(),
    /** WhatsApp's message id, unique: a status or reply for it is applied once. */
    wamid: text(),
    /** Set on outbound sends so a retried job never sends the same message twice. */
    idempotencyKey: text(),
    status: messageStatus().notNull(),
    statusHistory: jsonb().$type<MessageStatusChange[]>().notNull().default([]),
    errorCode: text(),
    errorMessage: text(),
    /** Outbound: sends tried that failed for a reason a retry may fix; the message fails for good at MAX_SEND_ATTEMPTS. */
    attempts: integer().notNull().default(0),
    /** Outbound, queued after such a failure: not sent again before this (backoff; ≥ 6 s after a pair rate limit). */
    retryAt: timestamptz(),
    body: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("messages_wamid_key").on(t.wamid),
    uniqueIndex("messages_idempotency_key").on(t.idempotencyKey),
    index("messages_org_created_idx").on(t.organizationId, t.createdAt),
    index("messages_instance_idx").on(t.instanceId),
  ],
);

/** One row per webhook delivery id: the unique key makes a repeated delivery a no-op, even when concurrent. */
export const webhookReceipts = pgTable(
  "webhook_receipts",
  {
    id: id(),
    provider: text().notNull(),
    externalId: text().notNull(),
    /** Known once the payload is matched to a tenant. */
    organizationId: uuid().references(() => organizations.id, { onDelete: "cascade" }),
    receivedAt: timestamptz().notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("webhook_receipts_provider_external_key").on(t.provider, t.externalId),
    index("webhook_receipts_org_idx").on(t.organizationId),
  ],
);
