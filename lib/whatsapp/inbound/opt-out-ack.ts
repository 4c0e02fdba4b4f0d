import { and, eq } from "drizzle-orm";
import { getDb, schema } from "@/db";
import { logger } from "@/lib/logger";
import { buildTextMessage } from "@/lib/whatsapp/messages";
import { recordFailed, recordSent } from "@/lib/whatsapp/outbound/deliver";
import { transportFor } from "@/lib/whatsapp/outbound/transport-for";

const { messages, organizations, participants } = schema;

/**
 * Tells a participant who just opted out that it worked. They wrote a moment ago, so the 24-hour window is open and
 * a plain text may be sent. Once per opt-out message (`opt-out-ack:<wamid>`), however often the webhook repeats;
 * a failure is recorded on the message, not retried.
 */
export async function sendOptOutAck(organizationId: string, participantId: string, inReplyTo: string): Promise<void> {
  const db = getDb();
  const [row] = await db
    .select({ orgName: organizations.name, whatsappPhoneNumberId: organizations.whatsappPhoneNumberId, phone: participants.phone })
    .from(participants)
    .innerJoin(organizations, eq(organizations.id, participants.organizationId))
    .where(and(eq(participants.id, participantId), eq(participants.organizationId, organizationId)));
  if (!row) return;
  const transport = transportFor({ id: organizationId, whatsappPhoneNumberId: row.whatsappPhoneNumberId });
  if (!transport) {
    logger.warn({ organizationId }, "opt-out confirmation not sent: the organization has no WhatsApp number");
    return;
  }
  const message = buildTextMessage({
    to: row.phone,
    body: `You will not get any more WhatsApp messages from ${row.orgName}. To get them again, please contact the organizer.`,
  });
  const [reserved] = await db
    .insert(messages)
    .values({
      organizationId,
      participantId,
      direction: "outbound",
      kind: "opt_out_ack",
      type: "text",
      status: "queued",
      idempotencyKey: `opt-out-ack:${inReplyTo}`,
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
