import { and, eq, gt, gte, inArray, ne, not, notExists, or, sql } from "drizzle-orm";
import { schema, type Executor } from "@/lib/database";
import type { OrgContext } from "@/lib/tenant";

const { attendances, eventInstances, messages, scheduledActions } = schema;

/**
 * "Nothing has happened to it yet": still scheduled, never moved by hand, nobody answered or travelled, no action ran
 * and no message names it. Only such occurrences may be thrown away and regenerated; anything else is history.
 */
export function isUntouched(ctx: OrgContext) {
  const one = sql`1`;
  return and(
    eq(eventInstances.status, "scheduled"),
    not(eventInstances.isDetached),
    notExists(
      sql`(select ${one} from ${attendances} where ${and(
        eq(attendances.organizationId, ctx.org.id),
        eq(attendances.instanceId, eventInstances.id),
        or(ne(attendances.rsvp, "pending"), ne(attendances.journey, "not_started")),
      )})`,
    ),
    notExists(
      sql`(select ${one} from ${scheduledActions} where ${and(
        eq(scheduledActions.organizationId, ctx.org.id),
        eq(scheduledActions.instanceId, eventInstances.id),
        inArray(scheduledActions.status, ["running", "done", "failed"]),
      )})`,
    ),
    notExists(
      sql`(select ${one} from ${messages} where ${and(
        eq(messages.organizationId, ctx.org.id),
        eq(messages.instanceId, eventInstances.id),
      )})`,
    ),
  );
}

/**
 * Deletes the event's future occurrences that nothing has happened to (their attendances and actions go with them by
 * cascade), optionally only from a rule start on. Returns how many were deleted.
 */
export async function deleteUntouchedFutureOccurrences(
  tx: Executor,
  ctx: OrgContext,
  eventId: string,
  now: Date,
  options: { fromRuleStart?: Date } = {},
): Promise<number> {
  const deleted = await tx
    .delete(eventInstances)
    .where(
      and(
        eq(eventInstances.organizationId, ctx.org.id),
        eq(eventInstances.eventId, eventId),
        gt(eventInstances.startsAt, now),
        options.fromRuleStart ? gte(eventInstances.ruleStartsAt, options.fromRuleStart) : undefined,
        isUntouched(ctx),
      ),
    )
    .returning({ id: eventInstances.id });
  return deleted.length;
}
