import { z } from "zod";
import { problemKey } from "@/lib/problems";

// Client-safe: the events an endpoint can subscribe to, for the Settings form and the domain alike.

export const WEBHOOK_EVENT_TYPES = [
  "participant.confirmed",
  "participant.declined",
  "participant.opted_out",
  "participant.on_the_way",
  "participant.late",
  "participant.arrived",
  "participant.no_show",
  "occurrence.started",
  "occurrence.closed",
  "message.failed",
] as const;
export const WebhookEventType = z.enum(WEBHOOK_EVENT_TYPES);
export type WebhookEventType = z.infer<typeof WebhookEventType>;

/** The ping *Send test event* delivers; no endpoint subscribes to it, it goes to the one endpoint asked. */
export const TEST_EVENT_TYPE = "webhook.test";

/** The events about one attendance (participant × occurrence); their payloads share one shape. */
export type AttendanceEventType = Extract<WebhookEventType, `participant.${string}`>;

const MAX_URL_LENGTH = 2_000;

/** An endpoint as the Settings form sends it: checkboxes repeat `eventTypes`, one per ticked event. */
export const WebhookEndpointInput = z.object({
  url: z
    .string()
    .trim()
    .min(1, problemKey("webhooks.url"))
    .max(MAX_URL_LENGTH)
    .pipe(z.url({ protocol: /^https?$/, error: problemKey("webhooks.url") })),
  description: z.string().trim().max(200, problemKey("webhooks.description")).default(""),
  eventTypes: z
    .union([WebhookEventType, z.array(WebhookEventType)], { error: problemKey("webhooks.eventTypes") })
    .transform((v) => [...new Set(Array.isArray(v) ? v : [v])])
    .pipe(z.array(WebhookEventType).min(1, problemKey("webhooks.eventTypes"))),
});
export type WebhookEndpointInput = z.input<typeof WebhookEndpointInput>;

export const EndpointRef = z.object({ endpointId: z.uuid() });
export const DeliveryRef = z.object({ endpointId: z.uuid(), deliveryId: z.uuid() });
export const EndpointEnabledInput = z.object({ endpointId: z.uuid(), enabled: z.enum(["true", "false"]).transform((v) => v === "true") });

/**
 * Why a delivery attempt failed, kept as a code and its detail (the refused address, Node's own words for a
 * connection error, the seconds waited, the status), so Settings words it in the organizer's language.
 */
export const DELIVERY_ERROR_CODES = ["https_only", "private_address", "timeout", "connect_failed", "http_status"] as const;
export type DeliveryErrorCode = (typeof DELIVERY_ERROR_CODES)[number];
export type DeliveryError = { code: DeliveryErrorCode; detail: string | null };
