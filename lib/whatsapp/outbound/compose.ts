import {
  buildReplyButtonsMessage,
  buildTemplateMessage,
  buildTextMessage,
  type WhatsAppMessage,
} from "@/lib/whatsapp/messages";
import { formatStart } from "@/lib/whatsapp/format";
import { encodeReplyPayload } from "@/lib/whatsapp/webhook/reply-payload";
import type { OutboundKind, TemplateChoice } from "./templates";

// Pure: what one participant receives for one kind, as a template (outside the 24-hour window) or as a free-form
// interactive/text message (inside it). Throws AppError VALIDATION when a value cannot be sent (e.g. a bad number).

export const WINDOW_MS = 24 * 60 * 60_000;

/** Free-form messages are allowed until 24 hours after the person last wrote to us. */
export function isInsideWindow(lastInboundAt: Date | null, now: Date): boolean {
  return lastInboundAt !== null && now.getTime() - lastInboundAt.getTime() < WINDOW_MS;
}

export type ComposeInput = {
  kind: OutboundKind;
  insideWindow: boolean;
  template: TemplateChoice;
  secret: string;
  person: { participantId: string; attendanceId: string; name: string; phone: string };
  event: { title: string; venueName: string; startsAt: Date; timeZone: string };
  /** Tracking link only: the token and the page it opens. */
  link?: { token: string; url: string };
};

export const BUTTON_TITLES = { confirm: "Confirm", decline: "Decline", optOut: "Stop messages" } as const;

export function composeMessage(input: ComposeInput): WhatsAppMessage {
  const { kind, person, event } = input;
  const when = formatStart(event.startsAt, event.timeZone);
  const to = person.phone;
  if (!input.insideWindow) {
    const { templateName: name, language } = input.template;
    const base = { to, name, language };
    switch (kind) {
      case "confirmation":
        return buildTemplateMessage({
          ...base,
          bodyParameters: [person.name, event.title, when, event.venueName],
          quickReplies: replyButtons(input).map((b, index) => ({ index, payload: b.id })),
        });
      case "reminder":
        return buildTemplateMessage({ ...base, bodyParameters: [person.name, event.title, when, event.venueName] });
      case "tracking_link":
        return buildTemplateMessage({
          ...base,
          bodyParameters: [person.name, event.title, when],
          urlButton: { index: 0, suffix: linkOf(input).token },
        });
      case "closure":
        return buildTemplateMessage({ ...base, bodyParameters: [person.name, event.title] });
    }
  }
  switch (kind) {
    case "confirmation":
      return buildReplyButtonsMessage({
        to,
        body: `Hi ${person.name}, will you come to ${event.title} on ${when} at ${event.venueName}?`,
        buttons: replyButtons(input),
      });
    case "reminder":
      return buildTextMessage({ to, body: `Hi ${person.name}, a reminder: ${event.title} starts ${when} at ${event.venueName}.` });
    case "tracking_link":
      return buildTextMessage({
        to,
        body: `Hi ${person.name}, ${event.title} starts ${when}. Share your way there so we know when you arrive: ${linkOf(input).url}`,
      });
    case "closure":
      return buildTextMessage({ to, body: `Thank you for coming to ${event.title}, ${person.name}!` });
  }
}

function replyButtons({ secret, person }: ComposeInput) {
  return [
    { id: encodeReplyPayload(secret, { type: "rsvp", response: "confirm", attendanceId: person.attendanceId }), title: BUTTON_TITLES.confirm },
    { id: encodeReplyPayload(secret, { type: "rsvp", response: "decline", attendanceId: person.attendanceId }), title: BUTTON_TITLES.decline },
    { id: encodeReplyPayload(secret, { type: "optout", participantId: person.participantId }), title: BUTTON_TITLES.optOut },
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
