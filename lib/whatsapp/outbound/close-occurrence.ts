import { and, eq, isNull, sql } from "drizzle-orm";
import { getDb, schema } from "@/lib/database";
import { markNoShows, runAttendanceEffects } from "@/lib/attendance";
import { writeAudit } from "@/lib/audit";
import type { OrgContext } from "@/lib/tenant";
import { enqueueDeliveries, occurrenceDeliveriesSql } from "@/lib/webhooks";

const { eventInstances } = schema;

/**
 * Closure of an occurrence (DESIGN §3.6): confirmed participants who never arrived become no_show, and the occurrence
 * is marked closed and completed. Repeating it changes nothing. Returns how many became no_show now.
 */
export async function closeOccurrence(ctx: OrgContext, instanceId: string, now: Date): Promise<{ noShows: number }> {
  const org = ctx.org.id;
  const noShows = await getDb().transaction(async (tx) => {
    const effects = await markNoShows(tx, org, instanceId, now);
    const [closed] = await tx
      .update(eventInstances)
      .set({ closedAt: now, status: "completed", updatedAt: now })
      .where(
        and(
          eq(eventInstances.id, instanceId),
          eq(eventInstances.organizationId, org),
          eq(eventInstances.status, "scheduled"),
          isNull(eventInstances.closedAt),
        ),
      )
      .returning({ id: eventInstances.id });
    if (closed || effects.length > 0) {
      await writeAudit(tx, ctx, {
        action: "occurrence.closed",
        targetType: "event_instance",
        targetId: instanceId,
        data: { noShows: effects.length },
      });
    }
    if (closed) await enqueueDeliveries(tx, occurrenceDeliveriesSql("occurrence.closed", sql`select ${instanceId}::uuid, ${org}::uuid`));
    return effects;
  });
  // The ingest path caches link state briefly per process: a no_show link must stop taking points now.
  await runAttendanceEffects(noShows);
  return { noShows: noShows.length };
}
