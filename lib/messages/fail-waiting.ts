import { and, eq, inArray, isNotNull, sql } from "drizzle-orm";
import { schema, type Executor } from "@/lib/database";
import { enqueueMessageFailed } from "@/lib/webhooks";

const { messages } = schema;

/**
 * Fails for good, with the reason they last failed for, the messages of these scheduled actions still waiting for a
 * retry: the action ended (gave up, was skipped or cancelled) and nothing will send them. Each action is matched with
 * its own organization, so callers that work across tenants (lib/schedule/claim.ts) can pass several.
 */
export async function failWaitingMessages(
  db: Executor,
  actions: { actionId: string; organizationId: string }[],
  at: Date,
): Promise<void> {
  if (actions.length === 0) return;
  const change = sql`jsonb_build_object('status', 'failed', 'at', ${at.toISOString()}::text, 'error', ${messages.errorMessage})`;
  for (const organizationId of new Set(actions.map((a) => a.organizationId))) {
    const ofOrganization = actions.filter((a) => a.organizationId === organizationId);
    const failed = await db
      .update(messages)
      .set({ status: "failed", retryAt: null, statusHistory: sql`${messages.statusHistory} || jsonb_build_array(${change})`, updatedAt: at })
      .where(
        and(
          eq(messages.organizationId, organizationId),
          inArray(messages.scheduledActionId, ofOrganization.map((a) => a.actionId)),
          eq(messages.status, "queued"),
          isNotNull(messages.errorCode),
        ),
      )
      .returning({ id: messages.id });
    await enqueueMessageFailed(db, organizationId, failed.map((m) => m.id));
  }
}
