import { getDb } from "@/lib/database";
import { findEventOrThrow } from "@/lib/events";
import { AppError, parseInput, problem } from "@/lib/errors";
import { instantToLocal, localToInstant } from "@/lib/recurrence";
import { assertCan, type OrgContext } from "@/lib/tenant";
import { groupBy, isUuid } from "@/lib/utils";
import { tally, type Tally } from "./outcomes";
import { readOccurrencesAndAttendances, toReportRows } from "./report-rows";
import { addDays, AttendanceReportInput, reportRange } from "./schemas";

/** The instants a range of local dates covers in a zone: from midnight of `from` to midnight after `to`. */
export function rangeInstants(range: { from: string; to: string }, timeZone: string): { startFrom: Date; startBefore: Date } {
  return {
    startFrom: localToInstant(`${range.from}T00:00`, timeZone),
    startBefore: localToInstant(`${addDays(range.to, 1)}T00:00`, timeZone),
  };
}

export type { ReportRow } from "./report-rows";

export type AttendanceReport = Awaited<ReturnType<typeof getAttendanceReport>>;

/**
 * What came of an event's occurrences that started on the local dates `from`..`to` (default: the last 30 days up to
 * today, in the event's zone): per occurrence, per participant and in all, who came on time, late (and by how much),
 * did not come, declined or never answered. Occurrences that have not started are left out; cancelled ones are only
 * counted. Outcomes are derived from the attendance (check-in time and method, answer) and the occurrence's times, so
 * the report reads the same whenever it is opened.
 */
export async function getAttendanceReport(ctx: OrgContext, input: AttendanceReportInput, now = new Date()) {
  assertCan(ctx, "events.read");
  if (!isUuid(input.eventId)) throw new AppError("NOT_FOUND", problem("events.notFound"));
  const parsed = parseInput(AttendanceReportInput, input);
  const db = getDb();
  const event = await findEventOrThrow(db, ctx, parsed.eventId);
  const { timeZone, lateGraceMinutes } = event;

  const range = reportRange(parsed, instantToLocal(now, timeZone).slice(0, 10));
  const { startFrom, startBefore } = rangeInstants(range, timeZone);

  const { instances, attendanceRows } = await readOccurrencesAndAttendances(ctx, event.id, { startFrom, startBefore, now });

  const held = instances.filter((i) => i.status !== "cancelled");
  const rows = toReportRows(attendanceRows, held, { timeZone, lateGraceMinutes, now });

  const rowsOf = groupBy(rows, (row) => row.instanceId);
  const occurrences = held.map((i) => ({
    id: i.id,
    startsAt: i.startsAt,
    startsLocal: instantToLocal(i.startsAt, timeZone),
    /** The event's, for showing the start where it takes place. */
    timeZone,
    /** Started and not over: "still expected" people may yet arrive. */
    inProgress: i.closedAt === null && i.endsAt > now,
    tally: tally(rowsOf.get(i.id) ?? []),
  }));

  const byParticipant: { participantId: string; name: string; contact: string; tally: Tally }[] = [
    ...groupBy(rows, (row) => row.participantId).values(),
  ]
    .map((own) => ({ participantId: own[0]!.participantId, name: own[0]!.name, contact: own[0]!.guardianOf ?? own[0]!.phone, tally: tally(own) }))
    .sort((a, b) => a.name.localeCompare(b.name) || a.contact.localeCompare(b.contact));

  return {
    event: { id: event.id, title: event.title, timeZone, lateGraceMinutes },
    range,
    totals: tally(rows),
    occurrences,
    cancelled: instances.length - held.length,
    participants: byParticipant,
    rows,
  };
}
