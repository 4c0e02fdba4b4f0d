import { z } from "zod";
import {
  DeliveryStatusValue,
  InboundBase,
  InboundMessage,
  MessagesValue,
  StatusUpdate,
  WebhookContact,
  WebhookEntry,
  WebhookEnvelope,
} from "./payload";

/** Where a message came in: the business number it was sent to (tells us the organization) and its account. */
type Origin = { phoneNumberId: string; businessAccountId: string };

type Inbound = Origin & {
  /** The participant's number in E.164 ("+4915112345678"). */
  from: string;
  wamid: string;
  timestamp: Date;
  /** The WhatsApp profile name: shown to the organizer, never used to identify anyone. */
  contactName?: string;
  /** The wamid of our message this one answers (the template or interactive message whose button was tapped). */
  contextWamid?: string;
};

export type ReplyEvent = Inbound & {
  kind: "reply";
  source: "template_button" | "interactive_button";
  /** Our payload (`ec1.…`, see reply-payload.ts) or whatever text the template defined; decode before trusting. */
  payload: string;
  /** The button label the participant saw. */
  title: string;
};
export type TextEvent = Inbound & { kind: "text"; body: string };
export type LocationEvent = Inbound & {
  kind: "location";
  latitude: number;
  longitude: number;
  name?: string;
  address?: string;
};
export type StatusEvent = Origin & {
  kind: "status";
  /** The wamid of the message we sent. */
  wamid: string;
  status: DeliveryStatusValue;
  timestamp: Date;
  /** The recipient in E.164, when WhatsApp reports a phone number. */
  recipient: string | null;
  errors: { code: number; title: string; message?: string; details?: string }[];
};
/**
 * Anything we do not act on: another message type (reaction, image, list reply…), another webhook field, a status we
 * do not track, or an item that does not match Meta's documented shape. Safe to ignore; an inbound message of any
 * type still carries `from`/`wamid`/`timestamp` when those parsed (it opens the 24-hour window all the same).
 */
export type UnknownEvent = {
  kind: "unknown";
  phoneNumberId: string | null;
  businessAccountId: string | null;
  reason: string;
  from?: string;
  wamid?: string;
  timestamp?: Date;
  contactName?: string;
};

export type WebhookEvent = ReplyEvent | TextEvent | LocationEvent | StatusEvent | UnknownEvent;

export type NormalizeResult =
  | { ok: true; events: WebhookEvent[] }
  | { ok: false; reason: "not_whatsapp_business_account" | "invalid_shape"; message: string };

/**
 * Flattens one webhook POST (several entries, each with several changes, each with messages and statuses) into typed
 * events in the order Meta listed them. Never throws: a body that is not a WhatsApp Business Account notification
 * gives `ok: false`; an item inside it that we do not understand becomes an `unknown` event.
 */
export function normalizeWebhook(body: unknown): NormalizeResult {
  const envelope = WebhookEnvelope.safeParse(body);
  if (!envelope.success) {
    const object = typeof body === "object" && body !== null ? (body as { object?: unknown }).object : undefined;
    if (typeof object === "string" && object !== "whatsapp_business_account") {
      return { ok: false, reason: "not_whatsapp_business_account", message: `Unexpected webhook object "${object}".` };
    }
    return { ok: false, reason: "invalid_shape", message: `Not a WhatsApp webhook body: ${summarize(envelope.error)}` };
  }
  return { ok: true, events: envelope.data.entry.flatMap(entryEvents) };
}

function entryEvents(raw: unknown): WebhookEvent[] {
  const entry = WebhookEntry.safeParse(raw);
  if (!entry.success) return [unknown(null, null, `entry not understood: ${summarize(entry.error)}`)];
  const account = entry.data.id;
  return entry.data.changes.flatMap(({ field, value }) => {
    if (field !== "messages") return [unknown(null, account, `field "${field}" is not handled`)];
    const parsed = MessagesValue.safeParse(value);
    if (!parsed.success) {
      return [unknown(null, account, `messages value not understood: ${summarize(parsed.error)}`)];
    }
    const phoneNumberId = parsed.data.metadata.phone_number_id;
    return valueEvents(parsed.data, { phoneNumberId, businessAccountId: account });
  });
}

function valueEvents(value: MessagesValue, origin: Origin): WebhookEvent[] {
  const contacts = (value.contacts ?? []).flatMap((c) => {
    const contact = WebhookContact.safeParse(c);
    return contact.success ? [contact.data] : [];
  });
  const events: WebhookEvent[] = [];
  for (const message of value.messages ?? []) events.push(messageEvent(message, origin, contacts));
  for (const status of value.statuses ?? []) events.push(statusEvent(status, origin));
  for (const error of value.errors ?? []) events.push(unknownFrom(origin, describeError(error)));
  return events;
}

