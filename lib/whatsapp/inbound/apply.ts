import { isOptOutText, type TextEvent, type UnknownEvent, type WebhookEvent } from "@/lib/whatsapp/webhook";
import type { InboundContext } from "./context";
import { recordInboundMessage, touchSender } from "./inbound-message";
import { applyLocation } from "./location";
import { optOutParticipant } from "./opt-out";
import { applyReply } from "./reply";
import { applyStatus } from "./status";

/** What an event did, for the log. */
export type EffectOutcome = { kind: WebhookEvent["kind"]; outcome: string };

/**
 * The effect of one event inside its organization, in the caller's transaction (which also holds the event's
 * receipt, so the effect happens once). Every inbound message first marks its sender as recently active.
 */
export async function applyEvent(ctx: InboundContext, event: WebhookEvent): Promise<EffectOutcome> {
  if (event.kind === "status") return { kind: "status", outcome: await applyStatus(ctx, event) };
  if (!event.from || !event.wamid || !event.timestamp) return { kind: event.kind, outcome: "nothing_to_do" };
  const sender = await touchSender(ctx, event.from, event.timestamp);
  switch (event.kind) {
    case "reply":
      return { kind: "reply", outcome: await applyReply(ctx, event, sender) };
    case "location":
      return { kind: "location", outcome: await applyLocation(ctx, event, sender) };
    case "text":
      return { kind: "text", outcome: await applyText(ctx, event, sender?.id ?? null) };
    case "unknown":
      await recordUnknown(ctx, event, { wamid: event.wamid, at: event.timestamp }, sender?.id ?? null);
      return { kind: "unknown", outcome: "recorded" };
  }
}

async function applyText(ctx: InboundContext, event: TextEvent, participantId: string | null): Promise<string> {
  let outcome = "recorded";
  if (participantId && isOptOutText(event.body)) {
    await optOutParticipant(ctx, participantId, { at: event.timestamp, source: "text", wamid: event.wamid });
    outcome = "opted_out";
  }
  await recordInboundMessage(ctx, {
    wamid: event.wamid,
    at: event.timestamp,
    type: "text",
    participantId,
    body: { text: event.body, outcome, ...(event.contactName ? { contactName: event.contactName } : {}) },
  });
  return outcome;
}

/** A reaction, an image, a list reply…: nothing to act on, but the organizer's log shows that they wrote. */
async function recordUnknown(
  ctx: InboundContext,
  event: UnknownEvent,
  { wamid, at }: { wamid: string; at: Date },
  participantId: string | null,
): Promise<void> {
  await recordInboundMessage(ctx, {
    wamid,
    at,
    type: "unknown",
    participantId,
    body: { reason: event.reason, ...(event.contactName ? { contactName: event.contactName } : {}) },
  });
}
