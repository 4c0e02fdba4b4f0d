import { and, eq, gt, inArray, isNull } from "drizzle-orm";
import { schema, type Executor } from "@/lib/database";
import { scheduleOf, type EventSchedule } from "@/lib/events";
import { failWaitingMessages } from "@/lib/messages";
import type { OrgContext } from "@/lib/tenant";
import { planActions, type ScheduledActionKind } from "./due-times";
import { storedNote } from "./notes";

const { eventInstances, scheduledActions } = schema;

export type ScheduledInstance = { id: string; startsAt: Date; endsAt: Date };

/**
 * Creates the whole-occurrence actions the event's schedule asks for. Idempotent: the unique key
 * (instance, participant, action) turns a repeat into a no-op. Returns how many rows were created.
 */
export async function scheduleActionsForInstances(
  tx: Executor,
  ctx: OrgContext,
  event: EventSchedule,
  instances: ScheduledInstance[],
  now: Date,
): Promise<number> {
  const rows = instances.flatMap((instance) =>
    planActions(scheduleOf(event), instance, now).map(({ action, dueAt }) => ({
      organizationId: ctx.org.id,
      instanceId: instance.id,
      participantId: null,
      action,
      dueAt,
    })),
  );
  if (rows.length === 0) return 0;
  const created = await tx.insert(scheduledActions).values(rows).onConflictDoNothing().returning({ id: scheduledActions.id });
  return created.length;
}

export function scheduleActionsForInstance(
  tx: Executor,
  ctx: OrgContext,
  event: EventSchedule,
  instance: ScheduledInstance,
  now: Date,
): Promise<number> {
  return scheduleActionsForInstances(tx, ctx, event, [instance], now);
}

export type RescheduleResult = { retimed: number; cancelled: number; created: number };

/**
 * Brings the pending whole-occurrence actions of these occurrences in line with the schedule and their (possibly new)
 * times: pending ones are re-timed, or cancelled when their message is off or now in the past; a message turned back
 * on is created or revived. Actions that already ran (running, done, failed) are history and stay as they are.
 */
export async function rescheduleActionsForInstances(
  tx: Executor,
  ctx: OrgContext,
  event: EventSchedule,
  instances: ScheduledInstance[],
  now: Date,
): Promise<RescheduleResult> {
  const result: RescheduleResult = { retimed: 0, cancelled: 0, created: 0 };
  if (instances.length === 0) return result;
  const existing = await tx
    .select({ id: scheduledActions.id, instanceId: scheduledActions.instanceId, action: scheduledActions.action, dueAt: scheduledActions.dueAt, status: scheduledActions.status })
    .from(scheduledActions)
    .where(
      and(
        eq(scheduledActions.organizationId, ctx.org.id),
        inArray(scheduledActions.instanceId, instances.map((i) => i.id)),
        isNull(scheduledActions.participantId),
      ),
    );
  const missing: ScheduledInstance[] = [];
  for (const instance of instances) {
    const planned = new Map(planActions(scheduleOf(event), instance, now).map((p) => [p.action, p.dueAt]));
    const rows = existing.filter((row) => row.instanceId === instance.id);
    for (const row of rows) {
      const dueAt = planned.get(row.action);
      if (row.status === "pending" && !dueAt) {
        await setAction(tx, ctx, row.id, { status: "cancelled" });
        result.cancelled += 1;
      } else if (dueAt && (row.status === "cancelled" || (row.status === "pending" && row.dueAt.getTime() !== dueAt.getTime()))) {
        await setAction(tx, ctx, row.id, { status: "pending", dueAt });
        if (row.status === "cancelled") result.created += 1;
        else result.retimed += 1;
      }
    }
    if ([...planned.keys()].some((action) => !rows.some((row) => row.action === action))) missing.push(instance);
  }
  result.created += await scheduleActionsForInstances(tx, ctx, event, missing, now);
  return result;
}

async function setAction(
  tx: Executor,
  ctx: OrgContext,
  id: string,
  values: { status: "pending" | "cancelled"; dueAt?: Date },
): Promise<void> {
  await tx
    .update(scheduledActions)
    .set(values)
    .where(and(eq(scheduledActions.id, id), eq(scheduledActions.organizationId, ctx.org.id)));
}

/**
 * Cancels every pending action of these occurrences (per-participant ones too); their messages waiting for a retry
 * fail with their reason. Returns how many actions.
 */
export async function cancelPendingActions(tx: Executor, ctx: OrgContext, instanceIds: string[]): Promise<number> {
  if (instanceIds.length === 0) return 0;
  const cancelled = await tx
    .update(scheduledActions)
    .set({ status: "cancelled" })
    .where(
      and(
        eq(scheduledActions.organizationId, ctx.org.id),
        inArray(scheduledActions.instanceId, instanceIds),
        eq(scheduledActions.status, "pending"),
      ),
    )
    .returning({ id: scheduledActions.id });
  const ofOrganization = cancelled.map((row) => ({ actionId: row.id, organizationId: ctx.org.id }));
  await failWaitingMessages(tx, ofOrganization, new Date());
  return cancelled.length;
}

/**
 * People put on the roster after an occurrence's messages went out get them too: the whole-occurrence actions of these
 * occurrences that already ran (done) go back to pending while the occurrence has not started, and the next dispatch
 * sends them. The sender writes one message per person and action, so everyone already messaged is skipped and only
 * the newcomers are sent anything. `only` limits it to some actions (someone who confirms late needs the tracking
 * link, not the reminder). Returns how many actions were re-opened.
 */
export async function rerunDoneActions(
  tx: Executor,
  organizationId: string,
  instanceIds: string[],
  now: Date,
  only?: readonly ScheduledActionKind[],
): Promise<number> {
  if (instanceIds.length === 0) return 0;
  const upcoming = tx
    .select({ id: eventInstances.id })
    .from(eventInstances)
    .where(
      and(
        eq(eventInstances.organizationId, organizationId),
        inArray(eventInstances.id, instanceIds),
        eq(eventInstances.status, "scheduled"),
        gt(eventInstances.startsAt, now),
      ),
    );
  const reopened = await tx
    .update(scheduledActions)
    .set({ status: "pending", attempts: 0, claimedAt: null, completedAt: null, ...storedNote(null), updatedAt: now })
    .where(
      and(
        eq(scheduledActions.organizationId, organizationId),
        inArray(scheduledActions.instanceId, upcoming),
        isNull(scheduledActions.participantId),
        eq(scheduledActions.status, "done"),
        only ? inArray(scheduledActions.action, [...only]) : undefined,
      ),
    )
    .returning({ id: scheduledActions.id });
  return reopened.length;
}
