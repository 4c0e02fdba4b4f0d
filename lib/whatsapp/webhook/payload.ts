import { z } from "zod";

// The WhatsApp Business Account `messages` webhook, as Meta documents it:
//   https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/messages
//   …/messages/button (template quick reply), …/messages/interactive (button_reply), …/messages/location,
//   …/messages/text, …/messages/status (sent / delivered / read / failed with errors), …/messages/unsupported.
// Only the fields we act on are required; everything else Meta adds is ignored (zod strips unknown keys), so new
// fields never break parsing. Each message and status is parsed on its own: one odd item never hides the others.

/** Unix seconds, sent by Meta as a string ("1749416383"); a number is accepted too. */
export const WebhookTimestamp = z
  .union([z.string().regex(/^\d{1,12}$/), z.number().int().nonnegative().max(1e12)])
  .transform((s) => new Date(Number(s) * 1000));

export const WebhookEnvelope = z.object({
  object: z.literal("whatsapp_business_account"),
  entry: z.array(z.unknown()),
});
export type WebhookEnvelope = z.infer<typeof WebhookEnvelope>;

export const WebhookEntry = z.object({
  /** The WhatsApp Business Account id. */
  id: z.string().min(1),
  changes: z.array(z.object({ field: z.string(), value: z.unknown() })),
});
export type WebhookEntry = z.infer<typeof WebhookEntry>;

/** `entry[].changes[].value` for `field: "messages"`. */
export const MessagesValue = z.object({
  messaging_product: z.literal("whatsapp").optional(),
  metadata: z.object({ display_phone_number: z.string().optional(), phone_number_id: z.string().min(1) }),
  contacts: z.array(z.unknown()).optional(),
  messages: z.array(z.unknown()).optional(),
  statuses: z.array(z.unknown()).optional(),
  /** System- or app-level errors not tied to one message. */
  errors: z.array(z.unknown()).optional(),
});
export type MessagesValue = z.infer<typeof MessagesValue>;

export const WebhookContact = z.object({
  wa_id: z.string(),
  profile: z.object({ name: z.string().optional() }).optional(),
});
export type WebhookContact = z.infer<typeof WebhookContact>;

/** The fields every inbound message has, whatever its type. */
export const InboundBase = z.object({
  from: z.string().min(1),
  id: z.string().min(1),
  timestamp: WebhookTimestamp,
  type: z.string(),
  /** Present on replies: the message the user tapped a button of or replied to. */
  context: z.object({ from: z.string().optional(), id: z.string().min(1) }).optional(),
});
export type InboundBase = z.infer<typeof InboundBase>;

/** A tap on a quick-reply button of a template message. */
export const ButtonMessage = InboundBase.extend({
  type: z.literal("button"),
  button: z.object({ payload: z.string(), text: z.string().default("") }),
});

/** A tap on an interactive reply button (list replies and flows are not ours and stay unknown). */
export const InteractiveButtonMessage = InboundBase.extend({
  type: z.literal("interactive"),
  interactive: z.object({
    type: z.literal("button_reply"),
    button_reply: z.object({ id: z.string(), title: z.string().default("") }),
  }),
});

export const LocationMessage = InboundBase.extend({
  type: z.literal("location"),
  location: z.object({
    latitude: z.number().min(-90).max(90),
    longitude: z.number().min(-180).max(180),
    name: z.string().optional(),
    address: z.string().optional(),
  }),
});

export const TextMessage = InboundBase.extend({
  type: z.literal("text"),
  text: z.object({ body: z.string() }),
});

export const InboundMessage = z.discriminatedUnion("type", [
  ButtonMessage,
  InteractiveButtonMessage,
  LocationMessage,
  TextMessage,
]);
export type InboundMessage = z.infer<typeof InboundMessage>;

export const StatusError = z.object({
  code: z.number().int(),
  title: z.string().default(""),
  message: z.string().optional(),
  error_data: z.object({ details: z.string().optional() }).optional(),
});
export type StatusError = z.infer<typeof StatusError>;

export const DeliveryStatusValue = z.enum(["sent", "delivered", "read", "failed"]);
export type DeliveryStatusValue = z.infer<typeof DeliveryStatusValue>;

export const StatusUpdate = z.object({
  /** The wamid of the message we sent. */
  id: z.string().min(1),
  status: DeliveryStatusValue,
  timestamp: WebhookTimestamp,
  recipient_id: z.string().optional(),
  errors: z.array(StatusError).optional(),
  biz_opaque_callback_data: z.string().optional(),
});
export type StatusUpdate = z.infer<typeof StatusUpdate>;
