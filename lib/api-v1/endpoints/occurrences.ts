import { z } from "zod";
import {
  cancelOccurrence,
  getOccurrence,
  listOccurrencesPage,
  MoveOccurrenceInput,
  moveOccurrence,
  OCCURRENCE_STATUSES,
} from "@/lib/occurrences";
import { instantToLocal } from "@/lib/recurrence";
import type { OrgContext } from "@/lib/tenant";
import { defineEndpoint } from "../endpoint";
import { iso, PageQuery, pageOf, Timestamp } from "../schemas";

const Count = z.number().int().min(0);
const RsvpCounts = z.object({ total: Count, pending: Count, confirmed: Count, declined: Count });

const ApiOccurrence = z
  .object({
    id: z.uuid(),
    eventId: z.uuid(),
    eventTitle: z.string(),
    status: z.enum(OCCURRENCE_STATUSES),
    startsAt: Timestamp,
    endsAt: Timestamp,
    startsLocal: z.string().meta({ description: "The start as wall-clock time in `timeZone`.", example: "2026-09-07T07:30" }),
    endsLocal: z.string().meta({ example: "2026-09-07T08:00" }),
    timeZone: z.string().meta({ example: "Europe/Berlin" }),
    isDetached: z.boolean().meta({ description: "Moved or edited by hand: later rule changes leave it where it is." }),
    rsvp: RsvpCounts.meta({ description: "Answers of the people on it." }),
  })
  .meta({ id: "Occurrence" });

const ApiOccurrenceDetails = ApiOccurrence.extend({
  journey: z
    .object({ not_started: Count, on_the_way: Count, arrived: Count, no_show: Count })
    .meta({ description: "Where the people on it are." }),
  trackingWindow: z
    .object({ opensAt: Timestamp, closesAt: Timestamp })
    .meta({ description: "When tracking links work: from the tracking message before the start until the closure after the end." }),
}).meta({ id: "OccurrenceDetails" });

const EXAMPLE: z.input<typeof ApiOccurrence> = {
  id: "8a4e2c1b-3d5f-4a6b-9c7d-1e2f3a4b5c6d",
  eventId: "3f1c2a9e-6b7d-4e52-9a8f-0c1d2e3f4a5b",
  eventTitle: "Morning bus to school",
  status: "scheduled",
  startsAt: "2026-09-07T05:30:00.000Z",
  endsAt: "2026-09-07T06:00:00.000Z",
  startsLocal: "2026-09-07T07:30",
  endsLocal: "2026-09-07T08:00",
  timeZone: "Europe/Berlin",
  isDetached: false,
  rsvp: { total: 24, pending: 3, confirmed: 20, declined: 1 },
};
const EXAMPLE_DETAILS: z.input<typeof ApiOccurrenceDetails> = {
  ...EXAMPLE,
  journey: { not_started: 20, on_the_way: 3, arrived: 1, no_show: 0 },
  trackingWindow: { opensAt: "2026-09-07T04:30:00.000Z", closesAt: "2026-09-07T06:30:00.000Z" },
};

async function readOccurrence(ctx: OrgContext, occurrenceId: string): Promise<z.input<typeof ApiOccurrenceDetails>> {
  const o = await getOccurrence(ctx, occurrenceId);
  const { rsvp, journey } = o.counts;
  return {
    ...{ id: o.id, eventId: o.eventId, eventTitle: o.event.title, status: o.status, isDetached: o.isDetached },
    ...{ startsAt: iso(o.startsAt), endsAt: iso(o.endsAt), startsLocal: o.startsLocal, endsLocal: o.endsLocal },
    timeZone: o.event.timeZone,
    rsvp,
    journey,
    trackingWindow: { opensAt: iso(o.trackingWindow.validFrom), closesAt: iso(o.trackingWindow.validUntil) },
  };
}

const OccurrencePath = z.object({ occurrenceId: z.uuid().meta({ description: "The occurrence's id." }) });

