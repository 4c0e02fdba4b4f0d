import { and, eq, inArray, isNull } from "drizzle-orm";
import { getDb, schema } from "@/db";
import { writeAudit } from "@/lib/audit/write-audit";
import type { OrgContext } from "@/lib/tenant/context";
import { evictAttendanceLinks } from "@/lib/tracking/link-context";

const { attendances, eventInstances } = schema;

/**
 * Closure of an occurrence (DESIGN §3.6): confirmed participants who never arrived become no_show, and the occurrence
 * is marked closed and completed. Repeating it changes nothing. Returns how many became no_show now.
 */
export async function closeOccurrence(ctx: OrgContext, instanceId: string, now: Date): Promise<{ noShows: number }> {
  const org = ctx.org.id;
  const result = await getDb().transaction(async (tx) => {
    const noShows = await tx
      .update(attendances)
      .set({ journey: "no_show", isLate: false, isStale: false, updatedAt: now })
      .where(
        and(
          eq(attendances.organizationId, org),
          eq(attendances.instanceId, instanceId),
          eq(attendances.rsvp, "confirmed"),
          inArray(attendances.journey, ["not_started", "on_the_way"]),
        ),
      )
      .returning({ id: attendances.id });
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
    if (closed || noShows.length > 0) {
      await writeAudit(tx, ctx, {
        action: "occurrence.closed",
        targetType: "event_instance",
        targetId: instanceId,
        data: { noShows: noShows.length },
      });
    }
    return noShows;
  });
  // The ingest path caches link state briefly per process: a no_show link must stop taking points now.
  for (const { id } of result) evictAttendanceLinks(id);
  return { noShows: result.length };
}
