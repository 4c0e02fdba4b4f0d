import { z } from "zod";
import { MESSAGE_KINDS, MESSAGE_STATUSES, pageMessages, type MessageRow } from "@/lib/messages";
import { defineEndpoint } from "../endpoint";
import { iso, PageQuery, pageOf, Timestamp } from "../schemas";

const ApiMessage = z
  .object({
    id: z.uuid(),
    direction: z.enum(["outbound", "inbound"]),
    kind: z.enum(MESSAGE_KINDS).meta({ description: "What it was for: a confirmation request, a reminder, the tracking link, a reply…" }),
    type: z.string().meta({ description: "WhatsApp's message type: template, interactive, text, location, button." }),
    status: z.enum(MESSAGE_STATUSES),
    statusHistory: z.array(z.object({ status: z.string(), at: Timestamp, error: z.string().optional() })),
    errorCode: z.string().nullable(),
    errorMessage: z.string().nullable().meta({ description: "Why it failed, in words." }),
    attempts: z.number().int(),
    retryAt: Timestamp.nullable(),
    createdAt: Timestamp,
    participantId: z.uuid().nullable(),
    participantName: z.string().nullable(),
    occurrenceId: z.uuid().nullable(),
    eventTitle: z.string().nullable(),
  })
  .meta({ id: "Message" });

function toApiMessage(m: Omit<MessageRow, never>): z.input<typeof ApiMessage> {
  return {
    id: m.id,
    direction: m.direction,
    kind: m.kind,
    type: m.type,
    status: m.status,
    statusHistory: m.statusHistory,
    errorCode: m.errorCode,
    errorMessage: m.errorMessage,
    attempts: m.attempts,
    retryAt: iso(m.retryAt),
    createdAt: iso(m.createdAt),
    participantId: m.participantId,
    participantName: m.participantName,
    occurrenceId: m.instanceId,
    eventTitle: m.eventTitle,
  };
}

const EXAMPLE_MESSAGE: z.input<typeof ApiMessage> = {
  id: "5d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a",
  direction: "outbound",
  kind: "reminder",
  type: "template",
  status: "read",
  statusHistory: [
    { status: "sent", at: "2026-09-07T03:30:02.000Z" },
    { status: "delivered", at: "2026-09-07T03:30:04.000Z" },
    { status: "read", at: "2026-09-07T03:41:19.000Z" },
  ],
  errorCode: null,
  errorMessage: null,
  attempts: 0,
  retryAt: null,
  createdAt: "2026-09-07T03:30:01.000Z",
  participantId: "6a0d3c1e-2b4f-4a8e-9c7d-1e2f3a4b5c6d",
  participantName: "Kim Weber",
  occurrenceId: "c2d3e4f5-a6b7-4c8d-9e0f-1a2b3c4d5e6f",
  eventTitle: "Morning bus to school",
};

export const messageEndpoints = [
  defineEndpoint({
    method: "get",
    path: "/messages",
    operationId: "listMessages",
    tag: "Messages",
    summary: "List messages",
    description:
      "WhatsApp messages in and out, oldest first, a page at a time, with filters. Messages written while you page come at " +
      "the end, so none is missed or repeated. To fetch newer ones later, ask with `from` set to the last one's `createdAt` " +
      "(that one comes again).",
    capability: "events.read",
    query: PageQuery.extend({
      occurrenceId: z.uuid().optional().meta({ description: "Only this occurrence's messages." }),
      participantId: z.uuid().optional().meta({ description: "Only messages to or from this participant." }),
      status: z.enum(MESSAGE_STATUSES).optional(),
      kind: z.enum(MESSAGE_KINDS).optional(),
      from: z.iso.datetime({ offset: true }).optional().meta({ description: "Written at or after this instant.", example: "2026-09-07T00:00:00Z" }),
      to: z.iso.datetime({ offset: true }).optional().meta({ description: "Written before this instant.", example: "2026-09-08T00:00:00Z" }),
    }),
    response: {
      status: 200,
      description: "A page of messages.",
      schema: pageOf(ApiMessage, "MessagePage"),
      example: { data: [EXAMPLE_MESSAGE], nextCursor: null },
    },
    handler: async (ctx, { query }) => {
      const { occurrenceId, ...filters } = query;
      const page = await pageMessages(ctx, { ...filters, instanceId: occurrenceId });
      return { data: page.data.map(toApiMessage), nextCursor: page.nextCursor };
    },
  }),
];
