import { z } from "zod";
import {
  createParticipant,
  deleteParticipant,
  getParticipant,
  pageParticipants,
  ParticipantInput,
  updateParticipant,
  type Participant,
} from "@/lib/participants";
import { defineEndpoint } from "../endpoint";
import { iso, PageQuery, pageOf, Timestamp } from "../schemas";

export const ApiParticipant = z
  .object({
    id: z.uuid(),
    name: z.string(),
    phone: z.string().meta({ description: "E.164: the organization's key for a person.", example: "+4915112345678" }),
    email: z.string().nullable(),
    guardianOf: z.string().nullable().meta({ description: "Whom they come for (a parent's child), if anyone." }),
    language: z.string().nullable().meta({ description: "`en`, `pt-BR`, `es` or `de`; null: the organization's." }),
    metadata: z.record(z.string(), z.string()).meta({ description: "Extra fields, e.g. a class or a bus line." }),
    optedOutAt: Timestamp.nullable().meta({ description: "When they wrote STOP: no messages go to them any more." }),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  })
  .meta({ id: "Participant" });

export const EXAMPLE_PARTICIPANT: z.input<typeof ApiParticipant> = {
  id: "6a0d3c1e-2b4f-4a8e-9c7d-1e2f3a4b5c6d",
  name: "Kim Weber",
  phone: "+4915112345678",
  email: "kim.weber@example.com",
  guardianOf: "Lia Weber",
  language: "de",
  metadata: { Class: "3b" },
  optedOutAt: null,
  createdAt: "2026-09-01T10:00:00.000Z",
  updatedAt: "2026-09-01T10:00:00.000Z",
};

export function toApiParticipant(p: Pick<Participant, keyof z.input<typeof ApiParticipant>>): z.input<typeof ApiParticipant> {
  return {
    id: p.id,
    name: p.name,
    phone: p.phone,
    email: p.email,
    guardianOf: p.guardianOf,
    language: p.language,
    metadata: p.metadata,
    optedOutAt: iso(p.optedOutAt),
    createdAt: iso(p.createdAt),
    updatedAt: iso(p.updatedAt),
  };
}

const ParticipantPath = z.object({ participantId: z.uuid().meta({ description: "The participant's id." }) });
const ParticipantBody = ParticipantInput.meta({
  id: "ParticipantInput",
  description: "A phone number without a country code is read in the organization's default country.",
});
const ParticipantPatch = ParticipantInput.partial().meta({
  id: "ParticipantPatch",
  description: "Only the fields to change; the others keep their values.",
});
const { id: _id, optedOutAt: _out, createdAt: _c, updatedAt: _u, ...EXAMPLE_INPUT } = EXAMPLE_PARTICIPANT;

export const participantEndpoints = [
  defineEndpoint({
    method: "get",
    path: "/participants",
    operationId: "listParticipants",
    tag: "Participants",
    summary: "List participants",
    description:
      "The organization's participants in the order they were added, a page at a time; people added while you page " +
      "come at the end, so none is missed or repeated. `search` matches name, phone or e-mail.",
    capability: "events.read",
    query: PageQuery.extend({
      search: z.string().max(200).optional().meta({ description: "Part of a name, phone number or e-mail.", example: "weber" }),
    }),
    response: {
      status: 200,
      description: "A page of participants.",
      schema: pageOf(ApiParticipant, "ParticipantPage"),
      example: { data: [EXAMPLE_PARTICIPANT], nextCursor: null },
    },
    handler: async (ctx, { query }) => {
      const page = await pageParticipants(ctx, query);
      return { data: page.data.map(toApiParticipant), nextCursor: page.nextCursor };
    },
  }),
  defineEndpoint({
    method: "post",
    path: "/participants",
    operationId: "createParticipant",
    tag: "Participants",
    summary: "Create a participant",
    description: "Adds one person. A phone number another participant has is refused (409): use the bulk upsert to sync by phone.",
    capability: "participants.write",
    body: ParticipantBody,
    bodyExample: EXAMPLE_INPUT,
    response: { status: 201, description: "The participant as created.", schema: ApiParticipant, example: EXAMPLE_PARTICIPANT },
    errors: { CONFLICT: "Another participant has this phone number (or the Idempotency-Key was used for another request)." },
    handler: async (ctx, { body }) => toApiParticipant(await createParticipant(ctx, body)),
  }),
  defineEndpoint({
    method: "get",
    path: "/participants/{participantId}",
    operationId: "getParticipant",
    tag: "Participants",
    summary: "Read a participant",
    description: "One participant.",
    capability: "events.read",
    params: ParticipantPath,
    response: { status: 200, description: "The participant.", schema: ApiParticipant, example: EXAMPLE_PARTICIPANT },
    handler: async (ctx, { params }) => toApiParticipant(await getParticipant(ctx, params.participantId)),
  }),
  defineEndpoint({
    method: "patch",
    path: "/participants/{participantId}",
    operationId: "updateParticipant",
    tag: "Participants",
    summary: "Update a participant",
    description: "Changes some fields. A new phone number must not belong to another participant.",
    capability: "participants.write",
    params: ParticipantPath,
    body: ParticipantPatch,
    bodyExample: { email: "kim@example.org", metadata: { Class: "4a" } },
    response: { status: 200, description: "The participant as saved.", schema: ApiParticipant, example: EXAMPLE_PARTICIPANT },
    errors: { CONFLICT: "Another participant has this phone number." },
    handler: async (ctx, { params, body }) => {
      const { name, phone, email, guardianOf, language, metadata } = await getParticipant(ctx, params.participantId);
      const current = { name, phone, email, guardianOf, language: language as z.input<typeof ParticipantInput>["language"], metadata };
      return toApiParticipant(await updateParticipant(ctx, { ...current, ...body, participantId: params.participantId }));
    },
  }),
  defineEndpoint({
    method: "delete",
    path: "/participants/{participantId}",
    operationId: "deleteParticipant",
    tag: "Participants",
    summary: "Delete a participant",
    description: "Removes the person from the organization with their rosters and attendances, past ones included.",
    capability: "participants.write",
    params: ParticipantPath,
    response: { status: 200, description: "The participant is gone.", schema: z.object({ id: z.uuid(), deleted: z.literal(true) }).meta({ id: "ParticipantDeleted" }), example: { id: EXAMPLE_PARTICIPANT.id, deleted: true } },
    handler: async (ctx, { params }) => {
      await deleteParticipant(ctx, params);
      return { id: params.participantId, deleted: true as const };
    },
  }),
];
