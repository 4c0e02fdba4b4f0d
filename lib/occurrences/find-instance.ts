import { and, eq } from "drizzle-orm";
import { schema, type Executor } from "@/lib/database";
import { findEventOrThrow, type EventRow } from "@/lib/events";
import { AppError, problem } from "@/lib/errors";
import type { OrgContext } from "@/lib/tenant";
import { isUuid } from "@/lib/utils";

const { eventInstances } = schema;

export type InstanceRow = typeof eventInstances.$inferSelect;

async function selectInstance(tx: Executor, ctx: OrgContext, instanceId: string, forUpdate: boolean) {
  const query = tx
    .select()
    .from(eventInstances)
    .where(and(eq(eventInstances.id, instanceId), eq(eventInstances.organizationId, ctx.org.id)));
  const [instance] = forUpdate ? await query.for("update") : await query;
  if (!instance) throw new AppError("NOT_FOUND", problem("occurrences.notFound"));
  return instance;
}

/** The organization's occurrence, or NOT_FOUND whether it is missing or another organization's. */
export async function findInstanceOrThrow(tx: Executor, ctx: OrgContext, instanceId: string): Promise<InstanceRow> {
  if (!isUuid(instanceId)) throw new AppError("NOT_FOUND", problem("occurrences.notFound"));
  return selectInstance(tx, ctx, instanceId, false);
}

/**
 * Locks the occurrence's event, then the occurrence: the same order as every other writer (event first), so an edit
 * of the series and a change to one occurrence wait for each other instead of deadlocking.
 */
export async function lockInstanceWithEvent(
  tx: Executor,
  ctx: OrgContext,
  instanceId: string,
): Promise<{ instance: InstanceRow; event: EventRow }> {
  const { eventId } = await findInstanceOrThrow(tx, ctx, instanceId);
  const event = await findEventOrThrow(tx, ctx, eventId, { forUpdate: true });
  const instance = await selectInstance(tx, ctx, instanceId, true);
  return { instance, event };
}
