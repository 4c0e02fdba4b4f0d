import { outcomeOf } from "@/lib/reports";
import type { OrgContext } from "@/lib/tenant";
import { getLiveSnapshotWithParticipantIds } from "./snapshot";
import type { LiveParticipant, LiveSnapshot } from "./types";

// The live snapshot for machine clients (the API): the same facts the live map shows (answer, journey, check-in,
// ETA and lateness derived the same way, positions from the latest-position cache where newer), in a stable order.

function occurrenceOf(snapshot: LiveSnapshot) {
  const { id, eventId, startsAt, endsAt, status, timeZone } = snapshot.occurrence;
  return { id, eventId, startsAt, endsAt, status, timeZone };
}

/** Late is the prediction while on the way, and the check-in after the start + grace once arrived (as reports count it). */
function lateness(p: LiveParticipant, occurrence: LiveSnapshot["occurrence"], now: Date) {
  if (!p.checkedInAt) return { isLate: p.lateMinutes !== null, lateMinutes: p.lateMinutes };
  const times = { startsAt: new Date(occurrence.startsAt), endsAt: new Date(occurrence.endsAt), closedAt: null };
  const { outcome, minutesLate } = outcomeOf({ ...p, checkedInAt: new Date(p.checkedInAt) }, times, occurrence.lateGraceMinutes, now);
  return outcome === "late" ? { isLate: true, lateMinutes: minutesLate } : { isLate: false, lateMinutes: null };
}

const byName = (a: LiveParticipant, b: LiveParticipant) =>
  a.name.localeCompare(b.name) || a.attendanceId.localeCompare(b.attendanceId);

/** Everyone invited to the occurrence with their answer, journey, check-in, ETA and lateness, by name. */
export async function listOccurrenceAttendances(ctx: OrgContext, instanceId: string, now = new Date()) {
  const { snapshot, participantIds } = await getLiveSnapshotWithParticipantIds(ctx, instanceId, now);
  return {
    occurrence: occurrenceOf(snapshot),
    generatedAt: snapshot.generatedAt,
    attendances: [...snapshot.participants].sort(byName).map((p) => ({
      id: p.attendanceId,
      participantId: participantIds.get(p.attendanceId)!,
      name: p.name,
      rsvp: p.rsvp,
      journey: p.journey,
      state: p.state,
      checkedInAt: p.checkedInAt,
      checkInMethod: p.checkInMethod,
      etaAt: p.etaAt,
      etaMethod: p.etaMethod,
      etaConfidence: p.etaConfidence,
      distanceM: p.distanceM,
      ...lateness(p, snapshot.occurrence, now),
      isStale: p.stale,
      position: p.position,
    })),
  };
}

/** The latest position of each attendance of the occurrence that has one. */
export async function listLatestPositions(ctx: OrgContext, instanceId: string, now = new Date()) {
  const { snapshot, participantIds } = await getLiveSnapshotWithParticipantIds(ctx, instanceId, now);
  return {
    occurrence: occurrenceOf(snapshot),
    generatedAt: snapshot.generatedAt,
    positions: [...snapshot.participants].sort(byName).flatMap((p) =>
      p.position ? [{ attendanceId: p.attendanceId, participantId: participantIds.get(p.attendanceId)!, journey: p.journey, ...p.position }] : [],
    ),
  };
}
