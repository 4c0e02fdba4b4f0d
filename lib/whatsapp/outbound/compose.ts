import {
  buildReplyButtonsMessage,
  buildTemplateMessage,
  buildTextMessage,
  type WhatsAppMessage,
} from "@/lib/whatsapp/messages";
import { translatorFor, type Locale } from "@/lib/i18n";
import { formatStart } from "@/lib/whatsapp/format";
import { TEMPLATE_PARAMETERS } from "@/lib/whatsapp/template-bodies";
import { encodeReplyPayload } from "@/lib/whatsapp/webhook/reply-payload";
import type { OutboundKind, TemplateChoice } from "./templates";

// Pure: what one participant receives for one kind, in their language, as a template (outside the 24-hour window) or
// as a free-form interactive/text message (inside it). Throws AppError VALIDATION when a value cannot be sent (e.g. a
// bad number).

export const WINDOW_MS = 24 * 60 * 60_000;

/** Free-form messages are allowed until 24 hours after the person last wrote to us. */
export function isInsideWindow(lastInboundAt: Date | null, now: Date): boolean {
  return lastInboundAt !== null && now.getTime() - lastInboundAt.getTime() < WINDOW_MS;
}

export type ComposeInput = {
  kind: OutboundKind;
  insideWindow: boolean;
  /** The participant's language (theirs, else their organization's): the words, the date and the buttons. */
  locale: Locale;
  template: TemplateChoice;
  secret: string;
  person: { participantId: string; attendanceId: string; name: string; phone: string };
  event: { title: string; venueName: string; startsAt: Date; timeZone: string };
  /** Tracking link only: the token and the page it opens. */
  link?: { token: string; url: string };
};

export function composeMessage(input: ComposeInput): WhatsAppMessage {
  const { kind, person, event, locale } = input;
  const to = person.phone;
  // A template is read in the language it was approved in (the organization's, when the participant's has none).
  const wordsIn = (written: Locale) => ({ name: person.name, event: event.title, start: formatStart(event.startsAt, event.timeZone, written), venue: event.venueName });
  if (!input.insideWindow) {
    const { templateName: name, language, locale: written } = input.template;
    const values = wordsIn(written);
    const base = { to, name, language, bodyParameters: TEMPLATE_PARAMETERS[kind].map((parameter) => values[parameter]) };
    switch (kind) {
      case "confirmation":
        return buildTemplateMessage({ ...base, quickReplies: replyButtons(input).map((b, index) => ({ index, payload: b.id })) });
      case "tracking_link":
        return buildTemplateMessage({ ...base, urlButton: { index: 0, suffix: linkOf(input).token } });
      case "reminder":
      case "closure":
        return buildTemplateMessage(base);
    }
  }
  const t = translatorFor(locale, "whatsapp");
  const words = wordsIn(locale);
  switch (kind) {
    case "confirmation":
      return buildReplyButtonsMessage({ to, body: t("messages.confirmation", words), buttons: replyButtons(input) });
    case "reminder":
      return buildTextMessage({ to, body: t("messages.reminder", words) });
    case "tracking_link":
      return buildTextMessage({ to, body: t("messages.trackingLink", { ...words, url: linkOf(input).url }) });
    case "closure":
      return buildTextMessage({ to, body: t("messages.closure", words) });
  }
}

/** Confirm, Decline and Stop, titled in the participant's language; each carries its signed action. */
function replyButtons({ secret, person, locale }: ComposeInput) {
  const t = translatorFor(locale, "whatsapp");
  return [
    { id: encodeReplyPayload(secret, { type: "rsvp", response: "confirm", attendanceId: person.attendanceId }), title: t("buttons.confirm") },
    { id: encodeReplyPayload(secret, { type: "rsvp", response: "decline", attendanceId: person.attendanceId }), title: t("buttons.decline") },
    { id: encodeReplyPayload(secret, { type: "optout", participantId: person.participantId }), title: t("buttons.optOut") },
  ];
}

function linkOf(input: ComposeInput): { token: string; url: string } {
  if (!input.link) throw new Error("A tracking-link message needs its link.");
  return input.link;
}

/** What the messages table keeps: the message as sent, with a tracking token blanked (only its hash is stored). */
export function storedBody(message: WhatsAppMessage, token?: string): Record<string, unknown> {
  const json = JSON.stringify(message);
  return JSON.parse(token ? json.split(token).join("[tracking-token]") : json) as Record<string, unknown>;
}
