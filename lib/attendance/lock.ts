import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { schema, type Transaction } from "@/lib/database";
import { AppError, problem } from "@/lib/errors";
import type { OrgContext } from "@/lib/tenant";

const { attendances, eventInstances, events } = schema;

/** Any 8-4-4-4-12 hex id: a malformed one cannot name a row, and Postgres would refuse its cast. */
const AttendanceId = z.guid();

/**
 * One attendance of the organization, locked for the rest of the transaction, with its occurrence and event: what a
 * change made by staff (a check-in, an answer, a tracking link) is checked against. NOT_FOUND otherwise.
 */
export async function lockAttendance(tx: Transaction, ctx: OrgContext, attendanceId: string) {
  if (!AttendanceId.safeParse(attendanceId).success) throw new AppError("NOT_FOUND", problem("attendance.notFound"));
  const [row] = await tx
    .select({ attendance: attendances, instance: eventInstances, event: events })
    .from(attendances)
    .innerJoin(
      eventInstances,
      and(eq(eventInstances.id, attendances.instanceId), eq(eventInstances.organizationId, ctx.org.id)),
    )
    .innerJoin(events, and(eq(events.id, eventInstances.eventId), eq(events.organizationId, ctx.org.id)))
    .where(and(eq(attendances.id, attendanceId), eq(attendances.organizationId, ctx.org.id)))
    .for("update", { of: attendances });
  if (!row) throw new AppError("NOT_FOUND", problem("attendance.notFound"));
  return row;
}
