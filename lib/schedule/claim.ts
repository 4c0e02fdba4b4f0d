import { and, asc, eq, gte, inArray, isNull, lt, lte, or, sql } from "drizzle-orm";
import { z } from "zod";
import { getDb, schema } from "@/lib/database";
import { failWaitingMessages } from "@/lib/messages";
import { storedNote } from "./notes";

const { scheduledActions } = schema;

/** A claimed action: the ids a job payload carries (never the row). */
export const ActionRefInput = z.object({ actionId: z.uuid(), organizationId: z.uuid() });
export type ActionRef = z.infer<typeof ActionRefInput>;

/** How many due actions one claim takes. */
export const DISPATCH_BATCH = 100;

/** A run that claimed an action and then vanished (process killed) leaves it "running"; after this it is claimable again. */
export const STALE_CLAIM_MS = 15 * 60_000;

/**
 * Claims up to `limit` due actions of every organization: pending with dueAt <= now and no retry time still ahead
 * (or claimed long ago by a run that never finished) become running, with claimedAt and one more attempt. FOR UPDATE
 * SKIP LOCKED makes concurrent claimers take disjoint sets. Cross-tenant by design: each ref carries its
 * organization, and the run scopes by it.
 */
export async function claimDueActions(now: Date, limit = DISPATCH_BATCH): Promise<ActionRef[]> {
  const staleBefore = new Date(now.getTime() - STALE_CLAIM_MS);
  const db = getDb();
  const due = db
    .select({ id: scheduledActions.id })
    .from(scheduledActions)
    .where(
      and(
        lte(scheduledActions.dueAt, now),
        or(
          and(eq(scheduledActions.status, "pending"), or(isNull(scheduledActions.retryAt), lte(scheduledActions.retryAt, now))),
          and(
            eq(scheduledActions.status, "running"),
            lt(scheduledActions.claimedAt, staleBefore),
            lt(scheduledActions.attempts, scheduledActions.maxAttempts),
          ),
        ),
      ),
    )
    .orderBy(asc(scheduledActions.dueAt))
    .limit(limit)
    .for("update", { skipLocked: true });
  const claimed = await db
    .update(scheduledActions)
    .set({ status: "running", claimedAt: now, retryAt: null, attempts: sql`${scheduledActions.attempts} + 1`, updatedAt: now })
    .where(inArray(scheduledActions.id, due))
    .returning({ actionId: scheduledActions.id, organizationId: scheduledActions.organizationId, dueAt: scheduledActions.dueAt });
  return claimed
    .sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime())
    .map(({ actionId, organizationId }) => ({ actionId, organizationId }));
}

/**
 * Fails the actions whose last allowed attempt was claimed by a run that never finished (the process died while
 * sending): claimDueActions no longer takes them, and they would otherwise show "running" forever. Messages the run
 * did send are on the messages page; the timeline shows the action failed and why. Cross-tenant, like the claim.
 */
export async function failAbandonedActions(now: Date): Promise<number> {
  const staleBefore = new Date(now.getTime() - STALE_CLAIM_MS);
  const failed = await getDb()
    .update(scheduledActions)
    .set({
      status: "failed",
      completedAt: now,
      ...storedNote({ code: "abandoned" }),
      updatedAt: now,
    })
    .where(
      and(
        eq(scheduledActions.status, "running"),
        lt(scheduledActions.claimedAt, staleBefore),
        gte(scheduledActions.attempts, scheduledActions.maxAttempts),
      ),
    )
    .returning({ actionId: scheduledActions.id, organizationId: scheduledActions.organizationId });
  await failWaitingMessages(getDb(), failed, now);
  return failed.length;
}
