import { describe, expect, it } from "vitest";
import { kickWebhookDelivery, markEnqueued } from "@/lib/webhooks";
import type { SentEvent } from "@/lib/jobs";
import { wireWebhookKick } from "./webhook-kick";

// A committed change that enqueued deliveries starts deliver-webhooks through the runner: one event for a burst of
// kicks, none for a kick with nothing enqueued.
describe("the webhook kick", () => {
  it("sends one app/webhooks.enqueued for kicks close together, and nothing when nothing was enqueued", async () => {
    const sent: SentEvent[][] = [];
    wireWebhookKick((events) => {
      sent.push(events);
    });
    kickWebhookDelivery();
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(sent).toEqual([]);

    markEnqueued();
    kickWebhookDelivery();
    markEnqueued();
    kickWebhookDelivery();
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(sent).toEqual([[{ name: "app/webhooks.enqueued", data: {} }]]);
  });
});
