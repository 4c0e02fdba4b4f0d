import { type Executor, schema } from "@/lib/database";
import { actorApiKeyId, actorUserId, type OrgContext } from "@/lib/tenant";

export type AuditEntry = {
  action: string;
  targetType: string;
  targetId?: string | null;
  data?: Record<string, unknown>;
};

type Actor = {
  organizationId: string | null;
  actorUserId: string | null;
  actorType: string;
  actorApiKeyId?: string | null;
  requestId?: string | null;
};

function insertAudit(tx: Executor, actor: Actor, entry: AuditEntry): Promise<unknown> {
  return tx.insert(schema.auditLogs).values({
    ...actor,
    requestId: actor.requestId ?? null,
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId ?? null,
    data: entry.data ?? {},
  });
}

/** Records who did what, when, in the caller's transaction so the change and its record commit together. */
export async function writeAudit(tx: Executor, ctx: OrgContext, entry: AuditEntry): Promise<void> {
  await insertAudit(
    tx,
    {
      organizationId: ctx.org.id,
      actorUserId: actorUserId(ctx),
      actorApiKeyId: actorApiKeyId(ctx),
      actorType: ctx.actor.type,
      requestId: ctx.requestId,
    },
    entry,
  );
}

/** For account-level actions outside any organization (sign-up before the organization exists, password reset). */
export async function writeUserAudit(
  tx: Executor,
  userId: string,
  entry: AuditEntry & { organizationId?: string },
): Promise<void> {
  await insertAudit(tx, { organizationId: entry.organizationId ?? null, actorUserId: userId, actorType: "user" }, entry);
}

/**
 * For a change a participant made through a provider (WhatsApp): the actor is the provider, recorded as actorType
 * "webhook" with no user.
 */
export async function writeWebhookAudit(
  tx: Executor,
  context: { organizationId: string; requestId: string | null },
  entry: AuditEntry,
): Promise<void> {
  await insertAudit(tx, { ...context, actorUserId: null, actorType: "webhook" }, entry);
}
