import { schema } from "@/db";
import type { AuditEntry } from "@/lib/audit/write-audit";
import type { InboundContext } from "./context";

/**
 * An audit row for a change a participant made over WhatsApp. writeAudit needs an OrgContext, whose actor is a user
 * or a job; here the actor is the provider, recorded as actorType "webhook" with no user.
 */
export async function writeWebhookAudit(ctx: InboundContext, entry: AuditEntry): Promise<void> {
  await ctx.tx.insert(schema.auditLogs).values({
    organizationId: ctx.organizationId,
    actorUserId: null,
    actorType: "webhook",
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId ?? null,
    data: entry.data ?? {},
    requestId: ctx.requestId,
  });
}
