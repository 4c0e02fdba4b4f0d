import { z } from "zod";
import { addToRoster, listRoster, ParticipantInput, removeFromRoster, UPSERT_MAX_ROWS, upsertParticipants } from "@/lib/participants";
import { defineEndpoint } from "../endpoint";
import { ApiErrorBody, iso, Timestamp } from "../schemas";
import { ApiParticipant, EXAMPLE_PARTICIPANT } from "./participants";

/** The JSON Schema of one row as the documentation shows it, generated from the schema every row is read with. */
const { $schema: _, ...ROW_JSON_SCHEMA } = z.toJSONSchema(ParticipantInput, { io: "input", unrepresentable: "any" }) as Record<string, unknown>;

const UpsertBody = z
  .object({
    rows: z
      .array(
        // Each row is read on its own by the domain, so one bad row becomes its own result instead of failing the rest.
        z.unknown().meta({
          description: "A person: `name` and `phone` required; fields left out keep their values.",
          override: ({ jsonSchema }) => void Object.assign(jsonSchema, ROW_JSON_SCHEMA),
        }),
      )
      .min(1)
      .max(UPSERT_MAX_ROWS)
      .meta({ description: `1 to ${UPSERT_MAX_ROWS} people, matched by phone number.` }),
    eventId: z.uuid().optional().meta({ description: "Put every person of the request on this event's roster." }),
  })
  .meta({ id: "ParticipantUpsert" });

const RowResult = z
  .object({
    index: z.number().int().meta({ description: "The row's position in `rows`, from 0." }),
    status: z.enum(["created", "updated", "unchanged", "error"]),
    id: z.uuid().optional().meta({ description: "The participant's id (not for an error)." }),
    error: ApiErrorBody.shape.error.optional().meta({ description: "Why the row was not taken (only for an error)." }),
  })
  .meta({ id: "ParticipantUpsertRow" });

const UpsertAnswer = z
  .object({
    results: z.array(RowResult),
    counts: z.object({ created: z.number().int(), updated: z.number().int(), unchanged: z.number().int(), error: z.number().int() }),
    roster: z
      .object({
        eventId: z.uuid(),
        added: z.number().int().meta({ description: "People newly put on the roster." }),
        attendancesCreated: z.number().int().meta({ description: "Their attendances of the event's future occurrences." }),
      })
      .nullable(),
  })
  .meta({ id: "ParticipantUpsertResult" });

const EVENT_ID = "3f1c2a9e-6b7d-4e52-9a8f-0c1d2e3f4a5b";

const RosterEntry = ApiParticipant.omit({ createdAt: true, updatedAt: true })
  .extend({
    addedAt: Timestamp.meta({ description: "When they were put on this roster." }),
    noWhatsAppReason: z.string().nullable().meta({ description: "Why WhatsApp cannot reach the number (a landline…); null for a mobile." }),
  })
  .meta({ id: "RosterEntry" });
const { createdAt: _c, updatedAt: _u, ...ENTRY } = EXAMPLE_PARTICIPANT;
const EXAMPLE_ENTRY = { ...ENTRY, addedAt: "2026-09-01T10:00:00.000Z", noWhatsAppReason: null };

const EventPath = z.object({ eventId: z.uuid().meta({ description: "The event's id." }) });
const RosterPath = EventPath.extend({ participantId: z.uuid().meta({ description: "The participant's id." }) });

