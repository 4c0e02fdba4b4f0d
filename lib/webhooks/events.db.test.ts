import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { startFakeWhatsAppCloud } from "@/test/fakes/whatsapp-cloud";
import { connectTestDatabase } from "@/test/database";

// Each event type is produced by the change it names, wherever that change happens (staff, WhatsApp, tracking, the
// ETA refresh, closure, the delivery job for starts), and only for endpoints of the organization subscribed to it.
await startFakeWhatsAppCloud();
process.env.WEBHOOKS_ALLOW_PRIVATE_ADDRESSES = "true";
connectTestDatabase();
const { getDb, schema } = await import("@/lib/database");
const { given } = await import("@/test/given");
const { VENUE } = await import("@/test/tracking");
const { createOutboundMessage, delivery, post } = await import("@/test/whatsapp-inbound");
const { checkInManually, recordPositions, setRsvpByStaff } = await import("@/lib/attendance");
const { recordFailed } = await import("@/lib/messages");
const { refreshEtas } = await import("@/lib/live");
const { closeOccurrence } = await import("@/lib/whatsapp");
const { createWebhookEndpoint, enqueueStartedOccurrences, enqueueWebhookEvent, setWebhookEndpointEnabled, WEBHOOK_EVENT_TYPES } = await import(
  "@/lib/webhooks"
);

const { webhookDeliveries } = schema;
type Payload = { type: string; timestamp: string; data: Record<string, unknown> };

/** An organization with an endpoint that wants every event, and another organization's that wants every event too. */
async function setup(people: Parameters<ReturnType<typeof given.org>["people"]>[0], occurrence: { open?: boolean; startsInMinutes?: number } = { open: true }) {
  const t = await given.org({ whatsapp: true }).occurrence(occurrence).people(people);
  const endpoint = await createWebhookEndpoint(t.owner.ctx, { url: "http://127.0.0.1:9/a", eventTypes: [...WEBHOOK_EVENT_TYPES] });
  const other = await given.org().occurrence({ open: true }).people(1);
  const othersEndpoint = await createWebhookEndpoint(other.owner.ctx, { url: "http://127.0.0.1:9/b", eventTypes: [...WEBHOOK_EVENT_TYPES] });
  const sent = async (type?: string) => {
    const rows = await getDb().select().from(webhookDeliveries).where(eq(webhookDeliveries.endpointId, endpoint.id));
    return rows.filter((r) => !type || r.eventType === type).map((r) => r.payload as Payload);
  };
  const othersSent = () => getDb().select().from(webhookDeliveries).where(eq(webhookDeliveries.endpointId, othersEndpoint.id));
  return { ...t, endpoint, sent, othersSent };
}

