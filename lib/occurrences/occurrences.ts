import { and, eq } from "drizzle-orm";
import { getDb, schema } from "@/lib/database";
import { writeAudit } from "@/lib/audit";
import { AppError, fieldError, parseInput, problem } from "@/lib/errors";
import { instantToLocal, localToInstant } from "@/lib/recurrence";
import { cancelPendingActions, type RescheduleResult } from "@/lib/schedule";
import { assertCan, type OrgContext } from "@/lib/tenant";
import { lockInstanceWithEvent, type InstanceRow } from "./find-instance";
import { rescheduleOccurrences } from "./reschedule";
import { CancelOccurrenceInput, MoveOccurrenceInput } from "./schemas";

export { changeThisAndFollowing } from "./change-this-and-following";
export { getOccurrence, listUpcomingOccurrences } from "./read-occurrences";

const { eventInstances } = schema;

/** Cancels one occurrence and its pending messages. Cancelling twice is a no-op; a completed one cannot be. */
export async function cancelOccurrence(
  ctx: OrgContext,
  input: CancelOccurrenceInput,
): Promise<{ occurrence: InstanceRow; actionsCancelled: number }> {
  assertCan(ctx, "events.write");
  const { instanceId } = parseInput(CancelOccurrenceInput, input);
  return getDb().transaction(async (tx) => {
    const { instance } = await lockInstanceWithEvent(tx, ctx, instanceId);
    if (instance.status === "cancelled") return { occurrence: instance, actionsCancelled: 0 };
    if (instance.status === "completed") {
      throw new AppError("PRECONDITION_FAILED", problem("occurrences.cannotCancelPast"));
    }
    const [occurrence] = await tx
      .update(eventInstances)
      .set({ status: "cancelled" })
      .where(and(eq(eventInstances.id, instanceId), eq(eventInstances.organizationId, ctx.org.id)))
      .returning();
    const actionsCancelled = await cancelPendingActions(tx, ctx, [instanceId]);
    await writeAudit(tx, ctx, {
      action: "occurrence.cancelled",
      targetType: "event_instance",
      targetId: instanceId,
      data: { eventId: instance.eventId, startsAt: instance.startsAt.toISOString(), actionsCancelled },
    });
    return { occurrence: occurrence!, actionsCancelled };
  });
}

/**
 * Moves one occurrence to a new local start in the event's zone, keeping its length. It becomes detached, so later
 * rule edits leave it where it was put, and its pending messages follow it (see rescheduleOccurrences).
 */
export async function moveOccurrence(
  ctx: OrgContext,
  input: MoveOccurrenceInput,
): Promise<{ occurrence: InstanceRow; actions: RescheduleResult }> {
  assertCan(ctx, "events.write");
  const { instanceId, startsLocal } = parseInput(MoveOccurrenceInput, input);
  const now = new Date();
  return getDb().transaction(async (tx) => {
    const { instance, event } = await lockInstanceWithEvent(tx, ctx, instanceId);
    if (instance.status !== "scheduled") {
      throw new AppError("PRECONDITION_FAILED", problem("occurrences.cannotMove", { status: instance.status }));
    }
    const startsAt = localToInstant(startsLocal, event.timeZone);
    if (startsAt.getTime() <= now.getTime()) {
      throw fieldError("VALIDATION", "startsLocal", problem("occurrences.pickFuture"));
    }
    const endsAt = new Date(startsAt.getTime() + (instance.endsAt.getTime() - instance.startsAt.getTime()));
    const [occurrence] = await tx
      .update(eventInstances)
      .set({ startsAt, endsAt, isDetached: true })
      .where(and(eq(eventInstances.id, instanceId), eq(eventInstances.organizationId, ctx.org.id)))
      .returning();
    const actions = await rescheduleOccurrences(tx, ctx, event, [occurrence!], now);
    await writeAudit(tx, ctx, {
      action: "occurrence.moved",
      targetType: "event_instance",
      targetId: instanceId,
      data: {
        eventId: event.id,
        from: instantToLocal(instance.startsAt, event.timeZone),
        to: instantToLocal(startsAt, event.timeZone),
        ...actions,
      },
    });
    return { occurrence: occurrence!, actions };
  });
}