export const rosterEndpoints = [
  defineEndpoint({
    method: "post",
    path: "/participants/bulk-upsert",
    operationId: "upsertParticipants",
    tag: "Participants",
    summary: "Create or update participants by phone (roster sync)",
    description:
      `Up to ${UPSERT_MAX_ROWS} people in one request, matched by phone number (read in the organization's default country ` +
      "when written without a country code). A new number creates a person; a known one gets the row's name and the fields " +
      "the row gives (fields left out keep their values). Every row has its own result: a bad row is reported and the others " +
      "are still written. Sending the same rows again reports them `unchanged`. With `eventId` everyone in the request is " +
      "also put on that event's roster. The body may be up to 2 MiB.",
    capability: "participants.write",
    body: UpsertBody,
    maxBodyBytes: 2 * 1024 * 1024,
    bodyExample: {
      eventId: EVENT_ID,
      rows: [
        { name: "Kim Weber", phone: "0151 12345678", guardianOf: "Lia Weber", metadata: { Class: "3b" } },
        { name: "Jonas Braun", phone: "+49 160 9876543", email: "jonas@example.com" },
        { name: "Ada", phone: "12" },
      ],
    },
    response: {
      status: 200,
      description: "One result per row, in the order sent.",
      schema: UpsertAnswer,
      example: {
        results: [
          { index: 0, status: "created", id: EXAMPLE_PARTICIPANT.id },
          { index: 1, status: "unchanged", id: "9b8a7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d" },
          {
            index: 2,
            status: "error",
            error: { code: "VALIDATION", message: "phone: Too short for a phone number.", fields: { phone: ["Too short for a phone number."] } },
          },
        ],
        counts: { created: 1, updated: 0, unchanged: 1, error: 1 },
        roster: { eventId: EVENT_ID, added: 1, attendancesCreated: 3 },
      },
    },
    errors: { NOT_FOUND: "No such event in this organization (with `eventId`).", PAYLOAD_TOO_LARGE: "The body is larger than 2 MiB." },
    handler: async (ctx, { body }) => upsertParticipants(ctx, body),
  }),
  defineEndpoint({
    method: "get",
    path: "/events/{eventId}/roster",
    operationId: "listRoster",
    tag: "Rosters",
    summary: "List an event's roster",
    description: "Everyone the event invites, by name.",
    capability: "events.read",
    params: EventPath,
    response: {
      status: 200,
      description: "The roster.",
      schema: z.object({ data: z.array(RosterEntry) }).meta({ id: "Roster" }),
      example: { data: [EXAMPLE_ENTRY] },
    },
    handler: async (ctx, { params }) => ({
      data: (await listRoster(ctx, params.eventId)).map(({ participantId, addedAt, optedOutAt, ...entry }) => ({
        id: participantId,
        ...entry,
        optedOutAt: iso(optedOutAt),
        addedAt: iso(addedAt),
      })),
    }),
  }),
  defineEndpoint({
    method: "post",
    path: "/events/{eventId}/roster",
    operationId: "addToRoster",
    tag: "Rosters",
    summary: "Put a participant on an event's roster",
    description:
      "The participant is invited to the event's future occurrences (an attendance each; confirmations already sent go to them " +
      "too). Adding someone already on the roster changes nothing (`added: false`).",
    capability: "participants.write",
    params: EventPath,
    body: z.object({ participantId: z.uuid() }).meta({ id: "RosterAdd" }),
    bodyExample: { participantId: EXAMPLE_PARTICIPANT.id },
    response: {
      status: 200,
      description: "Whether they were added, and the attendances made.",
      schema: z.object({ eventId: z.uuid(), participantId: z.uuid(), added: z.boolean(), attendancesCreated: z.number().int() }).meta({ id: "RosterAdded" }),
      example: { eventId: EVENT_ID, participantId: EXAMPLE_PARTICIPANT.id, added: true, attendancesCreated: 12 },
    },
    errors: { NOT_FOUND: "No such event or participant in this organization." },
    handler: async (ctx, { params, body }) => ({
      eventId: params.eventId,
      participantId: body.participantId,
      ...(await addToRoster(ctx, { eventId: params.eventId, participantId: body.participantId })),
    }),
  }),
  defineEndpoint({
    method: "delete",
    path: "/events/{eventId}/roster/{participantId}",
    operationId: "removeFromRoster",
    tag: "Rosters",
    summary: "Take a participant off an event's roster",
    description:
      "Their attendances of future occurrences go too, unless something already happened there (an answer, a journey): that " +
      "record is kept, like every past one.",
    capability: "participants.write",
    params: RosterPath,
    response: {
      status: 200,
      description: "What was removed and kept.",
      schema: z
        .object({ eventId: z.uuid(), participantId: z.uuid(), removed: z.literal(true), attendancesRemoved: z.number().int(), futureAttendancesKept: z.number().int() })
        .meta({ id: "RosterRemoved" }),
      example: { eventId: EVENT_ID, participantId: EXAMPLE_PARTICIPANT.id, removed: true, attendancesRemoved: 11, futureAttendancesKept: 1 },
    },
    errors: { NOT_FOUND: "No such event in this organization, or the participant is not on its roster." },
    handler: async (ctx, { params }) => ({
      eventId: params.eventId,
      participantId: params.participantId,
      removed: true as const,
      ...(await removeFromRoster(ctx, params)),
    }),
  }),
];
