import { randomInt } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { startFakeWhatsAppCloud } from "@/test/fakes/whatsapp-cloud";
import { connectTestDatabase } from "@/test/database";
import { encodeReplyPayload } from "@/lib/whatsapp/webhook";
import type { Given } from "@/test/given";

// What inbound messages do inside their organization: opt-out, shared locations, and cross-organization safety.
// Replies the webhook sends (the opt-out confirmation) go to a fake Graph API on loopback.
const graph = await startFakeWhatsAppCloud();
connectTestDatabase();
const { getDb, schema } = await import("@/lib/database");
const { replyPayloadSecret } = await import("@/lib/whatsapp/secrets");
const { RADIUS_M, northOfVenue, fixesAMinuteApartAroundGrace, arrivalAsSeen } = await import("@/test/tracking");
const { WHATSAPP_LOCATION_ACCURACY_M } = await import("./location");
const { given } = await import("@/test/given");
const { attendanceRow, createOutboundMessage, delivery, messageRows, nowSeconds, participantRow, post, resetRsvp, rsvpAudits, rsvpPayload } = await import("@/test/whatsapp-inbound");
const { runScheduledAction } = await import("@/lib/schedule");
const { scheduledActionDependencies } = await import("@/lib/jobs/scheduled-actions");
const { actionRow, createAction } = await import("@/test/schedule");

const { auditLogs, eventInstances, locations, participants, scheduledActions } = schema;
const db = getDb();
type Setup = Given & { phoneNumberId: string };

