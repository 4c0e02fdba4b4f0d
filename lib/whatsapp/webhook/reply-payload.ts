import { createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";

// What a button tap carries back to us. The payload names the attendance (or participant) and is signed, so a reply
// is matched by what we sent, never by the sender's phone number, which may be on several organizations' lists.
//   ec1.rsvp.confirm.<attendanceId>.<mac>   ec1.rsvp.decline.<attendanceId>.<mac>   ec1.optout.<participantId>.<mac>
// mac = the first 16 base64url characters (96 bits) of HMAC-SHA256(secret, everything before ".<mac>").

export const ReplyAction = z.discriminatedUnion("type", [
  z.object({ type: z.literal("rsvp"), response: z.enum(["confirm", "decline"]), attendanceId: z.uuid() }),
  z.object({ type: z.literal("optout"), participantId: z.uuid() }),
]);
export type ReplyAction = z.infer<typeof ReplyAction>;

const VERSION = "ec1";
const MAC_LENGTH = 16;

/** Interactive reply button ids may be up to 256 characters (Cloud API reference, interactive reply buttons). */
export const MAX_BUTTON_ID_LENGTH = 256;
/**
 * Our own ceiling for every payload, template quick replies included: Meta's template reference gives no separate
 * figure for quick-reply payloads, so we stay well inside the documented 256. The longest payload we make is 70.
 */
export const MAX_REPLY_PAYLOAD_LENGTH = 128;

export function encodeReplyPayload(secret: string, action: ReplyAction): string {
  const a = ReplyAction.parse(action);
  const body =
    a.type === "rsvp"
      ? `${VERSION}.rsvp.${a.response}.${a.attendanceId.toLowerCase()}`
      : `${VERSION}.optout.${a.participantId.toLowerCase()}`;
  const payload = `${body}.${mac(secret, body)}`;
  if (payload.length > MAX_REPLY_PAYLOAD_LENGTH) throw new Error(`Reply payload is ${payload.length} characters long.`);
  return payload;
}

/** The action a payload stands for, or null when it is not ours, was altered, or was signed with another secret. */
export function decodeReplyPayload(secret: string, payload: string): ReplyAction | null {
  if (payload.length > MAX_REPLY_PAYLOAD_LENGTH) return null;
  const cut = payload.lastIndexOf(".");
  if (cut < 0) return null;
  const body = payload.slice(0, cut);
  const received = Buffer.from(payload.slice(cut + 1), "utf8");
  const expected = Buffer.from(mac(secret, body), "utf8");
  if (received.length !== expected.length || !timingSafeEqual(received, expected)) return null;

  const parts = body.split(".");
  if (parts[0] !== VERSION) return null;
  const candidate =
    parts[1] === "rsvp" && parts.length === 4
      ? { type: "rsvp", response: parts[2], attendanceId: parts[3] }
      : parts[1] === "optout" && parts.length === 3
        ? { type: "optout", participantId: parts[2] }
        : null;
  const parsed = ReplyAction.safeParse(candidate);
  return parsed.success ? parsed.data : null;
}

function mac(secret: string, body: string): string {
  // An empty secret would make every payload forgeable: a configuration bug, not an input to tolerate.
  if (!secret) throw new Error("The reply payload secret is empty.");
  return createHmac("sha256", secret).update(body, "utf8").digest("base64url").slice(0, MAC_LENGTH);
}