export const occurrenceEndpoints = [
  defineEndpoint({
    method: "get",
    path: "/occurrences",
    operationId: "listOccurrences",
    tag: "Occurrences",
    summary: "List occurrences in a date range",
    description: "Occurrences starting in [`from`, `to`) (at most 366 days), in start order, a page at a time.",
    capability: "events.read",
    query: PageQuery.extend({
      from: z.iso.datetime({ offset: true }).meta({ description: "Start of the range (inclusive).", example: "2026-09-01T00:00:00Z" }),
      to: z.iso.datetime({ offset: true }).meta({ description: "End of the range (exclusive).", example: "2026-10-01T00:00:00Z" }),
      eventId: z.uuid().optional().meta({ description: "Only this event's occurrences." }),
      status: z.enum(OCCURRENCE_STATUSES).optional(),
    }),
    response: { status: 200, description: "A page of occurrences.", schema: pageOf(ApiOccurrence, "OccurrencePage"), example: { data: [EXAMPLE], nextCursor: null } },
    handler: async (ctx, { query }) => {
      const page = await listOccurrencesPage(ctx, query);
      const data = page.data.map((o) => ({
        ...{ id: o.id, eventId: o.eventId, eventTitle: o.eventTitle, status: o.status, isDetached: o.isDetached },
        ...{ startsAt: iso(o.startsAt), endsAt: iso(o.endsAt), startsLocal: o.startsLocal },
        endsLocal: instantToLocal(o.endsAt, o.timeZone),
        timeZone: o.timeZone,
        rsvp: o.rsvp,
      }));
      return { data, nextCursor: page.nextCursor };
    },
  }),
  defineEndpoint({
    method: "get",
    path: "/occurrences/{occurrenceId}",
    operationId: "getOccurrence",
    tag: "Occurrences",
    summary: "Read an occurrence",
    description: "One occurrence with its counts by answer and by journey, and its tracking window.",
    capability: "events.read",
    params: OccurrencePath,
    response: { status: 200, description: "The occurrence.", schema: ApiOccurrenceDetails, example: EXAMPLE_DETAILS },
    handler: async (ctx, { params }) => readOccurrence(ctx, params.occurrenceId),
  }),
  defineEndpoint({
    method: "post",
    path: "/occurrences/{occurrenceId}/cancel",
    operationId: "cancelOccurrence",
    tag: "Occurrences",
    summary: "Cancel an occurrence",
    description: "Cancels one occurrence and its pending messages. Cancelling again changes nothing.",
    capability: "events.write",
    params: OccurrencePath,
    errors: { PRECONDITION_FAILED: "The occurrence has already taken place." },
    response: { status: 200, description: "The cancelled occurrence.", schema: ApiOccurrenceDetails, example: { ...EXAMPLE_DETAILS, status: "cancelled" } },
    handler: async (ctx, { params }) => {
      await cancelOccurrence(ctx, { instanceId: params.occurrenceId });
      return readOccurrence(ctx, params.occurrenceId);
    },
  }),
  defineEndpoint({
    method: "post",
    path: "/occurrences/{occurrenceId}/move",
    operationId: "moveOccurrence",
    tag: "Occurrences",
    summary: "Move an occurrence",
    description:
      "Moves one occurrence to a new start (wall-clock time in the event's zone), keeping its length; its pending messages follow it.",
    capability: "events.write",
    params: OccurrencePath,
    body: MoveOccurrenceInput.pick({ startsLocal: true }).meta({ id: "MoveOccurrence" }),
    bodyExample: { startsLocal: "2026-09-07T08:15" },
    errors: { PRECONDITION_FAILED: "The occurrence is cancelled or has already taken place." },
    response: {
      status: 200,
      description: "The moved occurrence.",
      schema: ApiOccurrenceDetails,
      example: { ...EXAMPLE_DETAILS, startsLocal: "2026-09-07T08:15", isDetached: true },
    },
    handler: async (ctx, { params, body }) => {
      await moveOccurrence(ctx, { instanceId: params.occurrenceId, startsLocal: body.startsLocal });
      return readOccurrence(ctx, params.occurrenceId);
    },
  }),
];