describe("each event comes from its change", () => {
  it("participant.confirmed and participant.declined: an answer recorded by staff or tapped in WhatsApp", async () => {
    const t = await setup([{ name: "Ana" }, { name: "Ben" }]);
    await setRsvpByStaff(t.owner.ctx, t.byName("Ana").attendance.id, { rsvp: "confirmed" });
    await setRsvpByStaff(t.owner.ctx, t.byName("Ben").attendance.id, { rsvp: "declined" });
    await setRsvpByStaff(t.owner.ctx, t.byName("Ben").attendance.id, { rsvp: "declined" }); // unchanged: nothing new
    expect((await t.sent()).map((p) => [p.type, p.data.participantName, p.data.rsvp])).toEqual(
      expect.arrayContaining([
        ["participant.confirmed", "Ana", "confirmed"],
        ["participant.declined", "Ben", "declined"],
      ]),
    );
    expect(await t.sent()).toHaveLength(2);
    expect(await t.othersSent()).toEqual([]);
  });

  it("participant.opted_out: STOP over WhatsApp; message.failed: a failed delivery report and a send given up", async () => {
    const t = await setup([{ name: "Zoë" }]);
    const zoe = t.byName("Zoë").participant;
    const sentMessage = await createOutboundMessage(t.org.id, zoe.id);
    await post(delivery("status-failed-131047", { number: t.phoneNumberId!, from: zoe.phone, statusWamid: sentMessage.wamid! }));
    const [failed] = await t.sent("message.failed");
    expect(failed!.data).toMatchObject({ messageId: sentMessage.id, participantId: zoe.id, participantName: "Zoë", status: "failed", errorCode: expect.any(String) });

    const queued = await createOutboundMessage(t.org.id, zoe.id, "queued");
    await recordFailed(t.org.id, queued.id, { code: "invalid_number", inWords: "Not a WhatsApp number.", at: new Date() });
    expect((await t.sent("message.failed")).map((p) => p.data.messageId)).toContain(queued.id);

    await post(delivery("text-stop-non-ascii", { number: t.phoneNumberId!, from: zoe.phone, text: "STOP" }));
    const optedOut = await t.sent("participant.opted_out");
    expect(optedOut).toHaveLength(1);
    expect(optedOut[0]!.data).toMatchObject({ participantId: zoe.id, participantName: "Zoë", optedOutAt: expect.stringMatching(/Z$/) });
    expect(await t.othersSent()).toEqual([]);
  });

  it("participant.on_the_way on the first position, participant.late when the ETA passes the start", async () => {
    const t = await setup([{ name: "Far", rsvp: "confirmed" }]);
    const far = t.byName("Far").attendance;
    const at = Date.now() - 5_000;
    const point = (ms: number) => ({ o: t.org.id, a: far.id, r: new Date().toISOString(), la: VENUE.lat + 0.5, ln: VENUE.lng, ac: 10, al: null, sp: null, hd: null, ms });
    await recordPositions([point(at)]);
    await recordPositions([point(at + 1_000)]); // already on the way: no second event
    const onTheWay = await t.sent("participant.on_the_way");
    expect(onTheWay).toHaveLength(1);
    expect(onTheWay[0]!.data).toMatchObject({ attendanceId: far.id, journey: "on_the_way" });

    await refreshEtas(new Date());
    const late = await t.sent("participant.late");
    expect(late).toHaveLength(1);
    expect(late[0]!.data).toMatchObject({ attendanceId: far.id, lateMinutes: expect.any(Number), etaAt: expect.stringMatching(/Z$/) });
    await refreshEtas(new Date());
    expect(await t.sent("participant.late")).toHaveLength(1);
    expect(await t.othersSent()).toEqual([]);
  });

  it("participant.no_show and occurrence.closed at closure; occurrence.started once after the start", async () => {
    const t = await setup([{ name: "Never", rsvp: "confirmed" }, { name: "Maybe" }], { startsInMinutes: -5 });
    await enqueueStartedOccurrences(new Date());
    await enqueueStartedOccurrences(new Date());
    const started = await t.sent("occurrence.started");
    expect(started).toHaveLength(1);
    expect(started[0]!.data).toMatchObject({ occurrenceId: t.instance.id, eventId: t.event.id, startsAt: t.instance.startsAt.toISOString() });

    await closeOccurrence(t.owner.ctx, t.instance.id, new Date());
    await closeOccurrence(t.owner.ctx, t.instance.id, new Date());
    const noShows = await t.sent("participant.no_show");
    expect(noShows.map((p) => p.data.participantName)).toEqual(["Never"]);
    const closed = await t.sent("occurrence.closed");
    expect(closed).toHaveLength(1);
    expect(closed[0]!.data).toMatchObject({ occurrenceId: t.instance.id, status: "completed", noShows: 1, closedAt: expect.stringMatching(/Z$/) });
    expect(await t.othersSent()).toEqual([]);
  });

  it("an endpoint gets only the events it subscribed to, and nothing while disabled", async () => {
    const t = await given.org().occurrence({ open: true }).people([{ name: "Cy" }, { name: "Di" }]);
    const arrivals = await createWebhookEndpoint(t.owner.ctx, { url: "http://127.0.0.1:9/c", eventTypes: ["participant.arrived"] });
    const rows = () =>
      getDb()
        .select()
        .from(webhookDeliveries)
        .where(and(eq(webhookDeliveries.endpointId, arrivals.id), eq(webhookDeliveries.organizationId, t.org.id)));
    await setRsvpByStaff(t.owner.ctx, t.byName("Cy").attendance.id, { rsvp: "confirmed" });
    expect(await rows()).toEqual([]);
    await checkInManually(t.owner.ctx, t.byName("Cy").attendance.id);
    expect((await rows()).map((r) => r.eventType)).toEqual(["participant.arrived"]);
    await setWebhookEndpointEnabled(t.owner.ctx, arrivals.id, false);
    await checkInManually(t.owner.ctx, t.byName("Di").attendance.id);
    expect(await rows()).toHaveLength(1);

    // An event with its data given goes the same way: to the enabled endpoints of the organization that want it.
    const closures = await createWebhookEndpoint(t.owner.ctx, { url: "http://127.0.0.1:9/d", eventTypes: ["occurrence.closed"] });
    await getDb().transaction((tx) =>
      enqueueWebhookEvent(tx, { organizationId: t.org.id, type: "occurrence.closed", data: { occurrenceId: t.instance.id } }),
    );
    const [closure] = await getDb().select().from(webhookDeliveries).where(eq(webhookDeliveries.endpointId, closures.id));
    expect(closure!.payload).toMatchObject({ type: "occurrence.closed", data: { organizationId: t.org.id, occurrenceId: t.instance.id } });
    expect(await rows()).toHaveLength(1);
  });
});
