import { describe, expect, it } from "vitest";
import { translatorFor } from "@/lib/i18n";
import { describeInboundMessage as describeIn } from "./labels";

const t = translatorFor("en", "messages");
const describeInboundMessage = (type: string, body: Record<string, unknown>) => describeIn(t, type, body);

describe("describeInboundMessage", () => {
  it.each([
    ["button", { title: "Confirm", action: "rsvp.confirm", outcome: "rsvp_updated" }, "Tapped “Confirm” — RSVP set to confirmed"],
    ["interactive", { title: "Decline", action: "rsvp.decline", outcome: "rsvp_updated" }, "Tapped “Decline” — RSVP set to declined"],
    ["button", { title: "Confirm", action: "rsvp.confirm", outcome: "occurrence_closed" }, "Tapped “Confirm” — not applied: the occurrence was cancelled or is over"],
    ["button", { title: "Confirm", action: "rsvp.confirm", outcome: "rsvp_unchanged" }, "Tapped “Confirm” — RSVP unchanged: a newer answer was already recorded"],
    ["interactive", { title: "Stop messages", action: "optout", outcome: "opted_out" }, "Tapped “Stop messages” — opted out of messages"],
    ["button", { title: "Confirm", action: null, outcome: "not_ours" }, "Tapped “Confirm” — not one of our buttons: ignored"],
    ["button", { outcome: "something new" }, "Tapped “a button”"],
    ["text", { text: "  STOP ", outcome: "opted_out" }, "“STOP” — opted out of messages"],
    ["text", { text: "Running 5 minutes late, sorry!", outcome: "recorded" }, "“Running 5 minutes late, sorry!”"],
    ["location", { latitude: 1, longitude: 2, outcome: "arrived" }, "Shared a location — checked in"],
    ["location", { outcome: "no_occurrence" }, "Shared a location — no occurrence was tracking them then"],
    ["unknown", { reason: "sticker" }, "A kind of message we do not act on"],
    ["template", {}, null],
  ])("%s %j → %s", (type, body, words) => {
    expect(describeInboundMessage(type, body)).toBe(words);
  });

  it("shortens a long text", () => {
    const words = describeInboundMessage("text", { text: "x".repeat(200), outcome: "recorded" })!;
    expect(words.length).toBeLessThanOrEqual(82);
    expect(words.endsWith("…”")).toBe(true);
  });
});
