// Client-safe: WhatsApp messages in words.
import type { BadgeTone } from "@/components/ui/badge";

export const MESSAGE_KIND_LABELS: Record<string, string> = {
  confirmation: "Confirmation request",
  reminder: "Reminder",
  tracking_link: "Tracking link",
  location_request: "Location request",
  closure: "Closure",
  opt_out_ack: "Opt-out confirmation",
  reply: "Reply",
};

export const MESSAGE_STATUS: Record<string, { label: string; tone: BadgeTone }> = {
  queued: { label: "Queued", tone: "neutral" },
  sent: { label: "Sent", tone: "brand" },
  delivered: { label: "Delivered", tone: "brand" },
  read: { label: "Read", tone: "success" },
  failed: { label: "Failed", tone: "danger" },
  received: { label: "Received", tone: "neutral" },
};

const RSVP_WORDS: Record<string, string> = { "rsvp.confirm": "confirmed", "rsvp.decline": "declined" };

const REPLY_OUTCOMES: Record<string, (action: string | null) => string> = {
  rsvp_updated: (action) => `RSVP set to ${RSVP_WORDS[action ?? ""] ?? "their answer"}`,
  rsvp_unchanged: () => "RSVP unchanged: a newer answer was already recorded",
  occurrence_closed: () => "not applied: the occurrence was cancelled or is over",
  opted_out: () => "opted out of messages",
  not_ours: () => "not one of our buttons: ignored",
  not_theirs: () => "not their own invitation: ignored",
};

const LOCATION_OUTCOMES: Record<string, string> = {
  arrived: "checked in",
  stored: "position stored",
  no_occurrence: "no occurrence was tracking them then",
  journey_over: "they had already arrived",
  not_a_participant: "the number is not on the participant list",
};

const text = (value: unknown) => (typeof value === "string" ? value : null);
const shorten = (value: string, max = 80) => (value.length > max ? `${value.slice(0, max - 1)}…` : value);

/**
 * What an incoming message was and what it did, in words, from what the webhook recorded: "Tapped “Confirm” —
 * RSVP set to confirmed", "“Stop” — opted out of messages", "Shared a location — checked in". Null when there is
 * nothing to say.
 */
export function describeInboundMessage(type: string, body: Record<string, unknown>): string | null {
  const outcome = text(body.outcome);
  if (type === "button" || type === "interactive") {
    const action = text(body.action);
    const tapped = `Tapped “${shorten(text(body.title) ?? "a button", 30)}”`;
    const effect = outcome ? REPLY_OUTCOMES[outcome]?.(action) : undefined;
    return effect ? `${tapped} — ${effect}` : tapped;
  }
  if (type === "text") {
    const said = `“${shorten(text(body.text)?.trim() ?? "")}”`;
    return outcome === "opted_out" ? `${said} — opted out of messages` : said;
  }
  if (type === "location") {
    const effect = outcome ? LOCATION_OUTCOMES[outcome] : undefined;
    return effect ? `Shared a location — ${effect}` : "Shared a location";
  }
  if (type === "unknown") return "A kind of message we do not act on";
  return null;
}

/** The WhatsApp profile name an incoming message came with (never used to identify anyone), or null. */
export function senderProfileName(body: Record<string, unknown>): string | null {
  const name = text(body.contactName)?.trim();
  return name ? shorten(name, 60) : null;
}
