import { and, eq, sql } from "drizzle-orm";
import { getDb, schema } from "@/lib/database";
import { failWaitingMessages } from "@/lib/messages";
import type { ActionRef } from "./claim";
import { storedNote, type ActionNote } from "./notes";
import { hasOpenedLinkSql } from "./recipients";

const { scheduledActions } = schema;

// How a run leaves the action it claimed: done, waiting for some recipients' retries, failed or skipped.

/**
 * Ends an action that sent what it could (per-message failures are on the messages). With `sendToLatecomers` (a
 * whole-occurrence message other than the closure), the action goes back to pending instead when someone it is for
 * has no message from it: they joined the roster, or answered, while the run went through its list, which
 * rerunDoneActions cannot re-open while it runs. The next dispatch sends them theirs; everyone already messaged is
 * skipped.
 */
export async function markActionDone(ref: ActionRef, now: Date, note: ActionNote | null = null, sendToLatecomers = false): Promise<void> {
  if (!sendToLatecomers) return setFinal(ref, { status: "done", completedAt: now }, note);
  // Who the action is for, as isEligible() says (recipients.ts); their message's key, as actionSlotKey() writes it.
  const someoneMissed = sql`exists (
    select 1 from attendances a
    join participants p on p.id = a.participant_id and p.organization_id = a.organization_id
    where a.organization_id = ${ref.organizationId} and a.instance_id = ${scheduledActions.instanceId}
      and p.opted_out_at is null
      and a.rsvp = (case when ${scheduledActions.action} = 'confirmation' then 'pending' else 'confirmed' end)::rsvp_status
      and not (${scheduledActions.action} = 'tracking_link' and ${hasOpenedLinkSql(sql`a.organization_id`, sql`a.id`)})
      and not exists (
        select 1 from messages m
        where m.idempotency_key = ${scheduledActions.id}::text || ':' || a.participant_id::text
      )
  )`;
  await getDb()
    .update(scheduledActions)
    .set({
      status: sql`(case when ${someoneMissed} then 'pending' else 'done' end)::scheduled_action_status`,
      completedAt: sql`case when ${someoneMissed} then null else ${now.toISOString()}::timestamptz end`,
      claimedAt: sql`case when ${someoneMissed} then null else ${scheduledActions.claimedAt} end`,
      attempts: sql`case when ${someoneMissed} then 0 else ${scheduledActions.attempts} end`,
      retryAt: null,
      ...storedNote(note),
      updatedAt: now,
    })
    .where(runningAction(ref));
}

/**
 * Parks an action whose run sent what it could while some recipients' messages wait for their retry: pending again,
 * not claimed before `retryAt` (the soonest of those retries), and nobody else is sent anything twice. Its attempts
 * start over, as for latecomers: each waiting message counts its own (MAX_SEND_ATTEMPTS), so this ends.
 */
export async function markActionWaiting(ref: ActionRef, now: Date, retryAt: Date, note: ActionNote): Promise<void> {
  await getDb()
    .update(scheduledActions)
    .set({ status: "pending", retryAt, claimedAt: null, completedAt: null, attempts: 0, ...storedNote(note), updatedAt: now })
    .where(runningAction(ref));
}

/** Ends an action that will not be tried again (retries exhausted, or a setting makes sending impossible). */
export async function markActionFailed(ref: ActionRef, now: Date, reason: ActionNote): Promise<void> {
  await setFinal(ref, { status: "failed", completedAt: now }, reason);
}

/** Ends an action that had nothing to do (cancelled occurrence, start passed). */
export async function markActionSkipped(ref: ActionRef, now: Date, reason: ActionNote): Promise<void> {
  await setFinal(ref, { status: "cancelled", completedAt: now }, reason);
}

// A failed or skipped action will not come back: its messages still waiting for a retry fail with their reason.
async function setFinal(
  ref: ActionRef,
  values: { status: "done" | "failed" | "cancelled"; completedAt: Date },
  note: ActionNote | null,
): Promise<void> {
  const ended = await getDb()
    .update(scheduledActions)
    .set({ ...values, ...storedNote(note), retryAt: null, updatedAt: values.completedAt })
    .where(runningAction(ref))
    .returning({ id: scheduledActions.id });
  if (ended.length > 0 && values.status !== "done") await failWaitingMessages(getDb(), [ref], values.completedAt);
}

// Only a running action is finished here: one cancelled meanwhile (occurrence cancelled, person opted out) stays so.
function runningAction(ref: ActionRef) {
  return and(
    eq(scheduledActions.id, ref.actionId),
    eq(scheduledActions.organizationId, ref.organizationId),
    eq(scheduledActions.status, "running"),
  );
}
