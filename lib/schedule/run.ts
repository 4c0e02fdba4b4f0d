import { and, eq } from "drizzle-orm";
import { getDb, schema } from "@/lib/database";
import { AppError } from "@/lib/errors";
import { systemContext, type OrgContext } from "@/lib/tenant";
import { ActionRefInput, type ActionRef } from "./claim";
import { markActionDone, markActionFailed, markActionSkipped, markActionWaiting } from "./finish";
import { englishNote } from "./english-note";
import type { ActionNote } from "./notes";
import { paceSends, type PaceOptions } from "./pace";
import { listRecipients } from "./recipients";
import { RetryLaterError, sendTo, type IssueTrackingLink, type RunTarget } from "./send-to";
import type { SenderFor } from "./sender";

const { eventInstances, events, organizations, scheduledActions } = schema;

export const RUN_JOB = "run-scheduled-action";

/** What a run needs from outside scheduling; the caller wires it in (lib/jobs), so neither side imports the other. */
export type RunDependencies = {
  /** The channel that delivers the messages. */
  senderFor: SenderFor;
  /** The closure's effect on the roster: confirmed people who never arrived become no-shows. */
  closeOccurrence: (ctx: OrgContext, instanceId: string, now: Date) => Promise<{ noShows: number }>;
  /** A new tracking link for one attendance, issued right before the tracking-link message carries it. */
  issueTrackingLink: IssueTrackingLink;
};

export type RunOptions = RunDependencies &
  PaceOptions & {
    /** Stop after this long and return "partial" (the caller runs it again; sent messages are not repeated). */
    maxMs?: number;
  };

export type RunSummary = {
  /** "waiting": everyone else was handled; some recipients' messages wait for a retry, and the action comes back. */
  outcome: "done" | "waiting" | "partial" | "skipped" | "not_found";
  /** Why it was skipped, in English (the job's log). */
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
export async function runScheduledAction(input: ActionRef, now: Date, options: RunOptions): Promise<RunSummary> {
  const ref = ActionRefInput.parse(input);
  const started = performance.now();
  const summary: RunSummary = { outcome: "done", recipients: 0, sent: 0, failed: 0, waiting: 0, alreadyHandled: 0 };
  const row = await loadAction(ref);
  if (!row) return { ...summary, outcome: "not_found" };
  const { action, instance, event, org } = row;
  if (action.status !== "running") return { ...summary, outcome: "skipped", reason: `The action is ${action.status}.` };

  const kind = action.action;
  const notNow: ActionNote | null =
    instance.status === "cancelled"
      ? { code: "occurrence_cancelled" }
      : kind !== "closure" && now.getTime() >= instance.startsAt.getTime()
        ? { code: "occurrence_started" }
        : null;
  if (notNow) {
    await markActionSkipped(ref, now, notNow);
    return { ...summary, outcome: "skipped", reason: englishNote(notNow) };
  }
  const ctx = systemContext(org, RUN_JOB);
  if (kind === "closure") summary.noShows = (await options.closeOccurrence(ctx, instance.id, now)).noShows;

  const sender = await options.senderFor(org, kind);
  // A whole-occurrence message (not the closure) also goes to whoever becomes one of its recipients during the run.
  const sendToLatecomers = kind !== "closure" && action.participantId === null;
  const people = await listRecipients(ref.organizationId, action, sender.configured);
  summary.recipients = people.length;
  if (people.length === 0) {
    await markActionDone(ref, now, null, sendToLatecomers);
    return summary;
  }
  if (sender.unavailable) {
    await markActionFailed(ref, now, sender.unavailable);
    // The job's own words (its log and Inngest's), in English; the timeline words the stored note for its reader.
    throw new AppError("PRECONDITION_FAILED", englishNote(sender.unavailable));
  }

  const target: RunTarget = {
    ctx,
    action,
    kind,
    event: { ...event, startsAt: instance.startsAt },
    sender,
    issueTrackingLink: options.issueTrackingLink,
    now,
  };
  const pace = paceSends(options);
  let busy = 0;
  let nextRetryAt: Date | null = null;
  for (const person of people) {
    if (options.maxMs !== undefined && performance.now() - started > options.maxMs) return { ...summary, outcome: "partial" };
    const result = await sendTo(target, person, pace);
    if (result === "busy") busy += 1;
    else if (result === "nobody") continue;
    else if (typeof result === "string") summary[result] += 1;
    else {
      summary.waiting += 1;
      if (!nextRetryAt || result.retryAt < nextRetryAt) nextRetryAt = result.retryAt;
    }
  }
  if (busy > 0) throw new RetryLaterError(`${busy} message(s) of this action are being sent by another run.`);
  return finishRun(ref, now, summary, nextRetryAt, sendToLatecomers);
}

/** Done, with a note when some messages failed; or parked until the soonest recipient's retry is due. */
async function finishRun(ref: ActionRef, now: Date, summary: RunSummary, nextRetryAt: Date | null, sendToLatecomers: boolean) {
  const { failed, waiting, recipients } = summary;
  if (nextRetryAt) {
    const note: ActionNote =
      failed > 0
        ? { code: "messages_failed_and_waiting", values: { failed, waiting, recipients } }
        : { code: "messages_waiting", values: { waiting, recipients } };
    await markActionWaiting(ref, now, nextRetryAt, note);
    return { ...summary, outcome: "waiting" as const };
  }
  await markActionDone(ref, now, failed > 0 ? { code: "messages_failed", values: { failed, recipients } } : null, sendToLatecomers);
  return summary;
}

async function loadAction(ref: ActionRef) {
  const orgId = ref.organizationId;
  const [row] = await getDb()
    .select({ action: scheduledActions, instance: eventInstances, event: events, org: organizations })
    .from(scheduledActions)
    .innerJoin(eventInstances, and(eq(eventInstances.id, scheduledActions.instanceId), eq(eventInstances.organizationId, orgId)))
    .innerJoin(events, and(eq(events.id, eventInstances.eventId), eq(events.organizationId, orgId)))
    .innerJoin(organizations, eq(organizations.id, orgId))
    .where(and(eq(scheduledActions.id, ref.actionId), eq(scheduledActions.organizationId, orgId)));
  return row;
}
