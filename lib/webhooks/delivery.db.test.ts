import { eq } from "drizzle-orm";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { startWebhookReceiver } from "@/test/fakes/webhook-receiver";
import { connectTestDatabase } from "@/test/database";
import type { WebhookEventType } from "./event-types";

// Delivery to a receiver on loopback (so private addresses are allowed here, as in development): signed per Standard
// Webhooks and verified by the receiver with the `standardwebhooks` package, retried with growing waits on a clock the
// test drives, exactly once per change, and nothing for a change that rolled back.
process.env.WEBHOOKS_ALLOW_PRIVATE_ADDRESSES = "true";
connectTestDatabase();
const { getDb, schema } = await import("@/lib/database");
const { given } = await import("@/test/given");
const { checkInManually, recordRsvpTap } = await import("@/lib/attendance");
const { createWebhookEndpoint, deliverDueWebhooks, listWebhookDeliveries, RETRY_WINDOW_MS } = await import("@/lib/webhooks");

const receiver = await startWebhookReceiver();
afterAll(() => receiver.close());
const { webhookAttempts, webhookDeliveries } = schema;
const MINUTE = 60_000;

async function endpointFor(t: Awaited<ReturnType<typeof given.org>>, eventTypes: WebhookEventType[]) {
  const endpoint = await createWebhookEndpoint(t.owner.ctx, { url: receiver.url, eventTypes });
  receiver.setSecret(endpoint.secret);
  return endpoint;
}
const rowsOf = (endpointId: string) => getDb().select().from(webhookDeliveries).where(eq(webhookDeliveries.endpointId, endpointId));

beforeEach(() => {
  receiver.received.length = 0;
  receiver.answer();
});

