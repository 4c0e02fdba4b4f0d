import { z } from "zod";
import { getAttendanceReport, OUTCOMES, type AttendanceReport } from "@/lib/reports";
import { defineEndpoint } from "../endpoint";
import { iso, Timestamp } from "../schemas";

const Outcome = z.enum(OUTCOMES).meta({
  description: "on_time / late: checked in by or after the start + grace; no_show: confirmed and never came; expected: confirmed, still running.",
});

const count = z.number().int();
const Tally = z
  .object({
    on_time: count,
    late: count,
    no_show: count,
    declined: count,
    no_answer: count,
    expected: count,
    invited: count,
    arrived: count,
    averageMinutesLate: z.number().nullable().meta({ description: "Mean minutes after the start of the late arrivals." }),
    attendanceRate: z.number().nullable().meta({ description: "arrived ÷ invited, 0 to 1." }),
  })
  .meta({ id: "Tally" });

const LocalTime = z.string().meta({ description: "Wall-clock time in the event's zone.", example: "2026-09-07T07:30" });

const Report = z
  .object({
    event: z.object({ id: z.uuid(), title: z.string(), timeZone: z.string(), lateGraceMinutes: z.number().int() }),
    range: z.object({ from: z.iso.date(), to: z.iso.date() }),
    totals: Tally,
    cancelled: z.number().int().meta({ description: "Occurrences in the range that were cancelled (not counted)." }),
    occurrences: z.array(z.object({ id: z.uuid(), startsAt: Timestamp, startsLocal: LocalTime, inProgress: z.boolean(), tally: Tally })),
    participants: z.array(z.object({ participantId: z.uuid(), name: z.string(), contact: z.string(), tally: Tally })),
    rows: z.array(
      z.object({
        occurrenceId: z.uuid(),
        startsAt: Timestamp,
        startsLocal: LocalTime,
        participantId: z.uuid(),
        name: z.string(),
        phone: z.string(),
        guardianOf: z.string().nullable(),
        rsvp: z.enum(["pending", "confirmed", "declined"]),
        outcome: Outcome,
        minutesLate: z.number().int().nullable(),
        checkedInAt: Timestamp.nullable(),
        checkedInLocal: LocalTime.nullable(),
        checkInMethod: z.enum(["geofence", "manual", "whatsapp_location"]).nullable(),
      }),
    ),
  })
  .meta({ id: "AttendanceReport" });

function toApiReport(report: AttendanceReport): z.input<typeof Report> {
  return {
    event: report.event,
    range: report.range,
    totals: report.totals,
    cancelled: report.cancelled,
    occurrences: report.occurrences.map(({ id, startsAt, startsLocal, inProgress, tally }) => ({ id, startsAt: iso(startsAt), startsLocal, inProgress, tally })),
    participants: report.participants,
    rows: report.rows.map((row) => ({
      occurrenceId: row.instanceId,
      startsAt: iso(row.startsAt),
      startsLocal: row.startsLocal,
      participantId: row.participantId,
      name: row.name,
      phone: row.phone,
      guardianOf: row.guardianOf,
      rsvp: row.rsvp,
      outcome: row.outcome,
      minutesLate: row.minutesLate,
      checkedInAt: iso(row.checkedInAt),
      checkedInLocal: row.checkedInLocal,
      checkInMethod: row.checkInMethod,
    })),
  };
}

const TALLY = { on_time: 1, late: 1, no_show: 0, declined: 0, no_answer: 0, expected: 0, invited: 2, arrived: 2, averageMinutesLate: 7, attendanceRate: 1 };
const EVENT_ID = "3f1c2a9e-6b7d-4e52-9a8f-0c1d2e3f4a5b";
const OCCURRENCE_ID = "c2d3e4f5-a6b7-4c8d-9e0f-1a2b3c4d5e6f";
const KIM = "6a0d3c1e-2b4f-4a8e-9c7d-1e2f3a4b5c6d";
const EXAMPLE_ROW = {
  occurrenceId: OCCURRENCE_ID,
  startsAt: "2026-09-07T05:30:00.000Z",
  startsLocal: "2026-09-07T07:30",
  participantId: KIM,
  name: "Kim Weber",
  phone: "+4915112345678",
  guardianOf: "Lia Weber",
  rsvp: "confirmed" as const,
  outcome: "late" as const,
  minutesLate: 7,
  checkedInAt: "2026-09-07T05:37:10.000Z",
  checkedInLocal: "2026-09-07T07:37",
  checkInMethod: "geofence" as const,
};

export const reportEndpoints = [
  defineEndpoint({
    method: "get",
    path: "/events/{eventId}/report",
    operationId: "getAttendanceReport",
    tag: "Reports",
    summary: "An event's attendance report",
    description:
      "What came of the event's occurrences that started on the local dates `from`..`to` (the event's zone; default the last " +
      "30 days up to today, at most 366 days): per occurrence, per participant and in all, who came on time, late, not at all, " +
      "declined or never answered; and one row per participant and occurrence.",
    capability: "events.read",
    params: z.object({ eventId: z.uuid().meta({ description: "The event's id." }) }),
    query: z.object({
      from: z.iso.date("Enter the first day as a date.").optional().meta({ description: "First local date (YYYY-MM-DD).", example: "2026-09-01" }),
      to: z.iso.date("Enter the last day as a date.").optional().meta({ description: "Last local date, included.", example: "2026-09-30" }),
    }),
    response: {
      status: 200,
      description: "The report.",
      schema: Report,
      example: {
        event: { id: EVENT_ID, title: "Morning bus to school", timeZone: "Europe/Berlin", lateGraceMinutes: 5 },
        range: { from: "2026-09-01", to: "2026-09-30" },
        totals: TALLY,
        cancelled: 0,
        occurrences: [{ id: OCCURRENCE_ID, startsAt: "2026-09-07T05:30:00.000Z", startsLocal: "2026-09-07T07:30", inProgress: false, tally: TALLY }],
        participants: [{ participantId: KIM, name: "Kim Weber", contact: "Lia Weber", tally: { ...TALLY, on_time: 0, invited: 1, arrived: 1 } }],
        rows: [EXAMPLE_ROW],
      },
    },
    handler: async (ctx, { params, query }) => toApiReport(await getAttendanceReport(ctx, { eventId: params.eventId, ...query })),
  }),
];
