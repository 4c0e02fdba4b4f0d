import { and, eq } from "drizzle-orm";
import { schema, type Executor } from "@/lib/database";
import { writeAudit } from "@/lib/audit";
import { AppError, problem } from "@/lib/errors";
import { diffEvent, findEventOrThrow, type EventColumns, type EventRow } from "@/lib/events";
import type { OrgContext } from "@/lib/tenant";
import { announceLinkChange } from "@/lib/tracking";
import { applyEventChange } from "./apply-event-change";

const { events } = schema;

/**
 * Writes an edit of a locked event and carries it over to the occurrences (see applyEventChange), with its audit
 * row. An edit that changes nothing writes nothing.
 */
export async function saveEventEdit(
  tx: Executor,
  ctx: OrgContext,
  before: EventRow,
  columns: EventColumns,
  now: Date,
): Promise<EventRow> {
  if (before.status === "archived") {
    throw new AppError("PRECONDITION_FAILED", problem("events.archived"));
  }
  const diff = diffEvent(before, columns);
  if (diff.changed.length === 0) return before;
  const [event] = await tx
    .update(events)
    .set(columns)
    .where(and(eq(events.id, before.id), eq(events.organizationId, ctx.org.id)))
    .returning();
  const outcome = await applyEventChange(tx, ctx, event!, diff, now);
  // Ingest on every server reads the venue, radius and travel mode from its link cache: it forgets them on commit.
  await announceLinkChange(tx, { eventId: before.id });
  await writeAudit(tx, ctx, {
    action: "event.updated",
    targetType: "event",
    targetId: before.id,
    data: { changed: diff.changed, ...outcome },
  });
  return findEventOrThrow(tx, ctx, before.id);
}
