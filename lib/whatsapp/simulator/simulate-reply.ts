import { randomUUID } from "node:crypto";
import { and, desc, eq, isNotNull, isNull } from "drizzle-orm";
import { z } from "zod";
import { getDb, schema } from "@/lib/database";
import { env } from "@/lib/env";
import { AppError, parseInput, problem, problemKey } from "@/lib/errors";
import { toLocale, translatorFor, type Locale } from "@/lib/i18n";
import { assertCan, type OrgContext } from "@/lib/tenant";
import { replyPayloadSecret, webhookSecret } from "@/lib/whatsapp/secrets";
import { encodeReplyPayload } from "@/lib/whatsapp/webhook/reply-payload";
import { signBody } from "@/lib/whatsapp/webhook/signature";

// Embedded mode only: acts as a participant's phone. Builds the webhook notification Meta would send for a tap, a
// STOP or a shared location, signs it with the webhook key and posts it to our own webhook route, so the whole
// inbound path (signature, dedupe, effects) runs exactly as it does with a real WhatsApp number.

const { attendances, eventInstances, events, messages, organizations, participants } = schema;

export const SIMULATED_REPLIES = ["confirm", "decline", "stop", "location_at_venue", "location_1km_away", "text"] as const;
export const SimulateReplyInput = z
  .object({
    attendanceId: z.uuid(problemKey("simulator.participant")),
    reply: z.enum(SIMULATED_REPLIES),
    /** What they write, for a "text" reply (anything: "parar", "Ich komme später", …). */
    text: z.string().trim().max(1000).optional(),
  })
  .refine((input) => input.reply !== "text" || Boolean(input.text), { path: ["text"], message: problemKey("simulator.text") });
export type SimulateReplyInput = z.input<typeof SimulateReplyInput>;

/** What the webhook answered. */
export type SimulatedDelivery = { status: number; received: number };

const METRES_PER_DEGREE = 111_320;

/**
 * Posts the participant's reply to `${origin}/api/webhooks/whatsapp`. A participant who answers has read what they
 * answer: the newest message we sent them for this occurrence is first reported delivered and read, in the same
 * notification, as WhatsApp does.
 */
export async function simulateParticipantReply(ctx: OrgContext, input: SimulateReplyInput, origin: string, now = new Date()): Promise<SimulatedDelivery> {
  if (env().mode !== "embedded") {
    throw new AppError("PRECONDITION_FAILED", problem("simulator.embeddedOnly"));
  }
  assertCan(ctx, "live.checkIn");
  const { attendanceId, reply, text } = parseInput(SimulateReplyInput, input);
  const db = getDb();
  const [row] = await db
    .select({
      participantId: participants.id,
      name: participants.name,
      phone: participants.phone,
      language: participants.language,
      instanceId: eventInstances.id,
      venueName: events.venueName,
      venueLat: events.venueLat,
      venueLng: events.venueLng,
    })
    .from(attendances)
    .innerJoin(participants, and(eq(participants.id, attendances.participantId), eq(participants.organizationId, ctx.org.id)))
    .innerJoin(eventInstances, and(eq(eventInstances.id, attendances.instanceId), eq(eventInstances.organizationId, ctx.org.id)))
    .innerJoin(events, and(eq(events.id, eventInstances.eventId), eq(events.organizationId, ctx.org.id)))
    .where(and(eq(attendances.id, attendanceId), eq(attendances.organizationId, ctx.org.id)));
  if (!row) throw new AppError("NOT_FOUND", problem("attendance.notFound"));

  const phoneNumberId = await simulatorNumber(ctx);
  const [lastSent] = await db
    .select({ wamid: messages.wamid })
    .from(messages)
    .where(
      and(
        eq(messages.organizationId, ctx.org.id),
        eq(messages.participantId, row.participantId),
        eq(messages.instanceId, row.instanceId),
        eq(messages.direction, "outbound"),
        isNotNull(messages.wamid),
      ),
    )
    .orderBy(desc(messages.createdAt))
    .limit(1);

  const from = row.phone.replace(/^\+/, "");
  const seconds = Math.floor(now.getTime() / 1000);
  const locale = toLocale(row.language, toLocale(ctx.org.language));
  const message = { from, id: `wamid.sim.${randomUUID()}`, timestamp: String(seconds), ...content({ reply, text, locale }, row, attendanceId) };
  const value = (extra: Record<string, unknown>) => ({
    messaging_product: "whatsapp",
    metadata: { display_phone_number: "15550000000", phone_number_id: phoneNumberId },
    ...extra,
  });
  const changes: unknown[] = [];
  if (lastSent?.wamid) {
    const status = (s: string, at: number) => ({ id: lastSent.wamid, status: s, timestamp: String(at), recipient_id: from });
    changes.push({ field: "messages", value: value({ statuses: [status("delivered", seconds - 1), status("read", seconds)] }) });
  }
  changes.push({ field: "messages", value: value({ contacts: [{ profile: { name: row.name }, wa_id: from }], messages: [message] }) });
  const raw = JSON.stringify({ object: "whatsapp_business_account", entry: [{ id: "simulator", changes }] });

  const response = await fetch(new URL("/api/webhooks/whatsapp", origin), {
    method: "POST",
    headers: { "content-type": "application/json", "x-hub-signature-256": signBody(raw, webhookSecret()) },
    body: raw,
    signal: AbortSignal.timeout(10_000),
  });
  const answer = (await response.json().catch(() => ({}))) as { received?: number };
  return { status: response.status, received: answer.received ?? 0 };
}

function content(
  { reply, text, locale }: { reply: (typeof SIMULATED_REPLIES)[number]; text?: string; locale: Locale },
  at: { venueName: string; venueLat: number; venueLng: number },
  attendanceId: string,
) {
  switch (reply) {
    case "confirm":
    case "decline": {
      // The button as their phone shows it: titled in their language.
      const t = translatorFor(locale, "whatsapp");
      return {
        type: "button",
        button: {
          payload: encodeReplyPayload(replyPayloadSecret(), { type: "rsvp", response: reply, attendanceId }),
          text: reply === "confirm" ? t("buttons.confirm") : t("buttons.decline"),
        },
      };
    }
    case "stop":
      return { type: "text", text: { body: "STOP" } };
    case "text":
      return { type: "text", text: { body: text ?? "" } };
    case "location_at_venue":
      return { type: "location", location: { latitude: at.venueLat, longitude: at.venueLng, name: at.venueName } };
    case "location_1km_away":
      return { type: "location", location: { latitude: at.venueLat + 1000 / METRES_PER_DEGREE, longitude: at.venueLng } };
  }
}

/**
 * The business number the simulated notifications are addressed to. An organization without a WhatsApp number
 * (every one, in the embedded mode) gets a made-up one the first time, so the webhook finds it like a real one.
 */
async function simulatorNumber(ctx: OrgContext): Promise<string> {
  if (ctx.org.whatsappPhoneNumberId) return ctx.org.whatsappPhoneNumberId;
  const made = `sim-${ctx.org.id}`;
  const db = getDb();
  await db
    .update(organizations)
    .set({ whatsappPhoneNumberId: made })
    .where(and(eq(organizations.id, ctx.org.id), isNull(organizations.whatsappPhoneNumberId)));
  const [org] = await db.select({ number: organizations.whatsappPhoneNumberId }).from(organizations).where(eq(organizations.id, ctx.org.id));
  return org?.number ?? made;
}
