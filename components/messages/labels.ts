// Client-safe: WhatsApp messages in words, in the organizer's language (`t`, the messages namespace).
import type { BadgeTone } from "@/components/ui/badge";
import type { Translator } from "@/lib/i18n/translator-type";

export const MESSAGE_STATUS_TONES: Record<string, BadgeTone> = {
  queued: "neutral",
  sent: "brand",
  delivered: "brand",
  read: "success",
  failed: "danger",
  received: "neutral",
};

/** "Sent", "Delivered"…; an unknown status as it was recorded. */
export function statusLabel(t: Translator<"messages">, status: string): string {
  return status in MESSAGE_STATUS_TONES ? t("status", { status }) : status;
}

const KINDS = new Set(["confirmation", "reminder", "tracking_link", "location_request", "closure", "opt_out_ack", "reply"]);

/** "Confirmation request", "Reminder"…; an unknown kind as it was recorded. */
export function kindLabel(t: Translator<"messages">, kind: string): string {
  return KINDS.has(kind) ? t("kind", { kind }) : kind;
}

const REPLY_OUTCOMES = new Set(["rsvp_updated", "rsvp_unchanged", "occurrence_closed", "opted_out", "not_ours", "not_theirs"]);
const LOCATION_OUTCOMES = new Set(["arrived", "stored", "no_occurrence", "journey_over", "not_a_participant"]);

const text = (value: unknown) => (typeof value === "string" ? value : null);
const shorten = (value: string, max = 80) => (value.length > max ? `${value.slice(0, max - 1)}…` : value);

/**
 * What an incoming message was and what it did, in words, from what the webhook recorded: "Tapped “Confirm” —
 * RSVP set to confirmed", "“Stop” — opted out of messages", "Shared a location — checked in". Null when there is
 * nothing to say.
 */
export function describeInboundMessage(t: Translator<"messages">, type: string, body: Record<string, unknown>): string | null {
  const outcome = text(body.outcome) ?? "";
  if (type === "button" || type === "interactive") {
    const title = text(body.title);
    const tapped = title ? t("inbound.tapped", { title: shorten(title, 30) }) : t("inbound.tappedButton");
    if (!REPLY_OUTCOMES.has(outcome)) return tapped;
    const answer = { "rsvp.confirm": "confirmed", "rsvp.decline": "declined" }[text(body.action) ?? ""] ?? "other";
    return t("inbound.withEffect", { said: tapped, effect: t("inbound.replyOutcome", { outcome, answer }) });
  }
  if (type === "text") {
    const said = t("inbound.quoted", { text: shorten(text(body.text)?.trim() ?? "") });
    return outcome === "opted_out" ? t("inbound.withEffect", { said, effect: t("inbound.replyOutcome", { outcome, answer: "other" }) }) : said;
  }
  if (type === "location") {
    if (!LOCATION_OUTCOMES.has(outcome)) return t("inbound.location");
    return t("inbound.withEffect", { said: t("inbound.location"), effect: t("inbound.locationOutcome", { outcome }) });
  }
  if (type === "unknown") return t("inbound.unknown");
  return null;
}

/** The WhatsApp profile name an incoming message came with (never used to identify anyone), or null. */
export function senderProfileName(body: Record<string, unknown>): string | null {
  const name = text(body.contactName)?.trim();
  return name ? shorten(name, 60) : null;
}
