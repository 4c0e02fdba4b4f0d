import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeWhatsAppCloud } from "@/test/fakes/whatsapp-cloud";
import { connectTestDatabase } from "@/test/database";
import { encodeReplyPayload, signBody } from "@/lib/whatsapp/webhook";
import { TEST_APP_SECRET } from "@/test/whatsapp-webhook";
import type { Given } from "@/test/given";

// The webhook route end to end against Postgres: handshake, signature, RSVP taps, exactly-once, statuses.
// Opt-out, location and cross-organization effects are in effects.db.test.ts.
// Replies the webhook sends (the opt-out confirmation) go to a fake Graph API on loopback.
await startFakeWhatsAppCloud();
connectTestDatabase();
const { getDb, schema } = await import("@/lib/database");
const { GET } = await import("@/app/api/webhooks/whatsapp/route");
const { webhookSecret } = await import("@/lib/whatsapp/secrets");
const { given } = await import("@/test/given");
const { attendanceRow, createOutboundMessage, delivery, messageRows, nowSeconds, participantRow, post, resetRsvp, rsvpAudits, rsvpPayload } = await import("@/test/whatsapp-inbound");

const { auditLogs, webhookReceipts } = schema;
const db = getDb();
const params = { params: Promise.resolve({}) };
type Setup = Given & { phoneNumberId: string };

describe("GET /api/webhooks/whatsapp (subscription handshake)", () => {
  const get = (query: string) => GET(new Request(`http://test/api/webhooks/whatsapp?${query}`), params);

  it("answers the challenge as plain text when the verify token matches", async () => {
    const response = await get("hub.mode=subscribe&hub.verify_token=hook-verify-token-7d1e&hub.challenge=1158201444");
    expect(response.status).toBe(200);
    expect(await response.text()).toBe("1158201444");
  });

  it("answers 403 with an error body for a wrong or missing token", async () => {
    for (const query of ["hub.mode=subscribe&hub.verify_token=nope&hub.challenge=1", "hub.mode=subscribe&hub.challenge=1", ""]) {
      const response = await get(query);
      expect(response.status, query).toBe(403);
      expect((await response.json()).error.code).toBe("FORBIDDEN");
    }
  });
});

