// lib/webhooks: outbound webhooks. Endpoints an organization's admins manage, deliveries written in the transaction of
// the change they tell about (an outbox), and the job that signs and sends them (Standard Webhooks) with retries.
// Other domains import this file only.

export { isForbiddenAddress } from "./address-guard";
export { nextAttemptAt, RETRY_DELAYS_MS, RETRY_WINDOW_MS } from "./backoff";
export { claimDueDeliveries, deliverDueWebhooks, DELIVERY_BATCH, signedHeaders, type DeliveryScope, type DeliverySummary } from "./deliver";
export { listWebhookDeliveries, resendWebhookDelivery, sendTestWebhook, type WebhookDeliveryRow } from "./deliveries";
export {
  createWebhookEndpoint,
  deleteWebhookEndpoint,
  listWebhookEndpoints,
  rotateWebhookSecret,
  setWebhookEndpointEnabled,
  updateWebhookEndpoint,
  type WebhookEndpoint,
} from "./endpoints";
export {
  attendanceDeliveriesSql,
  enqueueAttendanceEvent,
  enqueueDeliveries,
  enqueueMessageFailed,
  enqueueWebhookEvent,
  kickWebhookDelivery,
  markEnqueued,
  messageFailedDeliveriesSql,
  occurrenceDeliveriesSql,
  onWebhooksEnqueued,
  optedOutDeliveriesSql,
} from "./enqueue";
export {
  DeliveryRef,
  EndpointEnabledInput,
  EndpointRef,
  TEST_EVENT_TYPE,
  WEBHOOK_EVENT_TYPES,
  WebhookEndpointInput,
  WebhookEventType,
  type AttendanceEventType,
} from "./event-types";
export { mailOwnersAboutDisabled } from "./failing";
export { postJson, type OutboundResult } from "./outbound";
export { DELIVERY_RETENTION_DAYS, purgeWebhookDeliveries } from "./retention";
export { enqueueStartedOccurrences } from "./started";
