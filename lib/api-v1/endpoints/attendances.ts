import { z } from "zod";
import { checkInManually, ManualCheckInInput, undoCheckIn } from "@/lib/attendance";
import { listOccurrenceAttendances } from "@/lib/live";
import { defineEndpoint } from "../endpoint";
import { Timestamp } from "../schemas";

export const OccurrencePath = z.object({ occurrenceId: z.uuid().meta({ description: "The occurrence's id." }) });
export const AttendancePath = z.object({ attendanceId: z.uuid().meta({ description: "The attendance's id (a participant in an occurrence)." }) });

export const OccurrenceRef = z
  .object({
    id: z.uuid(),
    eventId: z.uuid(),
    startsAt: Timestamp,
    endsAt: Timestamp,
    status: z.enum(["scheduled", "cancelled", "completed"]),
    timeZone: z.string(),
  })
  .meta({ id: "OccurrenceRef" });

export const Position = z
  .object({
    lat: z.number(),
    lng: z.number(),
    accuracyM: z.number().meta({ description: "Radius of the fix's uncertainty, metres." }),
    at: Timestamp.meta({ description: "When the phone took the fix." }),
  })
  .meta({ id: "Position" });

const Attendance = z
  .object({
    id: z.uuid(),
    participantId: z.uuid(),
    name: z.string(),
    rsvp: z.enum(["pending", "confirmed", "declined"]),
    journey: z.enum(["not_started", "on_the_way", "arrived", "no_show"]),
    state: z
      .enum(["arrived", "late", "stale", "on_the_way", "not_sharing", "declined"])
      .meta({ description: "What the live map shows for them, strongest first: arrived, late, stale, on the way…" }),
    checkedInAt: Timestamp.nullable(),
    checkInMethod: z.enum(["geofence", "manual", "whatsapp_location"]).nullable(),
    etaAt: Timestamp.nullable().meta({ description: "Predicted arrival while on the way." }),
    etaMethod: z.enum(["osrm", "track", "device", "default"]).nullable().meta({ description: "Road routing, the observed track, the phone's speed or a typical speed." }),
    etaConfidence: z.enum(["high", "medium", "low"]).nullable(),
    distanceM: z.number().nullable().meta({ description: "Straight-line metres from the latest fix to the venue." }),
    isLate: z.boolean().meta({ description: "Predicted to arrive after the start + grace, or checked in after it." }),
    lateMinutes: z.number().int().nullable().meta({ description: "By how many minutes (predicted, or after the start once arrived)." }),
    isStale: z.boolean().meta({ description: "On the way with no fix for a while." }),
    position: Position.nullable(),
  })
  .meta({ id: "Attendance" });

export const EXAMPLE_OCCURRENCE: z.input<typeof OccurrenceRef> = {
  id: "c2d3e4f5-a6b7-4c8d-9e0f-1a2b3c4d5e6f",
  eventId: "3f1c2a9e-6b7d-4e52-9a8f-0c1d2e3f4a5b",
  startsAt: "2026-09-07T05:30:00.000Z",
  endsAt: "2026-09-07T06:00:00.000Z",
  status: "scheduled",
  timeZone: "Europe/Berlin",
};
const ATTENDANCE_ID = "0e1f2a3b-4c5d-4e6f-8a9b-0c1d2e3f4a5b";
const EXAMPLE_ATTENDANCE: z.input<typeof Attendance> = {
  id: ATTENDANCE_ID,
  participantId: "6a0d3c1e-2b4f-4a8e-9c7d-1e2f3a4b5c6d",
  name: "Kim Weber",
  rsvp: "confirmed",
  journey: "on_the_way",
  state: "late",
  checkedInAt: null,
  checkInMethod: null,
  etaAt: "2026-09-07T05:38:00.000Z",
  etaMethod: "track",
  etaConfidence: "medium",
  distanceM: 2300,
  isLate: true,
  lateMinutes: 3,
  isStale: false,
  position: { lat: 52.5321, lng: 13.4102, accuracyM: 12, at: "2026-09-07T05:27:40.000Z" },
};

export const attendanceEndpoints = [
  defineEndpoint({
    method: "get",
    path: "/occurrences/{occurrenceId}/attendances",
    operationId: "listAttendances",
    tag: "Attendances",
    summary: "List an occurrence's attendances",
    description:
      "Everyone invited, by name: answer, journey, check-in, ETA and lateness, derived as the live map derives them " +
      "(positions from the last few seconds included).",
    capability: "events.read",
    params: OccurrencePath,
    response: {
      status: 200,
      description: "The occurrence and its attendances.",
      schema: z.object({ occurrence: OccurrenceRef, generatedAt: Timestamp, data: z.array(Attendance) }).meta({ id: "AttendanceList" }),
      example: { occurrence: EXAMPLE_OCCURRENCE, generatedAt: "2026-09-07T05:28:00.000Z", data: [EXAMPLE_ATTENDANCE] },
    },
    handler: async (ctx, { params }) => {
      const { occurrence, generatedAt, attendances } = await listOccurrenceAttendances(ctx, params.occurrenceId);
      return { occurrence, generatedAt, data: attendances };
    },
  }),
  defineEndpoint({
    method: "post",
    path: "/attendances/{attendanceId}/check-in",
    operationId: "checkIn",
    tag: "Attendances",
    summary: "Check a participant in",
    description:
      "Checks in by hand, now, or at `arrivedAtLocal` (wall time in the event's zone; required once the occurrence is over, " +
      "from 3 hours before the start to 3 hours after the end). Checking in someone already checked in keeps the first time.",
    capability: "live.checkIn",
    params: AttendancePath,
    body: ManualCheckInInput.meta({ id: "CheckIn" }),
    bodyExample: {},
    response: {
      status: 200,
      description: "Checked in.",
      schema: z.object({ id: z.uuid(), journey: z.literal("arrived"), checkedInAt: Timestamp }).meta({ id: "CheckedIn" }),
      example: { id: ATTENDANCE_ID, journey: "arrived", checkedInAt: "2026-09-07T05:31:12.000Z" },
    },
    errors: { PRECONDITION_FAILED: "The occurrence is cancelled." },
    handler: async (ctx, { params, body }) => {
      const { journey, checkedInAt } = await checkInManually(ctx, params.attendanceId, body);
      return { id: params.attendanceId, journey, checkedInAt: checkedInAt.toISOString() };
    },
  }),
  defineEndpoint({
    method: "delete",
    path: "/attendances/{attendanceId}/check-in",
    operationId: "undoCheckIn",
    tag: "Attendances",
    summary: "Undo a check-in",
    description: "The participant is travelling again if a position was ever received, otherwise not started; their link takes points again.",
    capability: "live.checkIn",
    params: AttendancePath,
    response: {
      status: 200,
      description: "The check-in is undone.",
      schema: z.object({ id: z.uuid(), journey: z.enum(["not_started", "on_the_way"]) }).meta({ id: "CheckInUndone" }),
      example: { id: ATTENDANCE_ID, journey: "on_the_way" },
    },
    errors: { PRECONDITION_FAILED: "The participant is not checked in." },
    handler: async (ctx, { params }) => ({ id: params.attendanceId, ...(await undoCheckIn(ctx, params.attendanceId)) }),
  }),
];
