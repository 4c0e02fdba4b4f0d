import { and, asc, eq } from "drizzle-orm";
import { z } from "zod";
import { getDb, schema } from "@/db";
import { AppError } from "@/lib/errors";
import { appUrl } from "@/lib/http/app-url";
import { isEligible } from "@/lib/schedule/timeline";
import { systemContext } from "@/lib/tenant/context";
import { hasOpenedLinkSql, issueTrackingLink } from "@/lib/tracking/links";
import { replyPayloadSecret } from "@/lib/whatsapp/inbound/secrets";
import type { WhatsAppMessage } from "@/lib/whatsapp/messages";
import type { WhatsAppTransport } from "@/lib/whatsapp/transport";
import { markActionDone, markActionFailed, markActionSkipped, markActionWaiting, type ActionRef } from "./claim";
import { closeOccurrence } from "./close-occurrence";
import { composeMessage, isInsideWindow, storedBody } from "./compose";
import { actionSlotKey, recordFailed, recordRetryLater, recordSent, reserveMessage, type MessageSlot } from "./deliver";
import { paceSends, type PaceOptions } from "./pace";
import { getTemplateChoice, type OutboundKind, type TemplateChoice } from "./templates";
import { transportFor } from "./transport-for";

const { attendances, eventInstances, events, organizations, participants, scheduledActions } = schema;

export const RUN_JOB = "run-scheduled-action";

export const ActionRefInput = z.object({ actionId: z.uuid(), organizationId: z.uuid() });

/** Nothing can be sent right now (throughput limit, WhatsApp unreachable, another run mid-send): run it again later. */
export class RetryLaterError extends Error {
  override name = "RetryLaterError";
}

export type RunOptions = PaceOptions & {
  /** Stop after this long and return "partial" (the caller runs it again; sent messages are not repeated). */
  maxMs?: number;
};

export type RunSummary = {
  /** "waiting": everyone else was handled; some recipients' messages wait for a retry, and the action comes back. */
  outcome: "done" | "waiting" | "partial" | "skipped" | "not_found";
  reason?: string;
  recipients: number;
  sent: number;
  failed: number;
  /** Messages left for a retry of their own (a per-recipient limit or error), counted in this run. */
  waiting: number;
  alreadyHandled: number;
  noShows?: number;
};

/**
 * Sends one claimed scheduled action to each eligible participant of its occurrence, once. Everything is read inside
 * the action's organization. A failure that concerns one recipient is recorded on their message and the run goes on:
 * final ones fail the message; temporary ones (131056, a one-off error) leave it waiting for its own retry, and the
 * action is parked until the soonest one is due. A failure that stops every send (throughput limit, WhatsApp
 * unreachable) throws RetryLaterError after recording, and the next run continues where this one stopped.
 */
export async function runScheduledAction(input: ActionRef, now: Date, options: RunOptions = {}): Promise<RunSummary> {
  const ref = ActionRefInput.parse(input);
  const started = performance.now();
  const summary: RunSummary = { outcome: "done", recipients: 0, sent: 0, failed: 0, waiting: 0, alreadyHandled: 0 };
  const orgId = ref.organizationId;
  const [row] = await getDb()
    .select({ action: scheduledActions, instance: eventInstances, event: events, org: organizations })
    .from(scheduledActions)
    .innerJoin(eventInstances, and(eq(eventInstances.id, scheduledActions.instanceId), eq(eventInstances.organizationId, orgId)))
    .innerJoin(events, and(eq(events.id, eventInstances.eventId), eq(events.organizationId, orgId)))
    .innerJoin(organizations, eq(organizations.id, orgId))
    .where(and(eq(scheduledActions.id, ref.actionId), eq(scheduledActions.organizationId, orgId)));
  if (!row) return { ...summary, outcome: "not_found" };
  const { action, instance, event, org } = row;
  if (action.status !== "running") return { ...summary, outcome: "skipped", reason: `The action is ${action.status}.` };

  const kind = action.action;
  const skip = async (reason: string) => {
    await markActionSkipped(ref, now, reason);
    return { ...summary, outcome: "skipped" as const, reason };
  };
  if (instance.status === "cancelled") return skip("The occurrence was cancelled: nothing was sent.");
  if (kind !== "closure" && now.getTime() >= instance.startsAt.getTime()) {
    return skip("The occurrence had already started: nothing was sent.");
  }
  const ctx = systemContext(org, RUN_JOB);
  if (kind === "closure") summary.noShows = (await closeOccurrence(ctx, instance.id, now)).noShows;

  const template = await getTemplateChoice(orgId, kind);
  // A whole-occurrence message (not the closure) also goes to whoever becomes one of its recipients during the run.
  const sendToLatecomers = kind !== "closure" && action.participantId === null;
  const people = (await listAttendees(orgId, instance.id, action.participantId)).filter((p) =>
    kind === "closure"
      ? template.configured && p.optedOutAt === null && p.journey === "arrived"
      : isEligible(action.action, p),
  );
  summary.recipients = people.length;
  if (people.length === 0) {
    await markActionDone(ref, now, null, sendToLatecomers);
    return summary;
  }
  const transport = transportFor(org);
  if (!transport) {
    const reason = "WhatsApp is not set up for this organization (no phone number id), so nothing was sent.";
    await markActionFailed(ref, now, reason);
    throw new AppError("PRECONDITION_FAILED", reason);
  }

  const send = makeSender({ transport, template, kind, event: { ...event, startsAt: instance.startsAt } });
  const pace = paceSends(options);
  let busy = 0;
  let nextRetryAt: Date | null = null;
  const waitFor = (retryAt: Date) => {
    summary.waiting += 1;
    if (!nextRetryAt || retryAt < nextRetryAt) nextRetryAt = retryAt;
  };
  for (const person of people) {
    if (options.maxMs !== undefined && performance.now() - started > options.maxMs) return { ...summary, outcome: "partial" };
    const slot: MessageSlot = {
      organizationId: orgId,
      participantId: person.participantId,
      attendanceId: person.attendanceId,
      instanceId: instance.id,
      scheduledActionId: action.id,
      kind,
      key: actionSlotKey(action.id, person.participantId),
    };
    const insideWindow = isInsideWindow(person.lastInboundAt, now);
    const type = !insideWindow ? "template" : kind === "confirmation" ? "interactive" : "text";
    const reservation = await reserveMessage(slot, { type, body: {} }, now);
    if (reservation.state === "done") summary.alreadyHandled += 1;
    if (reservation.state === "busy") busy += 1;
    if (reservation.state === "waiting") waitFor(reservation.retryAt);
    if (reservation.state !== "mine") continue;

    await pace();
    const outcome = await send(ctx, reservation.messageId, person, insideWindow);
    if (typeof outcome === "string") summary[outcome] += 1;
    else waitFor(outcome.retryAt);
  }
  if (busy > 0) throw new RetryLaterError(`${busy} message(s) of this action are being sent by another run.`);
  const failedNote = summary.failed > 0 ? `${summary.failed} of ${summary.recipients} messages could not be sent.` : null;
  if (nextRetryAt) {
    const waitingNote = `${summary.waiting} of ${summary.recipients} messages ${summary.waiting === 1 ? "is" : "are"} waiting to be sent again.`;
    await markActionWaiting(ref, now, nextRetryAt, failedNote ? `${failedNote} ${waitingNote}` : waitingNote);
    return { ...summary, outcome: "waiting" };
  }
  await markActionDone(ref, now, failedNote, sendToLatecomers);
  return summary;
}