describe("delivering webhooks", () => {
  it("a participant arriving sends exactly one participant.arrived, with a signature the receiver verifies", async () => {
    const t = await given.org().occurrence({ open: true }).people([{ name: "Ana Souza", rsvp: "confirmed" }]);
    const endpoint = await endpointFor(t, ["participant.arrived", "participant.declined"]);
    const ana = t.byName("Ana Souza");
    await checkInManually(t.owner.ctx, ana.attendance.id);
    await checkInManually(t.owner.ctx, ana.attendance.id); // already checked in: no second event

    expect(await deliverDueWebhooks(new Date(), { organizationId: t.org.id })).toMatchObject({ succeeded: 1, retrying: 0, failed: 0 });
    expect(receiver.received).toHaveLength(1);
    const [hook] = receiver.received;
    expect(hook!.verified).toBe(true);
    const [row] = await rowsOf(endpoint.id);
    expect(hook!.headers["webhook-id"]).toBe(row!.id);
    expect(hook!.payload).toMatchObject({
      type: "participant.arrived",
      data: {
        organizationId: t.org.id,
        eventId: t.event.id,
        occurrenceId: t.instance.id,
        participantId: ana.participant.id,
        participantName: "Ana Souza",
        attendanceId: ana.attendance.id,
        journey: "arrived",
        checkInMethod: "manual",
      },
    });
    expect(Date.parse(hook!.payload.timestamp)).toBeGreaterThan(Date.now() - MINUTE);
    expect(row).toMatchObject({ status: "succeeded", attempts: 1, lastResponseStatus: 200 });

    // Nothing is due any more: the next run sends nothing.
    expect(await deliverDueWebhooks(new Date(Date.now() + 60 * MINUTE), { organizationId: t.org.id })).toMatchObject({ succeeded: 0 });
    expect(receiver.received).toHaveLength(1);
  });

  it("a receiver answering 500 is tried again after growing waits, with the same id, until it succeeds", async () => {
    const t = await given.org().occurrence({ open: true }).people(1);
    const endpoint = await endpointFor(t, ["participant.arrived"]);
    await checkInManually(t.owner.ctx, t.people[0]!.attendance.id);
    receiver.answer(500, 500, 503);

    let now = new Date();
    const waits: number[] = [];
    for (let attempt = 1; attempt <= 3; attempt++) {
      expect(await deliverDueWebhooks(now, { organizationId: t.org.id })).toMatchObject({ retrying: 1 });
      const [row] = await rowsOf(endpoint.id);
      expect(row).toMatchObject({ status: "pending", attempts: attempt });
      waits.push(row!.nextAttemptAt.getTime() - now.getTime());
      // Not due yet a moment before the next attempt.
      expect(await deliverDueWebhooks(new Date(row!.nextAttemptAt.getTime() - 1_000), { organizationId: t.org.id })).toMatchObject({ succeeded: 0, retrying: 0 });
      now = row!.nextAttemptAt;
    }
    expect(waits[0]).toBeGreaterThanOrEqual(27_000);
    expect(waits[0]).toBeLessThanOrEqual(33_000);
    expect(waits[1]).toBeGreaterThan(waits[0]!);
    expect(waits[2]).toBeGreaterThan(waits[1]!);
    expect((await rowsOf(endpoint.id))[0]!.lastResponseStatus).toBe(503);

    expect(await deliverDueWebhooks(now, { organizationId: t.org.id })).toMatchObject({ succeeded: 1 });
    expect(receiver.received.map((r) => r.verified)).toEqual([true, true, true, true]);
    expect(new Set(receiver.received.map((r) => r.id)).size).toBe(1);
    const [row] = await rowsOf(endpoint.id);
    expect(row).toMatchObject({ status: "succeeded", attempts: 4, lastResponseStatus: 200 });
    const attempts = await getDb().select().from(webhookAttempts).where(eq(webhookAttempts.deliveryId, row!.id));
    expect(attempts.map((a) => a.responseStatus).sort()).toEqual([200, 500, 500, 503]);

    // The log the Settings page shows.
    const [logged] = await listWebhookDeliveries(t.owner.ctx, endpoint.id);
    expect(logged).toMatchObject({ eventType: "participant.arrived", status: "succeeded", attempts: 4, lastResponseStatus: 200 });
  });

  it("gives up a day after the event: the delivery is failed, not retried forever", async () => {
    const t = await given.org().occurrence({ open: true }).people(1);
    const endpoint = await endpointFor(t, ["participant.arrived"]);
    await checkInManually(t.owner.ctx, t.people[0]!.attendance.id);
    receiver.answer(500, 500);
    await deliverDueWebhooks(new Date(), { organizationId: t.org.id });
    const late = new Date(Date.now() + RETRY_WINDOW_MS - 10 * 1000);
    expect(await deliverDueWebhooks(late, { organizationId: t.org.id })).toMatchObject({ failed: 1 });
    expect((await rowsOf(endpoint.id))[0]).toMatchObject({ status: "failed", attempts: 2, lastResponseStatus: 500 });
    expect(await deliverDueWebhooks(new Date(late.getTime() + RETRY_WINDOW_MS), { organizationId: t.org.id })).toMatchObject({ retrying: 0, failed: 0, succeeded: 0 });
  });

  it("a change that rolls back sends nothing; the same change committed sends one", async () => {
    const t = await given.org().occurrence({ open: true }).people([{ name: "Ben" }]);
    const endpoint = await endpointFor(t, ["participant.confirmed"]);
    const ben = t.byName("Ben");
    const tap = {
      organizationId: t.org.id,
      requestId: "req-1",
      attendanceId: ben.attendance.id,
      participantId: ben.participant.id,
      rsvp: "confirmed" as const,
      at: new Date(),
      wamid: "wamid.rollback",
    };
    const aborted = getDb().transaction(async (tx) => {
      expect(await recordRsvpTap(tx, tap)).not.toBeNull();
      throw new Error("something later in the transaction failed");
    });
    await expect(aborted).rejects.toThrow("something later");
    expect(await rowsOf(endpoint.id)).toEqual([]);
    await deliverDueWebhooks(new Date(), { organizationId: t.org.id });
    expect(receiver.received).toEqual([]);

    await getDb().transaction((tx) => recordRsvpTap(tx, { ...tap, wamid: "wamid.committed" }));
    await deliverDueWebhooks(new Date(), { organizationId: t.org.id });
    expect(receiver.received.map((r) => [r.payload.type, r.payload.data.rsvp])).toEqual([["participant.confirmed", "confirmed"]]);
  });
});
