import { z } from "zod";
import { AppError, fieldProblems } from "@/lib/errors";

// Builders for the request bodies of POST /{version}/{phone-number-id}/messages (WhatsApp Cloud API, "Messages API").
// Each validates its input with zod and throws AppError VALIDATION before anything is sent. Client-safe: no env, no db.
// Shapes: https://developers.facebook.com/documentation/business-messaging/whatsapp/messages/ (send messages,
// reply buttons, location request messages, text) and template components as in WhatsApp's own Node SDK reference
// (https://whatsapp.github.io/WhatsApp-Nodejs-SDK/api-reference/types/TemplateObject: button `index` is a string).

/**
 * The recipient as E.164. Meta's phone-number-format guidance: with the plus sign and country code the number is
 * taken as written; without the plus sign the business number's country code may be prepended, so we always send "+".
 */
export const WhatsAppRecipient = z
  .string()
  .trim()
  .regex(/^\+?[1-9]\d{6,14}$/, "must be an international phone number such as +4915112345678")
  .transform((value) => (value.startsWith("+") ? value : `+${value}`));

type Envelope = { messaging_product: "whatsapp"; recipient_type: "individual"; to: string };

export type TemplateComponent =
  | { type: "body"; parameters: { type: "text"; text: string }[] }
  | { type: "button"; sub_type: "quick_reply"; index: string; parameters: [{ type: "payload"; payload: string }] }
  | { type: "button"; sub_type: "url"; index: string; parameters: [{ type: "text"; text: string }] };

export type TemplateMessage = Envelope & {
  type: "template";
  template: { name: string; language: { code: string }; components?: TemplateComponent[] };
};
export type ReplyButtonsMessage = Envelope & {
  type: "interactive";
  interactive: {
    type: "button";
    header?: { type: "text"; text: string };
    body: { text: string };
    footer?: { text: string };
    action: { buttons: { type: "reply"; reply: { id: string; title: string } }[] };
  };
};
export type LocationRequestMessage = Envelope & {
  type: "interactive";
  interactive: { type: "location_request_message"; body: { text: string }; action: { name: "send_location" } };
};
export type TextMessage = Envelope & { type: "text"; text: { body: string; preview_url: boolean } };

/** A request body ready for the Messages API; build it with one of the functions below. */
export type WhatsAppMessage = TemplateMessage | ReplyButtonsMessage | LocationRequestMessage | TextMessage;

// Meta rejects a template parameter with a newline, a tab or more than 4 consecutive spaces (error 132018).
const TemplateParameterText = z
  .string()
  .min(1, "must not be empty")
  .max(1024)
  .refine((text) => !/[\n\r\t]| {5}/.test(text), "must not contain line breaks, tabs or more than 4 spaces in a row");
const ButtonIndex = z.number().int().min(0).max(9);

export const TemplateMessageInput = z
  .object({
    to: WhatsAppRecipient,
    /** The approved template's name: lowercase letters, digits and underscores. */
    name: z.string().regex(/^[a-z0-9_]{1,512}$/, "must be lowercase letters, digits and underscores"),
    /** Meta's language-and-locale code, e.g. "en", "en_US", "pt_BR". */
    language: z.string().regex(/^[a-z]{2,3}(_[A-Z]{2})?$/, "must be a language code such as en or pt_BR"),
    bodyParameters: z.array(TemplateParameterText).max(100).default([]),
    /** Quick-reply buttons of the template (by position) and the payload each tap will send back to us. */
    quickReplies: z.array(z.object({ index: ButtonIndex, payload: z.string().min(1).max(256) })).max(10).default([]),
    /** The dynamic part appended to the URL button's base URL, e.g. a tracking link's token. */
    urlButton: z
      .object({ index: ButtonIndex, suffix: z.string().min(1).max(2000).regex(/^\S+$/, "must not contain spaces") })
      .optional(),
  })
  .superRefine((input, ctx) => {
    const indexes = [...input.quickReplies.map((b) => b.index), ...(input.urlButton ? [input.urlButton.index] : [])];
    if (new Set(indexes).size !== indexes.length) {
      ctx.addIssue({ code: "custom", path: ["quickReplies"], message: "each button index may be used once" });
    }
  });
export type TemplateMessageInput = z.input<typeof TemplateMessageInput>;