describe("inbound effects", () => {
  let a: Setup;
  let b: Setup;
  beforeAll(async () => {
    a = await given.org({ whatsapp: true }).occurrence({ open: true }).people(6).links();
    b = await given.org({ whatsapp: true }).occurrence({ open: true }).people(2).links();
  });

  describe("opt-out", () => {
    it("STOP opts the sender out and cancels only their own pending actions; a non-ASCII name is kept intact", async () => {
      const { participant: p } = a.people[5]!;
      const other = a.people[4]!.participant;
      const actions = await db
        .insert(scheduledActions)
        .values([
          { organizationId: a.org.id, instanceId: a.instance.id, participantId: p.id, action: "reminder", dueAt: new Date(Date.now() + 3600_000) },
          { organizationId: a.org.id, instanceId: a.instance.id, participantId: p.id, action: "confirmation", dueAt: new Date(), status: "done" },
          { organizationId: a.org.id, instanceId: a.instance.id, participantId: other.id, action: "reminder", dueAt: new Date(Date.now() + 3600_000) },
          { organizationId: a.org.id, instanceId: a.instance.id, participantId: null, action: "closure", dueAt: new Date(Date.now() + 7200_000) },
        ])
        .returning();
      // A reminder of theirs waiting for a retry (WhatsApp was down) must not go out after the STOP; the other
      // person's still may.
      const waiting = await createOutboundMessage(a.org.id, p.id, "queued");
      const othersWaiting = await createOutboundMessage(a.org.id, other.id, "queued");
      const wamid = `wamid.stop-${crypto.randomUUID()}`;
      const res = await post(delivery("text-stop-non-ascii", { number: a.phoneNumberId, from: p.phone, wamid, text: " Stop! " }));
      expect(res.status).toBe(200);
      expect((await participantRow(a.org.id, p.id)).optedOutAt).toEqual(new Date(1774519500 * 1000));
      expect((await participantRow(a.org.id, other.id)).optedOutAt).toBeNull();
      const statuses = await Promise.all(
        actions.map(async (action) => (await db.select().from(scheduledActions).where(eq(scheduledActions.id, action.id)))[0]!.status),
      );
      expect(statuses).toEqual(["cancelled", "done", "pending", "pending"]);
      // The timeline says why, from the stored code.
      expect(await actionRow(actions[0]!.id)).toMatchObject({ lastErrorCode: "opted_out", note: "Participant opted out over WhatsApp." });
      const statusOf = async (id: string) => (await db.select().from(schema.messages).where(eq(schema.messages.id, id)))[0]!;
      expect(await statusOf(waiting.id)).toMatchObject({
        status: "failed",
        errorMessage: "Not sent: the person opted out of messages before it went out.",
      });
      expect((await statusOf(othersWaiting.id)).status).toBe("queued");
      const [message] = await messageRows(wamid);
      expect(message).toMatchObject({ type: "text", participantId: p.id, body: { text: " Stop! ", outcome: "opted_out", contactName: "Zoë Ağaoğlu" } });
      const [audit] = await db.select().from(auditLogs).where(and(eq(auditLogs.organizationId, a.org.id), eq(auditLogs.targetId, p.id)));
      expect(audit).toMatchObject({ action: "participant.opted_out", actorType: "webhook", data: { via: "whatsapp_text", cancelledActions: 1 } });

      // They are told it worked, once, in plain text (they just wrote, so the 24-hour window is open).
      const acks = graph.requests.filter((r) => (r.body as { to?: string }).to === p.phone);
      expect(acks).toHaveLength(1);
      expect(acks[0]!.body).toMatchObject({ type: "text", text: { body: expect.stringContaining("You will not get any more WhatsApp messages from") } });
      const [ack] = await db
        .select()
        .from(schema.messages)
        .where(and(eq(schema.messages.organizationId, a.org.id), eq(schema.messages.participantId, p.id), eq(schema.messages.kind, "opt_out_ack")));
      expect(ack).toMatchObject({ direction: "outbound", status: "sent" });
      // The same STOP delivered again, and STOP once more: still one confirmation.
      await post(delivery("text-stop-non-ascii", { number: a.phoneNumberId, from: p.phone, wamid, text: " Stop! " }));
      await post(delivery("text-stop-non-ascii", { number: a.phoneNumberId, from: p.phone, wamid: `${wamid}-again`, text: "STOP" }));
      expect(graph.requests.filter((r) => (r.body as { to?: string }).to === p.phone)).toHaveLength(1);
    });

    it("an ordinary text is only recorded; the opt-out button opts out through its signed payload", async () => {
      const { participant: p } = a.people[3]!;
      const wamid = `wamid.text-${crypto.randomUUID()}`;
      await post(delivery("text-stop-non-ascii", { number: a.phoneNumberId, from: p.phone, wamid, text: "Ich komme 5 Minuten später 🙏" }));
      expect((await messageRows(wamid))[0]!.body).toMatchObject({ text: "Ich komme 5 Minuten später 🙏", outcome: "recorded" });
      expect((await participantRow(a.org.id, p.id)).optedOutAt).toBeNull();

      const payload = encodeReplyPayload(replyPayloadSecret(), { type: "optout", participantId: p.id });
      await post(delivery("interactive-button-decline", { number: a.phoneNumberId, from: p.phone, payload }));
      expect((await participantRow(a.org.id, p.id)).optedOutAt).not.toBeNull();
    });
  });

  describe("location", () => {
    it("a shared location far away is stored as a WhatsApp point and moves the participant on the way", async () => {
      const { participant: p, attendance: att } = a.people[0]!;
      const ts = nowSeconds() - 120;
      const far = northOfVenue(2000);
      const wamid = `wamid.loc-${crypto.randomUUID()}`;
      const res = await post(delivery("location", { number: a.phoneNumberId, from: p.phone, wamid, timestamp: ts, location: { latitude: far.lat, longitude: far.lng } }));
      expect(res.status).toBe(200);
      const points = await db.select().from(locations).where(eq(locations.attendanceId, att.id));
      expect(points).toHaveLength(1);
      expect(points[0]).toMatchObject({ organizationId: a.org.id, source: "whatsapp", accuracyM: WHATSAPP_LOCATION_ACCURACY_M, recordedAt: new Date(ts * 1000) });
      const row = await attendanceRow(a.org.id, att.id);
      expect(row).toMatchObject({ journey: "on_the_way", checkedInAt: null, lastFixAt: new Date(ts * 1000) });
      expect(row.distanceM).toBeGreaterThan(1950);
      expect((await messageRows(wamid))[0]).toMatchObject({ type: "location", attendanceId: att.id, body: { outcome: "stored", name: "Alexanderplatz" } });
    });

    it("a location surely inside the arrival radius checks the participant in (method whatsapp_location)", async () => {
      const { participant: p, attendance: att } = a.people[0]!;
      const ts = nowSeconds() - 30;
      const here = northOfVenue(RADIUS_M - WHATSAPP_LOCATION_ACCURACY_M - 20);
      const res = await post(delivery("location", { number: a.phoneNumberId, from: p.phone, timestamp: ts, location: { latitude: here.lat, longitude: here.lng } }));
      expect(res.status).toBe(200);
      expect(await attendanceRow(a.org.id, att.id)).toMatchObject({ journey: "arrived", checkInMethod: "whatsapp_location", checkedInAt: new Date(ts * 1000) });
      // After arrival a further location is logged but not stored as a point.
      await post(delivery("location", { number: a.phoneNumberId, from: p.phone, timestamp: ts + 10, location: { latitude: here.lat, longitude: here.lng } }));
      expect(await db.select().from(locations).where(eq(locations.attendanceId, att.id))).toHaveLength(2);
    });

    it("a single location near the edge of the radius is not enough to check in", async () => {
      const { participant: p, attendance: att } = a.people[1]!;
      const edge = northOfVenue(RADIUS_M - 10);
      await post(delivery("location", { number: a.phoneNumberId, from: p.phone, timestamp: nowSeconds() - 5, location: { latitude: edge.lat, longitude: edge.lng } }));
      expect(await attendanceRow(a.org.id, att.id)).toMatchObject({ journey: "on_the_way", checkedInAt: null });
    });

    it("two shared locations inside the radius a minute apart check in at the first, so the report says on time", async () => {
      const t = await given.org({ whatsapp: true }).occurrence({ startsInMinutes: -6 }).people(1).links();
      const { participant: p, attendance: att } = t.people[0]!;
      const { first, second } = fixesAMinuteApartAroundGrace(t.instance.startsAt);
      const seconds = (fix: typeof first) => Math.floor(Date.parse(fix.recordedAt) / 1000);
      for (const fix of [first, second]) {
        const location = { latitude: fix.lat, longitude: fix.lng };
        expect((await post(delivery("location", { number: t.phoneNumberId, from: p.phone, timestamp: seconds(fix), location }))).status).toBe(200);
      }
      const arrivedAt = new Date(seconds(first) * 1000).toISOString();
      expect(await arrivalAsSeen(t, att.id)).toEqual({ checkedInAt: arrivedAt, activityAt: arrivedAt, outcome: "on_time" });
      expect((await attendanceRow(t.org.id, att.id)).checkInMethod).toBe("whatsapp_location");
    });

    it("a location outside every tracking window is only recorded", async () => {
      const { participant: p, attendance: att } = a.people[2]!;
      const wamid = `wamid.old-${crypto.randomUUID()}`;
      await post(delivery("location", { number: a.phoneNumberId, from: p.phone, wamid }));
      expect(await db.select().from(locations).where(eq(locations.attendanceId, att.id))).toHaveLength(0);
      expect((await attendanceRow(a.org.id, att.id)).journey).toBe("not_started");
      expect((await messageRows(wamid))[0]).toMatchObject({ attendanceId: null, body: { outcome: "no_occurrence" } });
    });
  });

  describe("RSVP taps on an occurrence that is no longer on", () => {
    it("a tap for a cancelled occurrence, or for one already over, changes no RSVP, is logged as such, and the person is told why", async () => {
      const cancelled = await given.org({ whatsapp: true }).occurrence({ open: true }).people(1).links();
      const over = await given.org({ whatsapp: true }).occurrence({ open: true }).people(1).links();
      await db
        .update(eventInstances)
        .set({ status: "cancelled" })
        .where(and(eq(eventInstances.id, cancelled.instance.id), eq(eventInstances.organizationId, cancelled.org.id)));
      const endedAt = new Date(Date.now() - 3600_000);
      await db
        .update(eventInstances)
        .set({ startsAt: new Date(endedAt.getTime() - 3600_000), endsAt: endedAt })
        .where(and(eq(eventInstances.id, over.instance.id), eq(eventInstances.organizationId, over.org.id)));

      for (const [setup, why] of [
        [cancelled, "it was cancelled"],
        [over, "it has already taken place"],
      ] as const) {
        const { participant, attendance } = setup.people[0]!;
        await resetRsvp(setup.org.id, attendance.id);
        const wamid = `wamid.closed-${crypto.randomUUID()}`;
        const tap = { number: setup.phoneNumberId, from: participant.phone, wamid, timestamp: nowSeconds() };
        const confirm = delivery("template-button-confirm", { ...tap, payload: rsvpPayload(attendance.id, "confirm") });
        expect((await post(confirm)).status).toBe(200);
        expect((await attendanceRow(setup.org.id, attendance.id)).rsvp).toBe("pending");
        expect(await rsvpAudits(setup.org.id, attendance.id)).toBe(0);
        expect((await messageRows(wamid))[0]).toMatchObject({ attendanceId: attendance.id, body: { outcome: "occurrence_closed" } });
        // They are told, once (the webhook may deliver the tap again), which occurrence and why.
        expect((await post(confirm)).status).toBe(200);
        const notices = graph.requests.filter((r) => (r.body as { to?: string }).to === participant.phone);
        expect(notices).toHaveLength(1);
        expect(notices[0]!.body).toMatchObject({
          type: "text",
          text: { body: expect.stringMatching(new RegExp(`^Your answer was not recorded: ${setup.event.title} on .+ — ${why}\\.$`)) },
        });
        const [notice] = await db
          .select()
          .from(schema.messages)
          .where(and(eq(schema.messages.organizationId, setup.org.id), eq(schema.messages.participantId, participant.id), eq(schema.messages.direction, "outbound")));
        expect(notice).toMatchObject({ kind: "reply", status: "sent", attendanceId: attendance.id, instanceId: setup.instance.id });
      }
    });

    it("someone who opted out is not answered when their tap comes too late", async () => {
      const setup = await given.org({ whatsapp: true }).occurrence({ open: true }).people(1).links();
      const { participant, attendance } = setup.people[0]!;
      await db
        .update(eventInstances)
        .set({ status: "cancelled" })
        .where(and(eq(eventInstances.id, setup.instance.id), eq(eventInstances.organizationId, setup.org.id)));
      await db.update(participants).set({ optedOutAt: new Date() }).where(eq(participants.id, participant.id));
      const wamid = `wamid.closed-optedout-${crypto.randomUUID()}`;
      const tap = { number: setup.phoneNumberId, from: participant.phone, wamid, timestamp: nowSeconds() };
      expect((await post(delivery("template-button-confirm", { ...tap, payload: rsvpPayload(attendance.id, "confirm") }))).status).toBe(200);
      expect((await messageRows(wamid))[0]).toMatchObject({ body: { outcome: "occurrence_closed" } });
      expect(graph.requests.filter((r) => (r.body as { to?: string }).to === participant.phone)).toHaveLength(0);
    });

    it("a tap made before the occurrence ended still counts when it is delivered after", async () => {
      const late = await given.org({ whatsapp: true }).occurrence({ open: true }).people(1).links();
      const { participant, attendance } = late.people[0]!;
      await resetRsvp(late.org.id, attendance.id);
      const endedAt = new Date(Date.now() - 60_000);
      await db
        .update(eventInstances)
        .set({ startsAt: new Date(endedAt.getTime() - 3600_000), endsAt: endedAt })
        .where(and(eq(eventInstances.id, late.instance.id), eq(eventInstances.organizationId, late.org.id)));
      const tappedAt = Math.floor(endedAt.getTime() / 1000) - 600;
      await post(delivery("template-button-confirm", { number: late.phoneNumberId, from: participant.phone, timestamp: tappedAt, payload: rsvpPayload(attendance.id, "confirm") }));
      expect((await attendanceRow(late.org.id, attendance.id)).rsvp).toBe("confirmed");
    });
  });

  describe("who wrote: a WhatsApp id that is not the phone number", () => {
    let c: Setup;
    const digits = (n: number) => String(randomInt(0, 10 ** n)).padStart(n, "0");
    const setPhone = (id: string, phone: string) => db.update(participants).set({ phone, whatsappId: null }).where(eq(participants.id, id));
    beforeAll(async () => {
      c = await given.org({ whatsapp: true }).occurrence({ open: true }).people(3).links();
    });

    it("a Confirm tap from a Brazilian id without the ninth digit answers for the participant +55 AA 9XXXX-XXXX", async () => {
      const { participant: p, attendance: att } = c.people[0]!;
      const local = `9${digits(7)}`;
      await setPhone(p.id, `+55319${local}`);
      await resetRsvp(c.org.id, att.id);
      const wamid = `wamid.br-${crypto.randomUUID()}`;
      // Meta's shape: `from` and `contacts[].wa_id` are the WhatsApp id, 5531 + 8 digits.
      await post(delivery("template-button-confirm", { number: c.phoneNumberId, from: `+5531${local}`, wamid, payload: rsvpPayload(att.id, "confirm") }));
      expect((await attendanceRow(c.org.id, att.id)).rsvp).toBe("confirmed");
      expect((await messageRows(wamid))[0]).toMatchObject({ participantId: p.id, body: { outcome: "rsvp_updated" } });
      expect((await participantRow(c.org.id, p.id)).whatsappId).toBe(`5531${local}`);
    });

    it("the id Graph reported when we messaged them is matched first (sent, then tapped)", async () => {
      const { participant: p, attendance: att } = c.people[1]!;
      // Mexico: the number +52 55 … is WhatsApp id 521 55 … .
      const local = `55${digits(8)}`;
      await setPhone(p.id, `+52${local}`);
      await resetRsvp(c.org.id, att.id);
      graph.setWaId(`+52${local}`, `521${local}`);
      const { ref } = await createAction(c.org.id, c.instance.id, "confirmation", { participantId: p.id });
      expect(await runScheduledAction(ref, new Date(), { ...scheduledActionDependencies, sendsPerSecond: 1000 })).toMatchObject({ sent: 1 });
      expect((await participantRow(c.org.id, p.id)).whatsappId).toBe(`521${local}`);

      const wamid = `wamid.mx-${crypto.randomUUID()}`;
      await post(delivery("template-button-confirm", { number: c.phoneNumberId, from: `+521${local}`, wamid, payload: rsvpPayload(att.id, "confirm") }));
      expect((await attendanceRow(c.org.id, att.id)).rsvp).toBe("confirmed");
      expect((await messageRows(wamid))[0]).toMatchObject({ participantId: p.id });
    });

    it("an id or a Brazilian twin is matched only inside the organization whose number was written to", async () => {
      const { participant: p, attendance: att } = c.people[2]!;
      const local = `9${digits(7)}`;
      await setPhone(p.id, `+55219${local}`);
      await db.update(participants).set({ whatsappId: `5521${local}` }).where(eq(participants.id, p.id));
      await resetRsvp(c.org.id, att.id);
      const wamid = `wamid.elsewhere-${crypto.randomUUID()}`;
      await post(delivery("template-button-confirm", { number: b.phoneNumberId, from: `+5521${local}`, wamid, payload: rsvpPayload(att.id, "confirm") }));
      expect((await attendanceRow(c.org.id, att.id)).rsvp).toBe("pending");
      expect((await messageRows(wamid))[0]).toMatchObject({ organizationId: b.org.id, participantId: null, body: { outcome: "not_theirs" } });
    });
  });

  describe("cross-organization safety", () => {
    it("a payload for organization A's attendance arriving on B's number changes nothing, even from the same phone", async () => {
      const { participant: pa, attendance: attA } = a.people[2]!;
      // The same person is on both organizations' lists.
      const [pb] = await db
        .insert(participants)
        .values({ organizationId: b.org.id, name: "Same person", phone: pa.phone })
        .returning();
      await resetRsvp(a.org.id, attA.id);
      const wamid = `wamid.cross-${crypto.randomUUID()}`;
      const res = await post(delivery("template-button-confirm", { number: b.phoneNumberId, from: pa.phone, wamid, payload: rsvpPayload(attA.id, "confirm") }));
      expect(res.status).toBe(200);
      expect((await attendanceRow(a.org.id, attA.id)).rsvp).toBe("pending");
      expect(await rsvpAudits(a.org.id, attA.id)).toBe(0);
      // Logged as B's inbound message from B's participant; A's participant's window is untouched.
      expect((await messageRows(wamid))[0]).toMatchObject({ organizationId: b.org.id, participantId: pb!.id, attendanceId: null, body: { outcome: "not_theirs" } });
      expect((await participantRow(a.org.id, pa.id)).lastInboundAt).not.toEqual(new Date(1774515600 * 1000));
    });

    it("a payload for someone else's attendance, tapped from another phone, changes nothing", async () => {
      const target = a.people[2]!.attendance;
      const sender = a.people[3]!.participant;
      await resetRsvp(a.org.id, target.id);
      await post(delivery("template-button-confirm", { number: a.phoneNumberId, from: sender.phone, payload: rsvpPayload(target.id, "confirm") }));
      const optOut = encodeReplyPayload(replyPayloadSecret(), { type: "optout", participantId: a.people[2]!.participant.id });
      await post(delivery("interactive-button-decline", { number: a.phoneNumberId, from: sender.phone, payload: optOut }));
      expect((await attendanceRow(a.org.id, target.id)).rsvp).toBe("pending");
      expect((await participantRow(a.org.id, a.people[2]!.participant.id)).optedOutAt).toBeNull();
    });

    it("a status for A's message arriving on B's number does not touch it", async () => {
      const out = await createOutboundMessage(a.org.id, a.people[0]!.participant.id);
      await post(delivery("status-failed-131047", { number: b.phoneNumberId, statusWamid: out.wamid! }));
      expect((await messageRows(out.wamid!))[0]).toMatchObject({ status: "sent", errorCode: null });
    });

    it("STOP on B's number opts out only B's participant with that phone", async () => {
      const pa = a.people[1]!.participant;
      const [pb] = await db.insert(participants).values({ organizationId: b.org.id, name: "Twin", phone: pa.phone }).returning();
      await post(delivery("text-stop-non-ascii", { number: b.phoneNumberId, from: pa.phone }));
      expect((await participantRow(b.org.id, pb!.id)).optedOutAt).not.toBeNull();
      expect((await participantRow(a.org.id, pa.id)).optedOutAt).toBeNull();
    });
  });
});
