import { and, asc, eq, gt, inArray, isNull, lt, or } from "drizzle-orm";
import { getDb, schema } from "@/lib/database";
import { findEventOrThrow } from "@/lib/events";
import { AppError } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { systemContext, type OrgContext } from "@/lib/tenant";
import { DEFAULT_HORIZON_DAYS, materializeEvent, type MaterializeResult } from "./materialize";

const { events, organizations } = schema;

export const MATERIALIZE_JOB = "materialize-occurrences";
const BATCH_SIZE = 100;
const DAY = 86_400_000;

/**
 * Cross-tenant: active events of every organization whose occurrences do not yet reach `horizon`, by id after
 * `afterId`. Only the materializer uses it; each event is then handled in its own organization's context.
 */
export async function unsafeListEventsToMaterialize(options: { horizon: Date; afterId?: string; limit: number }) {
  return getDb()
    .select({ id: events.id, organizationId: events.organizationId })
    .from(events)
    .where(
      and(
        eq(events.status, "active"),
        or(isNull(events.materializedUntil), lt(events.materializedUntil, options.horizon)),
        options.afterId ? gt(events.id, options.afterId) : undefined,
      ),
    )
    .orderBy(asc(events.id))
    .limit(options.limit);
}

/** Cross-tenant: the organizations a batch of events belongs to, as system contexts for the job. */
async function unsafeLoadJobContexts(organizationIds: string[], known: Map<string, OrgContext>): Promise<void> {
  const missing = [...new Set(organizationIds)].filter((id) => !known.has(id));
  if (missing.length === 0) return;
  const rows = await getDb().select().from(organizations).where(inArray(organizations.id, missing));
  for (const org of rows) known.set(org.id, systemContext(org, MATERIALIZE_JOB));
}

export type MaterializeAllResult = MaterializeResult & { events: number; failed: number };

/**
 * The materialize-occurrences job: every active event of every organization gets its occurrences up to the horizon.
 * Each event runs in its own transaction under the event lock, so an edit in progress is waited for, and one broken
 * event is logged and skipped instead of stopping the others. Running it again changes nothing.
 */
export async function materializeAllEvents(now: Date, horizonDays = DEFAULT_HORIZON_DAYS): Promise<MaterializeAllResult> {
  const horizon = new Date(now.getTime() + horizonDays * DAY);
  const total: MaterializeAllResult = { events: 0, failed: 0, occurrencesCreated: 0, attendancesCreated: 0, actionsCreated: 0 };
  const contexts = new Map<string, OrgContext>();
  let afterId: string | undefined;
  for (;;) {
    const batch = await unsafeListEventsToMaterialize({ horizon, afterId, limit: BATCH_SIZE });
    if (batch.length === 0) break;
    afterId = batch.at(-1)!.id;
    await unsafeLoadJobContexts(batch.map((row) => row.organizationId), contexts);
    for (const { id, organizationId } of batch) {
      const ctx = contexts.get(organizationId)!;
      try {
        const result = await getDb().transaction(async (tx) => {
          const event = await findEventOrThrow(tx, ctx, id, { forUpdate: true });
          return materializeEvent(tx, ctx, event, now, horizonDays);
        });
        total.events += 1;
        total.occurrencesCreated += result.occurrencesCreated;
        total.attendancesCreated += result.attendancesCreated;
        total.actionsCreated += result.actionsCreated;
      } catch (error) {
        // Deleted since the batch was read: nothing to do.
        if (error instanceof AppError && error.code === "NOT_FOUND") continue;
        total.failed += 1;
        logger.error({ err: error, job: MATERIALIZE_JOB, orgId: organizationId, eventId: id }, "materializing an event failed");
      }
    }
  }
  return total;
}
