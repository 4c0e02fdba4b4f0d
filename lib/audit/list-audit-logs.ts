import { and, desc, eq } from "drizzle-orm";
import { getDb, schema } from "@/lib/database";
import { assertCan, type OrgContext } from "@/lib/tenant";

const { apiKeys, auditLogs, users } = schema;

export async function listAuditLogs(ctx: OrgContext, limit = 50) {
  assertCan(ctx, "audit.read");
  return getDb()
    .select({
      id: auditLogs.id,
      action: auditLogs.action,
      targetType: auditLogs.targetType,
      targetId: auditLogs.targetId,
      data: auditLogs.data,
      actorType: auditLogs.actorType,
      actorName: users.name,
      actorEmail: users.email,
      /** The API key a change came through (its creator is the actor). */
      apiKeyName: apiKeys.name,
      createdAt: auditLogs.createdAt,
    })
    .from(auditLogs)
    .leftJoin(users, eq(users.id, auditLogs.actorUserId))
    .leftJoin(apiKeys, and(eq(apiKeys.id, auditLogs.actorApiKeyId), eq(apiKeys.organizationId, ctx.org.id)))
    .where(eq(auditLogs.organizationId, ctx.org.id))
    .orderBy(desc(auditLogs.createdAt))
    .limit(limit);
}