describe("POST /api/webhooks/whatsapp", () => {
  let a: Setup;
  let b: Setup;
  beforeAll(async () => {
    a = await given.org({ whatsapp: true }).occurrence({ open: true }).people(6).links();
    b = await given.org({ whatsapp: true }).occurrence({ open: true }).people(2).links();
  });

  it("uses WHATSAPP_APP_SECRET as the webhook key when it is set", () => {
    expect(webhookSecret()).toBe(TEST_APP_SECRET);
  });

  describe("signature", () => {
    it("refuses a missing, malformed or foreign signature with 401 and changes nothing", async () => {
      const { participant: p, attendance: att } = a.people[0]!;
      await resetRsvp(a.org.id, att.id);
      const raw = delivery("template-button-confirm", { number: a.phoneNumberId, from: p.phone, payload: rsvpPayload(att.id, "confirm") });
      for (const signature of [null, "", "sha256=00", signBody(raw, "someone-else")]) {
        const res = await post(raw, signature);
        expect(res.status, String(signature)).toBe(401);
        expect(res.body.error).toMatchObject({ code: "UNAUTHORIZED", message: expect.any(String) });
      }
      expect((await attendanceRow(a.org.id, att.id)).rsvp).toBe("pending");
    });

    it("refuses a body changed after signing", async () => {
      const { participant: p, attendance: att } = a.people[0]!;
      const raw = delivery("template-button-confirm", { number: a.phoneNumberId, from: p.phone, payload: rsvpPayload(att.id, "confirm") });
      const forged = raw.replace(rsvpPayload(att.id, "confirm"), rsvpPayload(att.id, "decline"));
      expect(forged).not.toBe(raw);
      expect((await post(forged, signBody(raw, TEST_APP_SECRET))).status).toBe(401);
      expect((await attendanceRow(a.org.id, att.id)).rsvp).toBe("pending");
    });

    it("refuses a body over 1 MB with 413 before reading the rest", async () => {
      const raw = JSON.stringify({ object: "whatsapp_business_account", entry: [], pad: "x".repeat(1024 * 1024) });
      const res = await post(raw);
      expect(res.status).toBe(413);
      expect(res.body.error.code).toBe("PAYLOAD_TOO_LARGE");
    });
  });

  describe("RSVP replies", () => {
    it("a template Confirm tap confirms that participant's attendance, audited, with the reply logged", async () => {
      const { participant: p, attendance: att } = a.people[0]!;
      await resetRsvp(a.org.id, att.id);
      const wamid = `wamid.confirm-${att.id}-${Date.now()}`;
      const raw = delivery("template-button-confirm", { number: a.phoneNumberId, from: p.phone, wamid, payload: rsvpPayload(att.id, "confirm") });
      const res = await post(raw);
      expect(res).toEqual({ status: 200, body: { received: 1 } });
      const row = await attendanceRow(a.org.id, att.id);
      expect(row.rsvp).toBe("confirmed");
      expect(row.rsvpAt).toEqual(new Date(1774515600 * 1000));
      const [audit] = await db
        .select()
        .from(auditLogs)
        .where(and(eq(auditLogs.organizationId, a.org.id), eq(auditLogs.targetId, att.id), eq(auditLogs.action, "attendance.rsvp_changed")));
      expect(audit).toMatchObject({ actorType: "webhook", actorUserId: null, data: { rsvp: "confirmed", via: "whatsapp", wamid } });
      const [message] = await messageRows(wamid);
      expect(message).toMatchObject({
        organizationId: a.org.id,
        participantId: p.id,
        attendanceId: att.id,
        instanceId: a.instance.id,
        direction: "inbound",
        kind: "reply",
        type: "button",
        status: "received",
        body: { title: "Confirm", action: "rsvp.confirm", outcome: "rsvp_updated", contactName: "Sheena Nelson" },
      });
      expect((await participantRow(a.org.id, p.id)).lastInboundAt).toEqual(new Date(1774515600 * 1000));
    });

    it("an interactive Decline tap declines the right attendance and no other", async () => {
      const { participant: p, attendance: att } = a.people[1]!;
      const other = a.people[2]!.attendance;
      await resetRsvp(a.org.id, att.id);
      await resetRsvp(a.org.id, other.id);
      const raw = delivery("interactive-button-decline", { number: a.phoneNumberId, from: p.phone, payload: rsvpPayload(att.id, "decline") });
      expect((await post(raw)).status).toBe(200);
      expect((await attendanceRow(a.org.id, att.id)).rsvp).toBe("declined");
      expect((await attendanceRow(a.org.id, other.id)).rsvp).toBe("pending");
    });

    it("a tap older than the RSVP on record does not overwrite it", async () => {
      const { participant: p, attendance: att } = a.people[1]!;
      const later = nowSeconds();
      await post(delivery("template-button-confirm", { number: a.phoneNumberId, from: p.phone, timestamp: later, payload: rsvpPayload(att.id, "confirm") }));
      await post(delivery("interactive-button-decline", { number: a.phoneNumberId, from: p.phone, timestamp: later - 60, payload: rsvpPayload(att.id, "decline") }));
      expect(await attendanceRow(a.org.id, att.id)).toMatchObject({ rsvp: "confirmed", rsvpAt: new Date(later * 1000) });
    });

    it("a Confirm after the tracking links went out re-opens only that message, so the next run sends them theirs", async () => {
      const late = await given.org({ whatsapp: true }).occurrence({ open: true }).people(2).links();
      const other = await given.org({ whatsapp: true }).occurrence({ open: true }).people(1).links();
      const { participant: p, attendance: att } = late.people[0]!;
      const done = { dueAt: new Date(Date.now() - 60_000), status: "done" as const, completedAt: new Date() };
      const [reminder, links, elsewhere] = await db
        .insert(schema.scheduledActions)
        .values([
          { organizationId: late.org.id, instanceId: late.instance.id, action: "reminder", ...done },
          { organizationId: late.org.id, instanceId: late.instance.id, action: "tracking_link", ...done },
          { organizationId: other.org.id, instanceId: other.instance.id, action: "tracking_link", ...done },
        ])
        .returning();
      const statusOf = async (id: string) => (await db.select().from(schema.scheduledActions).where(eq(schema.scheduledActions.id, id)))[0]!.status;

      await post(delivery("template-button-confirm", { number: late.phoneNumberId, from: p.phone, timestamp: nowSeconds(), payload: rsvpPayload(att.id, "confirm") }));

      expect((await attendanceRow(late.org.id, att.id)).rsvp).toBe("confirmed");
      expect(await statusOf(links!.id)).toBe("pending");
      expect(await statusOf(reminder!.id)).toBe("done");
      expect(await statusOf(elsewhere!.id)).toBe("done");
      // A Decline re-opens nothing.
      await db.update(schema.scheduledActions).set({ status: "done" }).where(eq(schema.scheduledActions.id, links!.id));
      const { participant: q, attendance: qAtt } = late.people[1]!;
      await post(delivery("interactive-button-decline", { number: late.phoneNumberId, from: q.phone, timestamp: nowSeconds(), payload: rsvpPayload(qAtt.id, "decline") }));
      expect(await statusOf(links!.id)).toBe("done");
    });

    it("a tap without our signed payload is logged and does nothing", async () => {
      const { participant: p, attendance: att } = a.people[2]!;
      await resetRsvp(a.org.id, att.id);
      // One character of the signature changed (to "B" when it already ends in "A": 1 run in 64 did not forge).
      const signed = rsvpPayload(att.id, "confirm");
      const forged = signed.slice(0, -1) + (signed.endsWith("A") ? "B" : "A");
      for (const payload of ["Confirm", forged, encodeReplyPayload("another-secret", { type: "rsvp", response: "confirm", attendanceId: att.id })]) {
        const wamid = `wamid.plain-${crypto.randomUUID()}`;
        expect((await post(delivery("template-button-confirm", { number: a.phoneNumberId, from: p.phone, wamid, payload }))).status).toBe(200);
        expect((await messageRows(wamid))[0]?.body).toMatchObject({ action: null, outcome: "not_ours" });
      }
      expect((await attendanceRow(a.org.id, att.id)).rsvp).toBe("pending");
    });
  });

  describe("exactly once", () => {
    it("the same delivery twice has one effect and one message row", async () => {
      const { participant: p, attendance: att } = a.people[3]!;
      await resetRsvp(a.org.id, att.id);
      const wamid = `wamid.twice-${crypto.randomUUID()}`;
      const raw = delivery("template-button-confirm", { number: a.phoneNumberId, from: p.phone, wamid, payload: rsvpPayload(att.id, "confirm") });
      expect(await post(raw)).toEqual({ status: 200, body: { received: 1 } });
      await resetRsvp(a.org.id, att.id);
      expect(await post(raw)).toEqual({ status: 200, body: { received: 1 } });
      // The repeat was recognised: the RSVP reset in between stays reset.
      expect((await attendanceRow(a.org.id, att.id)).rsvp).toBe("pending");
      expect(await messageRows(wamid)).toHaveLength(1);
      expect(await rsvpAudits(a.org.id, att.id)).toBe(1);
    });

    it("the same delivery posted concurrently has one effect and one message row", async () => {
      const { participant: p, attendance: att } = a.people[4]!;
      await resetRsvp(a.org.id, att.id);
      const wamid = `wamid.concurrent-${crypto.randomUUID()}`;
      const raw = delivery("interactive-button-decline", { number: a.phoneNumberId, from: p.phone, wamid, payload: rsvpPayload(att.id, "decline") });
      const results = await Promise.all(Array.from({ length: 5 }, () => post(raw)));
      expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
      expect((await attendanceRow(a.org.id, att.id)).rsvp).toBe("declined");
      expect(await messageRows(wamid)).toHaveLength(1);
      expect(await rsvpAudits(a.org.id, att.id)).toBe(1);
    });

    it("a repeated status is appended to the history once", async () => {
      const out = await createOutboundMessage(a.org.id, a.people[0]!.participant.id);
      const raw = delivery("status-delivered", { number: a.phoneNumberId, statusWamid: out.wamid! });
      await Promise.all([post(raw), post(raw)]);
      await post(raw);
      const [row] = await messageRows(out.wamid!);
      expect(row!.status).toBe("delivered");
      expect(row!.statusHistory.map((h) => h.status)).toEqual(["sent", "delivered"]);
    });
  });

  describe("statuses", () => {
    it("move forward only: read then a late delivered or sent stays read, every report in the history", async () => {
      const out = await createOutboundMessage(a.org.id, a.people[0]!.participant.id);
      expect((await post(delivery("status-read", { number: a.phoneNumberId, statusWamid: out.wamid! }))).status).toBe(200);
      expect((await post(delivery("status-delivered", { number: a.phoneNumberId, statusWamid: out.wamid! }))).status).toBe(200);
      expect((await post(delivery("status-sent", { number: a.phoneNumberId, statusWamid: out.wamid! }))).status).toBe(200);
      const [row] = await messageRows(out.wamid!);
      expect(row!.status).toBe("read");
      expect(row!.statusHistory.map((h) => h.status)).toEqual(["sent", "read", "delivered", "sent"]);
      expect(row!.statusHistory[1]!.at).toBe(new Date(1774512060 * 1000).toISOString());
    });

    it("several entries in one POST: read and delivered for one message end at read", async () => {
      const out = await createOutboundMessage(a.org.id, a.people[0]!.participant.id, "queued");
      const { participant: p } = a.people[5]!;
      const res = await post(delivery("several-entries", { number: a.phoneNumberId, from: p.phone, statusWamid: out.wamid! }));
      expect(res).toEqual({ status: 200, body: { received: 6 } });
      expect((await messageRows(out.wamid!))[0]!.status).toBe("read");
    });

    it("a failure reported later (131047) reads as the same failure at send time: same code, same sentence", async () => {
      const out = await createOutboundMessage(a.org.id, a.people[0]!.participant.id);
      expect((await post(delivery("status-failed-131047", { number: a.phoneNumberId, statusWamid: out.wamid! }))).status).toBe(200);
      const [row] = await messageRows(out.wamid!);
      expect(row).toMatchObject({ status: "failed", errorCode: "outside_24h_window" });
      expect(row!.errorMessage).toBe("The person has not written in the last 24 hours, so only an approved template can be sent.");
      expect(row!.statusHistory.at(-1)).toMatchObject({ status: "failed", error: row!.errorMessage });
    });

    it("a status for a wamid we do not know is ignored with 200", async () => {
      const res = await post(delivery("status-read", { number: a.phoneNumberId, statusWamid: `wamid.unknown-${crypto.randomUUID()}` }));
      expect(res).toEqual({ status: 200, body: { received: 1 } });
    });
  });

  describe("what we do not act on", () => {
    it("reactions, unsupported messages and list replies answer 200, are logged, and open the 24-hour window", async () => {
      const { participant: p } = b.people[0]!;
      const ts = nowSeconds();
      const wamid = `wamid.unknown-${crypto.randomUUID()}`;
      const res = await post(delivery("unknown-types", { number: b.phoneNumberId, from: p.phone, wamid, timestamp: ts }));
      expect(res).toEqual({ status: 200, body: { received: 3 } });
      expect((await participantRow(b.org.id, p.id)).lastInboundAt).toEqual(new Date(ts * 1000));
      expect((await messageRows(wamid))[0]).toMatchObject({ type: "unknown", body: { reason: 'message type "reaction" is not handled' } });
      // An older message arriving later does not move the window back.
      await post(delivery("unknown-types", { number: b.phoneNumberId, from: p.phone, timestamp: ts - 3600 }));
      expect((await participantRow(b.org.id, p.id)).lastInboundAt).toEqual(new Date(ts * 1000));
    });

    it("a signed body that is not a WhatsApp notification, or not JSON, answers 200 and does nothing", async () => {
      for (const raw of ['{"object":"page","entry":[]}', "not json", "{}", '{"object":"whatsapp_business_account","entry":[]}']) {
        expect(await post(raw), raw).toEqual({ status: 200, body: { received: 0 } });
      }
    });

    it("a message to a number no organization owns is ignored", async () => {
      const { participant: p, attendance: att } = b.people[1]!;
      await resetRsvp(b.org.id, att.id);
      const wamid = `wamid.nobody-${crypto.randomUUID()}`;
      const res = await post(delivery("template-button-confirm", { number: "999000111222333", from: p.phone, wamid, payload: rsvpPayload(att.id, "confirm") }));
      expect(res.status).toBe(200);
      expect((await attendanceRow(b.org.id, att.id)).rsvp).toBe("pending");
      expect(await messageRows(wamid)).toHaveLength(0);
    });
  });

  describe("a failing effect", () => {
    // A trigger that refuses only this suite's marked wamids stands in for the database failing mid-effect.
    beforeAll(async () => {
      await db.execute(sql.raw(`
        create or replace function ec_test_hook_poison() returns trigger language plpgsql as $$
        begin
          if new.wamid like 'wamid.poison-%' then raise exception 'poisoned for the test'; end if;
          return new;
        end $$;
        drop trigger if exists ec_test_hook_poison on messages;
        create trigger ec_test_hook_poison before insert on messages for each row execute function ec_test_hook_poison();
      `));
    });
    afterAll(async () => {
      await db.execute(sql.raw("drop trigger if exists ec_test_hook_poison on messages; drop function if exists ec_test_hook_poison();"));
    });

    it("rolls back with its receipt and answers 500, so Meta's redelivery applies it; its neighbours apply once", async () => {
      const { participant: p, attendance: att } = b.people[0]!;
      await resetRsvp(b.org.id, att.id);
      const base = `wamid.poison-${crypto.randomUUID()}`;
      // One POST, two events: a Confirm tap (fine) and a STOP text whose message row cannot be written.
      const body = JSON.parse(delivery("template-button-confirm", { number: b.phoneNumberId, from: p.phone, wamid: `${base}-tap`, payload: rsvpPayload(att.id, "confirm") }));
      body.entry[0].changes[0].value.messages[0].id = `wamid.ok-${base}`;
      const stop = JSON.parse(delivery("text-stop-non-ascii", { number: b.phoneNumberId, from: p.phone, wamid: `${base}-stop` }));
      body.entry.push(stop.entry[0]);
      const raw = JSON.stringify(body);

      const failed = await post(raw);
      expect(failed.status).toBe(500);
      expect(failed.body.error.code).toBe("INTERNAL");
      expect((await attendanceRow(b.org.id, att.id)).rsvp).toBe("confirmed");
      expect((await participantRow(b.org.id, p.id)).optedOutAt).toBeNull();
      const receipt = (key: string) => db.select().from(webhookReceipts).where(and(eq(webhookReceipts.provider, "whatsapp"), eq(webhookReceipts.externalId, key)));
      expect(await receipt(`message:${base}-stop`)).toHaveLength(0);
      expect(await receipt(`message:wamid.ok-${base}`)).toHaveLength(1);

      await db.execute(sql.raw("drop trigger if exists ec_test_hook_poison on messages"));
      expect(await post(raw)).toEqual({ status: 200, body: { received: 2 } });
      expect((await participantRow(b.org.id, p.id)).optedOutAt).not.toBeNull();
      expect(await rsvpAudits(b.org.id, att.id)).toBe(1);
      expect(await messageRows(`${base}-stop`)).toHaveLength(1);
    });
  });

});
