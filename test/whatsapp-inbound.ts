import { randomUUID } from "node:crypto";
import { and, count, eq } from "drizzle-orm";
import { POST } from "@/app/api/webhooks/whatsapp/route";
import { getDb, schema } from "@/lib/database";
import { encodeReplyPayload, signBody } from "@/lib/whatsapp/webhook";
import { readFixture, TEST_APP_SECRET, type FixtureName } from "@/test/whatsapp-webhook";
import { replyPayloadSecret } from "@/lib/whatsapp/secrets";

// Test-only: Meta-shaped deliveries rewritten to address an organization with a WhatsApp number (made with
// `given.org({ whatsapp: true })`), and what the webhook left behind.

export type Rewrite = {
  /** The business number the delivery was sent to (phone_number_id). */
  number: string;
  /** The sender (messages) or recipient (statuses), E.164. */
  from?: string;
  /** The first message's wamid; further messages get `<wamid>.<i>`. Fresh by default, so reruns never collide. */
  wamid?: string;
  /** The payload of a template button or the id of an interactive reply button. */
  payload?: string;
  text?: string;
  location?: { latitude: number; longitude: number };
  /** Unix seconds for every message and status. */
  timestamp?: number;
  /** The wamid every status reports on. */
  statusWamid?: string;
};

/** A fixture (Meta's documented shape) addressed to our test organization, as the raw text Meta would POST. */
export function delivery(name: FixtureName, r: Rewrite): string {
  const body = JSON.parse(readFixture(name));
  const wamid = r.wamid ?? `wamid.test-${randomUUID()}`;
  let i = 0;
  for (const entry of body.entry) {
    for (const change of entry.changes) {
      const v = change.value;
      if (v.metadata) v.metadata.phone_number_id = r.number;
      for (const contact of v.contacts ?? []) if (r.from) contact.wa_id = r.from.slice(1);
      for (const m of v.messages ?? []) {
        m.id = i === 0 ? wamid : `${wamid}.${i}`;
        i += 1;
        if (r.from) m.from = r.from.slice(1);
        if (r.timestamp) m.timestamp = String(r.timestamp);
        if (m.button && r.payload !== undefined) m.button.payload = r.payload;
        if (m.interactive?.button_reply && r.payload !== undefined) m.interactive.button_reply.id = r.payload;
        if (m.text && r.text !== undefined) m.text.body = r.text;
        if (m.location && r.location) Object.assign(m.location, r.location);
      }
      for (const s of v.statuses ?? []) {
        if (r.statusWamid) s.id = r.statusWamid;
        if (r.from) s.recipient_id = r.from.slice(1);
        if (r.timestamp) s.timestamp = String(r.timestamp);
      }
    }
  }
  return JSON.stringify(body, null, 2);
}

export function webhookRequest(raw: string, secret: string, signature: string | null = signBody(raw, secret)): Request {
  return new Request("http://test/api/webhooks/whatsapp", {
    method: "POST",
    headers: { "content-type": "application/json", ...(signature === null ? {} : { "x-hub-signature-256": signature }) },
    body: raw,
  });
}

/** An outbound message we "sent" (as the send flow records it), for statuses to land on. */
export async function createOutboundMessage(organizationId: string, participantId: string, status: "queued" | "sent" = "sent") {
  const wamid = `wamid.out-${randomUUID()}`;
  const [row] = await getDb()
    .insert(schema.messages)
    .values({
      organizationId,
      participantId,
      direction: "outbound",
      kind: "confirmation",
      type: "template",
      wamid,
      status,
      statusHistory: [{ status, at: new Date().toISOString() }],
    })
    .returning();
  return row!;
}

const { attendances, auditLogs, messages, participants } = schema;
const params = { params: Promise.resolve({}) };

/** POSTs a raw body to the route, signed with the test app secret unless another signature (or none) is given. */
export async function post(raw: string, signature?: string | null) {
  const response = await POST(webhookRequest(raw, TEST_APP_SECRET, signature), params);
  return { status: response.status, body: await response.json() };
}

export const rsvpPayload = (attendanceId: string, response: "confirm" | "decline") =>
  encodeReplyPayload(replyPayloadSecret(), { type: "rsvp", response, attendanceId });
export const nowSeconds = () => Math.floor(Date.now() / 1000);

export async function attendanceRow(orgId: string, id: string) {
  const [row] = await getDb().select().from(attendances).where(and(eq(attendances.id, id), eq(attendances.organizationId, orgId)));
  return row!;
}
export async function participantRow(orgId: string, id: string) {
  const [row] = await getDb().select().from(participants).where(and(eq(participants.id, id), eq(participants.organizationId, orgId)));
  return row!;
}
export async function messageRows(wamid: string) {
  return getDb().select().from(messages).where(eq(messages.wamid, wamid));
}
/** RSVP changes recorded for an attendance (issuing its tracking link is audited on it too). */
export async function rsvpAudits(orgId: string, targetId: string) {
  const [row] = await getDb()
    .select({ n: count() })
    .from(auditLogs)
    .where(and(eq(auditLogs.organizationId, orgId), eq(auditLogs.targetId, targetId), eq(auditLogs.action, "attendance.rsvp_changed")));
  return row!.n;
}
export async function resetRsvp(orgId: string, id: string) {
  await getDb()
    .update(attendances)
    .set({ rsvp: "pending", rsvpAt: null })
    .where(and(eq(attendances.id, id), eq(attendances.organizationId, orgId)));
}
