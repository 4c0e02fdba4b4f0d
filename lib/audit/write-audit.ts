import type { Executor } from "@/db";
import { schema } from "@/db";
import { actorUserId, type OrgContext } from "@/lib/tenant/context";

export type AuditEntry = {
  action: string;
  targetType: string;
  targetId?: string | null;
  data?: Record<string, unknown>;
};

/** Records who did what, when, in the caller's transaction so the change and its record commit together. */
export async function writeAudit(tx: Executor, ctx: OrgContext, entry: AuditEntry): Promise<void> {
  await tx.insert(schema.auditLogs).values({
    organizationId: ctx.org.id,
    actorUserId: actorUserId(ctx),
    actorType: ctx.actor.type,
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId ?? null,
    data: entry.data ?? {},
    requestId: ctx.requestId ?? null,
  });
}

/** For account-level actions outside any organization (sign-up before the organization exists, password reset). */
export async function writeUserAudit(
  tx: Executor,
  userId: string,
  entry: AuditEntry & { organizationId?: string },
): Promise<void> {
  await tx.insert(schema.auditLogs).values({
    organizationId: entry.organizationId ?? null,
    actorUserId: userId,
    actorType: "user",
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId ?? null,
    data: entry.data ?? {},
  });
}