function messageEvent(raw: unknown, origin: Origin, contacts: WebhookContact[]): WebhookEvent {
  const base = InboundBase.safeParse(raw);
  if (!base.success) return unknownFrom(origin, `message not understood: ${summarize(base.error)}`);
  const from = toE164(base.data.from);
  if (!from) {
    return unknownFrom(origin, `message sender "${base.data.from}" is not a phone number`, { wamid: base.data.id });
  }

  const contactName = contactNameFor(base.data.from, contacts);
  const common = {
    ...origin,
    from,
    wamid: base.data.id,
    timestamp: base.data.timestamp,
    ...(contactName ? { contactName } : {}),
    ...(base.data.context ? { contextWamid: base.data.context.id } : {}),
  };
  const message = InboundMessage.safeParse(raw);
  if (!message.success) {
    const type = describeType(raw);
    const reason = HANDLED_TYPES.has(type)
      ? `message of type "${type}" not understood: ${summarize(message.error)}`
      : `message type "${type}" is not handled`;
    return unknownFrom(origin, reason, {
      from,
      wamid: common.wamid,
      timestamp: common.timestamp,
      contactName,
    });
  }
  const m = message.data;
  switch (m.type) {
    case "button":
      return { ...common, kind: "reply", source: "template_button", payload: m.button.payload, title: m.button.text };
    case "interactive": {
      const { id, title } = m.interactive.button_reply;
      return { ...common, kind: "reply", source: "interactive_button", payload: id, title };
    }
    case "location": {
      const { latitude, longitude, name, address } = m.location;
      const place = { ...(name ? { name } : {}), ...(address ? { address } : {}) };
      return { ...common, kind: "location", latitude, longitude, ...place };
    }
    case "text":
      return { ...common, kind: "text", body: m.text.body };
  }
}

function statusEvent(raw: unknown, origin: Origin): WebhookEvent {
  const parsed = StatusUpdate.safeParse(raw);
  if (!parsed.success) {
    const status = (raw as { status?: unknown } | null)?.status;
    const known = DeliveryStatusValue.safeParse(status).success;
    const reason = known
      ? `status not understood: ${summarize(parsed.error)}`
      : `status "${String(status)}" is not tracked`;
    const wamid = (raw as { id?: unknown } | null)?.id;
    return unknownFrom(origin, reason, typeof wamid === "string" ? { wamid } : {});
  }
  const s = parsed.data;
  return {
    ...origin,
    kind: "status",
    wamid: s.id,
    status: s.status,
    timestamp: s.timestamp,
    recipient: s.recipient_id ? toE164(s.recipient_id) : null,
    errors: (s.errors ?? []).map((e) => ({
      code: e.code,
      title: e.title,
      ...(e.message ? { message: e.message } : {}),
      ...(e.error_data?.details ? { details: e.error_data.details } : {}),
    })),
  };
}

/**
 * The key that makes an event's effect happen once (`webhook_receipts.external_id`). A message is identified by its
 * wamid; a status by wamid and status, since one outbound wamid legitimately gets sent, delivered and read.
 * Events without a wamid have no effect to repeat and get null.
 */
export function receiptKey(event: WebhookEvent): string | null {
  if (event.kind === "status") return `status:${event.wamid}:${event.status}`;
  return event.wamid ? `message:${event.wamid}` : null;
}

/** WhatsApp sends numbers as digits without "+" ("16505551234"); some documentation examples include it. */
export function toE164(raw: string): string | null {
  const digits = raw.trim().replace(/^\+/, "");
  return /^[1-9]\d{6,14}$/.test(digits) ? `+${digits}` : null;
}

/** The profile name of the sender; a lone contact is theirs even when its wa_id differs from the phone number. */
function contactNameFor(from: string, contacts: WebhookContact[]): string | undefined {
  const digits = from.replace(/^\+/, "");
  const contact =
    contacts.find((c) => c.wa_id.replace(/^\+/, "") === digits) ?? (contacts.length === 1 ? contacts[0] : undefined);
  const name = contact?.profile?.name?.trim();
  return name ? name : undefined;
}

function unknown(phoneNumberId: string | null, businessAccountId: string | null, reason: string): UnknownEvent {
  return { kind: "unknown", phoneNumberId, businessAccountId, reason };
}

function unknownFrom(
  origin: Origin,
  reason: string,
  extra: { from?: string; wamid?: string; timestamp?: Date; contactName?: string | undefined } = {},
): UnknownEvent {
  const event: UnknownEvent = { ...unknown(origin.phoneNumberId, origin.businessAccountId, reason) };
  if (extra.from) event.from = extra.from;
  if (extra.wamid) event.wamid = extra.wamid;
  if (extra.timestamp) event.timestamp = extra.timestamp;
  if (extra.contactName) event.contactName = extra.contactName;
  return event;
}

const HANDLED_TYPES = new Set(["button", "interactive/button_reply", "location", "text"]);

function describeType(raw: unknown): string {
  const m = raw as { type?: unknown; interactive?: { type?: unknown } } | null;
  const type = typeof m?.type === "string" ? m.type : "?";
  const subtype = type === "interactive" ? m?.interactive?.type : undefined;
  return typeof subtype === "string" ? `interactive/${subtype}` : type;
}

function describeError(raw: unknown): string {
  const e = raw as { code?: unknown; title?: unknown } | null;
  return `WhatsApp reported error ${String(e?.code ?? "?")}: ${String(e?.title ?? "no title")}`;
}

function summarize(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((i) => `${i.path.length > 0 ? i.path.map(String).join(".") : "body"}: ${i.message}`)
    .join("; ");
}
