import { and, eq, inArray } from "drizzle-orm";
import { schema, type Transaction } from "@/lib/database";
import { enqueueAttendanceEvent } from "@/lib/webhooks";
import type { AttendanceEffect } from "./effects";
import { TRAVELLING } from "./states";

const { attendances } = schema;

/**
 * At an occurrence's closure, in the caller's transaction: confirmed participants who never arrived become no_show
 * (their tracking links stop taking points). Repeating it changes nothing. Returns the effects to run once committed,
 * one per new no-show.
 */
export async function markNoShows(tx: Transaction, organizationId: string, instanceId: string, now: Date): Promise<AttendanceEffect[]> {
  const noShows = await tx
    .update(attendances)
    .set({ journey: "no_show", isLate: false, isStale: false, updatedAt: now })
    .where(
      and(
        eq(attendances.organizationId, organizationId),
        eq(attendances.instanceId, instanceId),
        eq(attendances.rsvp, "confirmed"),
        inArray(attendances.journey, [...TRAVELLING]),
      ),
    )
    .returning({ id: attendances.id });
  await enqueueAttendanceEvent(tx, organizationId, "participant.no_show", noShows.map(({ id }) => id));
  return noShows.map(({ id }) => ({ organizationId, attendanceId: id }));
}