export const ReplyButtonsMessageInput = z
  .object({
    to: WhatsAppRecipient,
    header: z.string().min(1).max(60).optional(),
    body: z.string().min(1).max(1024),
    footer: z.string().min(1).max(60).optional(),
    buttons: z
      .array(z.object({ id: z.string().min(1).max(256), title: z.string().trim().min(1).max(20) }))
      .min(1, "needs at least one button")
      .max(3, "allows at most 3 buttons"),
  })
  .superRefine((input, ctx) => {
    for (const key of ["id", "title"] as const) {
      const values = input.buttons.map((b) => b[key]);
      if (new Set(values).size !== values.length) {
        ctx.addIssue({ code: "custom", path: ["buttons"], message: `each button ${key} must be different` });
      }
    }
  });
export type ReplyButtonsMessageInput = z.input<typeof ReplyButtonsMessageInput>;

export const LocationRequestMessageInput = z.object({ to: WhatsAppRecipient, body: z.string().min(1).max(1024) });
export type LocationRequestMessageInput = z.input<typeof LocationRequestMessageInput>;

export const TextMessageInput = z.object({
  to: WhatsAppRecipient,
  body: z.string().min(1).max(4096),
  /** Let WhatsApp render a preview of the first link in the body. */
  previewUrl: z.boolean().default(false),
});
export type TextMessageInput = z.input<typeof TextMessageInput>;

function parseMessage<T extends z.ZodType>(schema: T, input: unknown, what: string): z.output<T> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const first = result.error.issues[0];
  const where = first && first.path.length > 0 ? `${first.path.join(".")} ` : "";
  throw new AppError("VALIDATION", `The WhatsApp ${what} cannot be sent: ${where}${first?.message ?? "is not valid"}.`, {
    fields: fieldProblems(result.error),
  });
}

const envelope = (to: string): Envelope => ({ messaging_product: "whatsapp", recipient_type: "individual", to });

export function buildTemplateMessage(input: TemplateMessageInput): TemplateMessage {
  const { to, name, language, bodyParameters, quickReplies, urlButton } = parseMessage(
    TemplateMessageInput,
    input,
    "template message",
  );
  const components: TemplateComponent[] = [];
  if (bodyParameters.length > 0) {
    components.push({ type: "body", parameters: bodyParameters.map((text) => ({ type: "text", text })) });
  }
  const buttons: (TemplateComponent & { type: "button" })[] = quickReplies.map((b) => ({
    type: "button",
    sub_type: "quick_reply",
    index: String(b.index),
    parameters: [{ type: "payload", payload: b.payload }],
  }));
  if (urlButton) {
    buttons.push({ type: "button", sub_type: "url", index: String(urlButton.index), parameters: [{ type: "text", text: urlButton.suffix }] });
  }
  components.push(...buttons.sort((a, b) => Number(a.index) - Number(b.index)));
  return {
    ...envelope(to),
    type: "template",
    template: { name, language: { code: language }, ...(components.length > 0 ? { components } : {}) },
  };
}

export function buildReplyButtonsMessage(input: ReplyButtonsMessageInput): ReplyButtonsMessage {
  const { to, header, body, footer, buttons } = parseMessage(ReplyButtonsMessageInput, input, "reply-buttons message");
  return {
    ...envelope(to),
    type: "interactive",
    interactive: {
      type: "button",
      ...(header ? { header: { type: "text" as const, text: header } } : {}),
      body: { text: body },
      ...(footer ? { footer: { text: footer } } : {}),
      action: { buttons: buttons.map((b) => ({ type: "reply" as const, reply: { id: b.id, title: b.title } })) },
    },
  };
}

export function buildLocationRequestMessage(input: LocationRequestMessageInput): LocationRequestMessage {
  const { to, body } = parseMessage(LocationRequestMessageInput, input, "location request");
  return {
    ...envelope(to),
    type: "interactive",
    interactive: { type: "location_request_message", body: { text: body }, action: { name: "send_location" } },
  };
}

export function buildTextMessage(input: TextMessageInput): TextMessage {
  const { to, body, previewUrl } = parseMessage(TextMessageInput, input, "text message");
  return { ...envelope(to), type: "text", text: { body, preview_url: previewUrl } };
}
