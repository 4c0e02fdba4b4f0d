import { and, asc, eq, gte, lt, lte, ne } from "drizzle-orm";
import type { CheckInMethod, Rsvp } from "@/lib/attendance";
import { getDb, schema } from "@/lib/database";
import { instantToLocal } from "@/lib/recurrence";
import type { OrgContext } from "@/lib/tenant";
import { outcomeOf, type Outcome } from "./outcomes";

const { attendances, eventInstances, participants } = schema;

export type ReportRow = {
  instanceId: string;
  startsAt: Date;
  /** Wall-clock start in the event's zone, "YYYY-MM-DDTHH:mm". */
  startsLocal: string;
  participantId: string;
  name: string;
  phone: string;
  guardianOf: string | null;
  rsvp: Rsvp;
  outcome: Outcome;
  minutesLate: number | null;
  checkedInAt: Date | null;
  /** Wall-clock check-in in the event's zone, "YYYY-MM-DDTHH:mm"; null without one. */
  checkedInLocal: string | null;
  checkInMethod: CheckInMethod | null;
};

/** The event's occurrences that started in the range (cancelled ones too), and the attendances of those held. */
export async function readOccurrencesAndAttendances(
  ctx: OrgContext,
  eventId: string,
  { startFrom, startBefore, now }: { startFrom: Date; startBefore: Date; now: Date },
) {
  const db = getDb();
  const inRange = and(
    eq(eventInstances.organizationId, ctx.org.id),
    eq(eventInstances.eventId, eventId),
    gte(eventInstances.startsAt, startFrom),
    lt(eventInstances.startsAt, startBefore),
    lte(eventInstances.startsAt, now),
  );
  const [instances, attendanceRows] = await Promise.all([
    db
      .select({
        id: eventInstances.id,
        startsAt: eventInstances.startsAt,
        endsAt: eventInstances.endsAt,
        closedAt: eventInstances.closedAt,
        status: eventInstances.status,
      })
      .from(eventInstances)
      .where(inRange)
      .orderBy(asc(eventInstances.startsAt)),
    db
      .select({
        instanceId: attendances.instanceId,
        rsvp: attendances.rsvp,
        journey: attendances.journey,
        checkedInAt: attendances.checkedInAt,
        checkInMethod: attendances.checkInMethod,
        participantId: participants.id,
        name: participants.name,
        phone: participants.phone,
        guardianOf: participants.guardianOf,
      })
      .from(attendances)
      .innerJoin(
        eventInstances,
        and(eq(eventInstances.id, attendances.instanceId), eq(eventInstances.organizationId, ctx.org.id)),
      )
      .innerJoin(participants, and(eq(participants.id, attendances.participantId), eq(participants.organizationId, ctx.org.id)))
      .where(and(eq(attendances.organizationId, ctx.org.id), inRange, ne(eventInstances.status, "cancelled")))
      .orderBy(asc(eventInstances.startsAt), asc(participants.name), asc(participants.phone)),
  ]);

  return { instances, attendanceRows };
}

type Instances = Awaited<ReturnType<typeof readOccurrencesAndAttendances>>["instances"];
type AttendanceRows = Awaited<ReturnType<typeof readOccurrencesAndAttendances>>["attendanceRows"];

/** One row per person and occurrence held, with its outcome, in the event's zone. */
export function toReportRows(
  attendanceRows: AttendanceRows,
  held: Instances,
  { timeZone, lateGraceMinutes, now }: { timeZone: string; lateGraceMinutes: number; now: Date },
): ReportRow[] {
  const byInstance = new Map(held.map((i) => [i.id, i]));
  // The two reads run side by side: an occurrence cancelled between them is left out of both.
  return attendanceRows.flatMap((a) => {
    const occurrence = byInstance.get(a.instanceId);
    if (!occurrence) return [];
    const { outcome, minutesLate } = outcomeOf(a, occurrence, lateGraceMinutes, now);
    return {
      instanceId: a.instanceId,
      startsAt: occurrence.startsAt,
      startsLocal: instantToLocal(occurrence.startsAt, timeZone),
      participantId: a.participantId,
      name: a.name,
      phone: a.phone,
      guardianOf: a.guardianOf,
      rsvp: a.rsvp,
      outcome,
      minutesLate,
      checkedInAt: a.checkedInAt,
      checkedInLocal: a.checkedInAt ? instantToLocal(a.checkedInAt, timeZone) : null,
      checkInMethod: a.checkInMethod,
    };
  });
}
