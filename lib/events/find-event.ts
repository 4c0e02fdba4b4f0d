import { and, eq } from "drizzle-orm";
import { schema, type Executor } from "@/lib/database";
import { AppError } from "@/lib/errors";
import type { OrgContext } from "@/lib/tenant/context";

const { events } = schema;

export type EventRow = typeof events.$inferSelect;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A malformed id cannot name a row: answering NOT_FOUND early also spares the database a cast error. */
export function isUuid(value: unknown): value is string {
  return typeof value === "string" && UUID.test(value);
}

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
  if (!isUuid(eventId)) throw new AppError("NOT_FOUND", "Event not found.");
  const query = tx
    .select()
    .from(events)
    .where(and(eq(events.id, eventId), eq(events.organizationId, ctx.org.id)));
  const [event] = options.forUpdate ? await query.for("update") : await query;
  if (!event) throw new AppError("NOT_FOUND", "Event not found.");
  return event;
}
