import { AppError } from "@/lib/errors";
import { appUrl, englishMessage } from "@/lib/http";
import { recordFailed, recordRetryLater, recordSent, reserveMessage, type MessageSlot } from "@/lib/messages";
import type { OrgContext } from "@/lib/tenant";
import type { ScheduledActionKind } from "./due-times";
import type { Recipient } from "./recipients";
import type { ScheduledMessage, Sender } from "./sender";

/** Nothing can be sent right now (throughput limit, channel unreachable, another run mid-send): run it again later. */
export class RetryLaterError extends Error {
  override name = "RetryLaterError";
}

/** The key of a scheduled action's message to one participant. */
export const actionSlotKey = (scheduledActionId: string, participantId: string) => `${scheduledActionId}:${participantId}`;

export type IssueTrackingLink = (ctx: OrgContext, attendanceId: string) => Promise<{ token: string; path: string }>;

/** What one run sends, to whom it is not yet decided. */
export type RunTarget = {
  ctx: OrgContext;
  action: { id: string; instanceId: string };
  kind: ScheduledActionKind;
  event: ScheduledMessage["event"];
  sender: Sender;
  issueTrackingLink: IssueTrackingLink;
  now: Date;
};

/**
 * "alreadyHandled": sent (or failed for good) by an earlier run; "busy": another run is sending it right now;
 * "nobody": the person left the roster or opted out meanwhile; `{ retryAt }`: waiting for a retry of its own.
 */
export type SendResult = "sent" | "failed" | "alreadyHandled" | "busy" | "nobody" | { retryAt: Date };

/** Reserves this person's message of the action, then sends it (spaced by `pace`) unless another run has it. */
export async function sendTo(target: RunTarget, person: Recipient, pace: () => Promise<void>): Promise<SendResult> {
  const { ctx, action, kind, event, sender, now } = target;
  const slot: MessageSlot = {
    organizationId: ctx.org.id,
    participantId: person.participantId,
    attendanceId: person.attendanceId,
    instanceId: action.instanceId,
    scheduledActionId: action.id,
    kind,
    key: actionSlotKey(action.id, person.participantId),
  };
  const message: ScheduledMessage = { kind, person, event, now };
  const reservation = await reserveMessage(slot, { type: sender.typeOf(message), body: {} }, now);
  if (reservation.state === "done") return "alreadyHandled";
  if (reservation.state === "busy") return "busy";
  if (reservation.state === "waiting") return { retryAt: reservation.retryAt };
  if (reservation.state !== "mine") return "nobody";
  await pace();
  return deliver(target, reservation.messageId, message);
}

/**
 * Sends one reserved message and records the outcome on its row: "sent", "failed", or waiting for its own retry;
 * throws RetryLaterError after recording why when nothing can be sent right now.
 */
async function deliver({ ctx, sender, issueTrackingLink }: RunTarget, messageId: string, message: ScheduledMessage): Promise<SendResult> {
  const orgId = ctx.org.id;
  let toSend = message;
  if (message.kind === "tracking_link") {
    try {
      // Issued right before sending: the token exists only here and in the message (the database keeps its hash).
      const issued = await issueTrackingLink(ctx, message.person.attendanceId);
      toSend = { ...message, link: { token: issued.token, url: `${appUrl()}${issued.path}` } };
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      await recordFailed(orgId, messageId, { code: "not_sendable", inWords: englishMessage(error), at: new Date() });
      return "failed";
    }
  }
  const outcome = await sender.send(toSend);
  if (outcome.ok) {
    const { externalId: wamid, recipientExternalId: waId } = outcome;
    await recordSent(orgId, messageId, { ...outcome.stored, wamid, waId, at: new Date() });
    return "sent";
  }
  const { failure, stored } = outcome;
  if (failure.retriable) {
    const deferral = await recordRetryLater(orgId, messageId, { ...failure, ...stored }, new Date());
    if (deferral.state === "sender") throw new RetryLaterError(failure.inWords);
    return deferral.state === "failed" ? "failed" : { retryAt: deferral.retryAt };
  }
  await recordFailed(orgId, messageId, { ...stored, code: failure.code, inWords: failure.inWords, at: new Date() });
  return "failed";
}
