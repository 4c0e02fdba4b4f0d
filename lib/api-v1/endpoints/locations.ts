import { z } from "zod";
import { listLatestPositions } from "@/lib/live";
import { listTrail, TrailInput } from "@/lib/tracking";
import { defineEndpoint } from "../endpoint";
import { iso, Timestamp } from "../schemas";
import { AttendancePath, EXAMPLE_OCCURRENCE, OccurrencePath, OccurrenceRef, Position } from "./attendances";

const LatestPosition = Position.extend({
  attendanceId: z.uuid(),
  participantId: z.uuid(),
  journey: z.enum(["not_started", "on_the_way", "arrived", "no_show"]),
}).meta({ id: "LatestPosition" });

const TrailPoint = z
  .object({
    recordedAt: Timestamp.meta({ description: "The phone's clock." }),
    lat: z.number(),
    lng: z.number(),
    accuracyM: z.number(),
    altitudeM: z.number().nullable(),
    speedMps: z.number().nullable(),
    headingDeg: z.number().nullable(),
    source: z.enum(["browser", "whatsapp", "manual"]).meta({ description: "The tracking page, a location shared in WhatsApp, or by hand." }),
  })
  .meta({ id: "TrailPoint" });

const ATTENDANCE_ID = "0e1f2a3b-4c5d-4e6f-8a9b-0c1d2e3f4a5b";
const PARTICIPANT_ID = "6a0d3c1e-2b4f-4a8e-9c7d-1e2f3a4b5c6d";

export const locationEndpoints = [
  defineEndpoint({
    method: "get",
    path: "/occurrences/{occurrenceId}/positions",
    operationId: "listLatestPositions",
    tag: "Locations",
    summary: "Latest position per attendance",
    description: "The newest fix of everyone in the occurrence who has sent one (seconds old: the live map's source).",
    capability: "events.read",
    params: OccurrencePath,
    response: {
      status: 200,
      description: "The positions.",
      schema: z.object({ occurrence: OccurrenceRef, generatedAt: Timestamp, data: z.array(LatestPosition) }).meta({ id: "LatestPositions" }),
      example: {
        occurrence: EXAMPLE_OCCURRENCE,
        generatedAt: "2026-09-07T05:28:00.000Z",
        data: [
          { attendanceId: ATTENDANCE_ID, participantId: PARTICIPANT_ID, journey: "on_the_way", lat: 52.5321, lng: 13.4102, accuracyM: 12, at: "2026-09-07T05:27:40.000Z" },
        ],
      },
    },
    handler: async (ctx, { params }) => {
      const { occurrence, generatedAt, positions } = await listLatestPositions(ctx, params.occurrenceId);
      return { occurrence, generatedAt, data: positions };
    },
  }),
  defineEndpoint({
    method: "get",
    path: "/attendances/{attendanceId}/trail",
    operationId: "getTrail",
    tag: "Locations",
    summary: "An attendance's trail",
    description:
      "The points the participant's phone sent during the occurrence's tracking window, oldest first, a page at a time. " +
      "Points older than the organization's retention period are gone; with the location buffer, the newest points " +
      "appear here within a minute (the latest position has them at once).",
    capability: "events.read",
    params: AttendancePath,
    query: TrailInput,
    response: {
      status: 200,
      description: "A page of the trail.",
      schema: z
        .object({
          attendanceId: z.uuid(),
          participantId: z.uuid(),
          retainedFrom: Timestamp.meta({ description: "Nothing older than this is kept (or was ever taken)." }),
          data: z.array(TrailPoint),
          nextCursor: z.string().nullable().meta({ description: "Pass as `cursor` for the next page; null on the last page." }),
        })
        .meta({ id: "Trail" }),
      example: {
        attendanceId: ATTENDANCE_ID,
        participantId: PARTICIPANT_ID,
        retainedFrom: "2026-09-07T04:30:00.000Z",
        data: [
          { recordedAt: "2026-09-07T05:20:00.000Z", lat: 52.5412, lng: 13.4187, accuracyM: 9, altitudeM: null, speedMps: 8.2, headingDeg: 190, source: "browser" },
          { recordedAt: "2026-09-07T05:20:15.000Z", lat: 52.5401, lng: 13.4179, accuracyM: 8, altitudeM: null, speedMps: 8.6, headingDeg: 192, source: "browser" },
        ],
        nextCursor: null,
      },
    },
    handler: async (ctx, { params, query }) => {
      const trail = await listTrail(ctx, params.attendanceId, query);
      return { ...trail, retainedFrom: iso(trail.retainedFrom), data: trail.data.map((p) => ({ ...p, recordedAt: iso(p.recordedAt) })) };
    },
  }),
];
