import { schema, type Executor } from "@/lib/database";
import { actorUserId, type OrgContext } from "@/lib/tenant";
import type { EventColumns } from "./event-columns";
import type { EventRow } from "./find-event";

/** Inserts the event row only; the caller materializes once the roster (if any) is in place. */
export async function insertEvent(tx: Executor, ctx: OrgContext, columns: EventColumns): Promise<EventRow> {
  const [event] = await tx
    .insert(schema.events)
    .values({ ...columns, organizationId: ctx.org.id, createdByUserId: actorUserId(ctx) })
    .returning();
  return event!;
}
