import type { schema } from "@/lib/database";
import type { StoredMessage } from "@/lib/messages";
import type { ScheduledActionKind } from "./due-times";
import type { ActionNote } from "./notes";

// The channel a run delivers through. Scheduling decides who gets what and when, reserves each message and retries;
// a sender only turns one message into a send and says what became of it. WhatsApp (its Cloud API, or the log
// transport of the embedded mode, as settings choose) is the sender this app wires in (lib/jobs).

/** One scheduled message to one person: what to say, never how. */
export type ScheduledMessage = {
  kind: ScheduledActionKind;
  person: {
    participantId: string;
    attendanceId: string;
    name: string;
    phone: string;
    lastInboundAt: Date | null;
    /** Their language as stored (null: the organization's); the sender words the message in it. */
    language: string | null;
  };
  event: { title: string; venueName: string; startsAt: Date; timeZone: string };
  /** The tracking link's only: the token (it exists nowhere else: the database keeps its hash) and the page it opens. */
  link?: { token: string; url: string };
  /** The run's clock. */
  now: Date;
};

/** Why a send did not go out, in the words the messages table keeps. */
export type SendFailure = {
  code: string;
  inWords: string;
  /** Sending the same message again later may succeed. */
  retriable: boolean;
  /** Retriable only: "recipient" holds up this person alone; "sender" stops every send for now. */
  retryScope?: "recipient" | "sender";
  /** Retriable only: the least time before trying again. */
  retryAfterMs?: number;
};

/** What became of one send. A message refused before it was built (e.g. a bad number) has no stored form. */
export type SendOutcome =
  | { ok: true; stored: StoredMessage; externalId: string; recipientExternalId?: string }
  | { ok: false; stored?: StoredMessage; failure: SendFailure };

export interface Sender {
  /** False when the organization has nothing set up for this kind: the closure's thank-you is sent only then. */
  readonly configured: boolean;
  /** Why nothing can be sent for this organization (a setting is missing), as the action's note; or null. */
  readonly unavailable: ActionNote | null;
  /** The type the message will have, written on its row when it is reserved, before it is sent. */
  typeOf(message: ScheduledMessage): string;
  /** Never throws for a failure of the send itself: it comes back classified. */
  send(message: ScheduledMessage): Promise<SendOutcome>;
}

/** The sender for one organization and one kind of action. */
export type SenderFor = (org: typeof schema.organizations.$inferSelect, kind: ScheduledActionKind) => Promise<Sender>;
