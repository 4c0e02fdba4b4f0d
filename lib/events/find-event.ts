import { and, eq } from "drizzle-orm";
import { schema, type Executor } from "@/lib/database";
import { AppError, problem } from "@/lib/errors";
import { isUuid } from "@/lib/utils";
import type { OrgContext } from "@/lib/tenant";

const { events } = schema;

export type EventRow = typeof events.$inferSelect;



/**
 * The organization's event, or NOT_FOUND (missing and foreign look the same). `forUpdate` locks the row: every write
 * to an event's occurrences takes this lock first, so edits, the materializer and occurrence changes never interleave.
 */
export async function findEventOrThrow(
  tx: Executor,
  ctx: OrgContext,
  eventId: string,
  options: { forUpdate?: boolean } = {},
): Promise<EventRow> {
  if (!isUuid(eventId)) throw new AppError("NOT_FOUND", problem("events.notFound"));
  const query = tx
    .select()
    .from(events)
    .where(and(eq(events.id, eventId), eq(events.organizationId, ctx.org.id)));
  const [event] = options.forUpdate ? await query.for("update") : await query;
  if (!event) throw new AppError("NOT_FOUND", problem("events.notFound"));
  return event;
}