type Attendee = Awaited<ReturnType<typeof listAttendees>>[number];

function listAttendees(orgId: string, instanceId: string, onlyParticipantId: string | null) {
  return getDb()
    .select({
      attendanceId: attendances.id,
      participantId: participants.id,
      name: participants.name,
      phone: participants.phone,
      optedOutAt: participants.optedOutAt,
      lastInboundAt: participants.lastInboundAt,
      rsvp: attendances.rsvp,
      journey: attendances.journey,
      hasOpenedLink: hasOpenedLinkSql(orgId, attendances.id),
    })
    .from(attendances)
    .innerJoin(participants, and(eq(participants.id, attendances.participantId), eq(participants.organizationId, orgId)))
    .where(
      and(
        eq(attendances.organizationId, orgId),
        eq(attendances.instanceId, instanceId),
        onlyParticipantId ? eq(attendances.participantId, onlyParticipantId) : undefined,
      ),
    )
    .orderBy(asc(participants.name), asc(participants.id));
}

type SenderSetup = {
  transport: WhatsAppTransport;
  template: TemplateChoice;
  kind: OutboundKind;
  event: { title: string; venueName: string; timeZone: string; startsAt: Date };
};

/**
 * Builds, sends and records one message: "sent", "failed", or waiting for its own retry; throws RetryLaterError
 * after recording why when nothing can be sent right now.
 */
function makeSender({ transport, template, kind, event }: SenderSetup) {
  const secret = kind === "confirmation" ? replyPayloadSecret() : "";
  return async (ctx: ReturnType<typeof systemContext>, messageId: string, person: Attendee, insideWindow: boolean) => {
    const orgId = ctx.org.id;
    let message: WhatsAppMessage;
    let token: string | undefined;
    try {
      let link: { token: string; url: string } | undefined;
      if (kind === "tracking_link") {
        // Issued right before sending: the token exists only here and in the message (the database keeps its hash).
        const issued = await issueTrackingLink(ctx, person.attendanceId);
        token = issued.token;
        link = { token, url: `${appUrl()}${issued.path}` };
      }
      message = composeMessage({ kind, insideWindow, template, secret, person, event, link });
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      await recordFailed(orgId, messageId, { code: "not_sendable", inWords: error.message, at: new Date() });
      return "failed" as const;
    }
    const body = storedBody(message, token);
    const result = await transport.send(message);
    if (result.ok) {
      await recordSent(orgId, messageId, { type: message.type, body, wamid: result.wamid, waId: result.waId, at: new Date() });
      return "sent" as const;
    }
    if (result.retriable) {
      const deferral = await recordRetryLater(orgId, messageId, { ...result, type: message.type, body }, new Date());
      if (deferral.state === "sender") throw new RetryLaterError(result.inWords);
      return deferral.state === "failed" ? ("failed" as const) : deferral;
    }
    await recordFailed(orgId, messageId, { type: message.type, body, code: result.code, inWords: result.inWords, at: new Date() });
    return "failed" as const;
  };
}
