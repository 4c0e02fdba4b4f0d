import { and, eq } from "drizzle-orm";
import { getDb, schema } from "@/lib/database";
import { toLocale, translatorFor, type Locale } from "@/lib/i18n";
import { logger } from "@/lib/logger";
import { recordFailed, recordSent } from "@/lib/messages";
import { buildTextMessage } from "@/lib/whatsapp/messages";
import { formatStart } from "@/lib/whatsapp/format";
import { transportFor } from "@/lib/whatsapp/transport-for";

const { attendances, eventInstances, events, messages, organizations, participants } = schema;

type ReplyText = {
  kind: "opt_out_ack" | "reply";
  /** One answer per inbound message, however often the webhook repeats it: `<purpose>:<inbound wamid>`. */
  idempotencyKey: string;
  /** The answer in the participant's language (theirs, else their organization's). */
  body: (context: { orgName: string; locale: Locale }) => string;
  attendance?: { id: string; instanceId: string };
};

/**
 * Answers a participant who just wrote or tapped, in plain text (they wrote a moment ago, so the 24-hour window is
 * open). Sent once per key; a failure is recorded on the message, not retried. Called after the inbound transaction
 * committed.
 */
async function sendReplyText(organizationId: string, participantId: string, reply: ReplyText): Promise<void> {
  const db = getDb();
  const [row] = await db
    .select({
      orgName: organizations.name,
      organizationLanguage: organizations.language,
      whatsappPhoneNumberId: organizations.whatsappPhoneNumberId,
      phone: participants.phone,
      language: participants.language,
    })
    .from(participants)
    .innerJoin(organizations, eq(organizations.id, participants.organizationId))
    .where(and(eq(participants.id, participantId), eq(participants.organizationId, organizationId)));
  if (!row) return;
  const transport = transportFor({ id: organizationId, whatsappPhoneNumberId: row.whatsappPhoneNumberId });
  if (!transport) {
    logger.warn({ organizationId, kind: reply.kind }, "WhatsApp answer not sent: the organization has no WhatsApp number");
    return;
  }
  const locale = toLocale(row.language, toLocale(row.organizationLanguage));
  const message = buildTextMessage({ to: row.phone, body: reply.body({ orgName: row.orgName, locale }) });
  const [reserved] = await db
    .insert(messages)
    .values({
      organizationId,
      participantId,
      attendanceId: reply.attendance?.id ?? null,
      instanceId: reply.attendance?.instanceId ?? null,
      direction: "outbound",
      kind: reply.kind,
      type: "text",
      status: "queued",
      idempotencyKey: reply.idempotencyKey,
      body: message as unknown as Record<string, unknown>,
    })
    .onConflictDoNothing()
    .returning({ id: messages.id });
  if (!reserved) return;
  const result = await transport.send(message);
  const sent = { type: "text", body: message as unknown as Record<string, unknown>, at: new Date() };
  if (result.ok) await recordSent(organizationId, reserved.id, { ...sent, wamid: result.wamid });
  else await recordFailed(organizationId, reserved.id, { ...sent, code: result.code, inWords: result.inWords });
}

/** Tells a participant who just opted out that it worked. */
export function sendOptOutAck(organizationId: string, participantId: string, inReplyTo: string): Promise<void> {
  return sendReplyText(organizationId, participantId, {
    kind: "opt_out_ack",
    idempotencyKey: `opt-out-ack:${inReplyTo}`,
    body: ({ orgName, locale }) => {
      const t = translatorFor(locale, "whatsapp");
      return t("messages.optOutAck", { organization: orgName });
    },
  });
}

/**
 * Tells a participant whose Confirm/Decline tap came after the occurrence was cancelled or over that it was not
 * recorded, naming the occurrence (the tap may be on an old message scrolled up to).
 */
export async function sendTapTooLateNotice(
  organizationId: string,
  participantId: string,
  attendance: { id: string; instanceId: string },
  inReplyTo: string,
): Promise<void> {
  const [occurrence] = await getDb()
    .select({ title: events.title, timeZone: events.timeZone, startsAt: eventInstances.startsAt, status: eventInstances.status })
    .from(attendances)
    .innerJoin(eventInstances, and(eq(eventInstances.id, attendances.instanceId), eq(eventInstances.organizationId, organizationId)))
    .innerJoin(events, and(eq(events.id, eventInstances.eventId), eq(events.organizationId, organizationId)))
    .where(and(eq(attendances.id, attendance.id), eq(attendances.organizationId, organizationId)));
  if (!occurrence) return;
  await sendReplyText(organizationId, participantId, {
    kind: "reply",
    idempotencyKey: `tap-too-late:${inReplyTo}`,
    attendance,
    body: ({ locale }) => {
      const t = translatorFor(locale, "whatsapp");
      return t("messages.tapTooLate", {
        status: occurrence.status === "cancelled" ? "cancelled" : "over",
        event: occurrence.title,
        start: formatStart(occurrence.startsAt, occurrence.timeZone, locale),
      });
    },
  });
}
