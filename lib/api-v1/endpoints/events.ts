import { z } from "zod";
import {
  EVENT_KINDS,
  EVENT_STATUSES,
  EventFields,
  EventInput,
  EventSchedule,
  getEvent,
  listEventsPage,
  TRAVEL_MODES,
  type EventDetails,
} from "@/lib/events";
import { createEvent, deleteEvent, updateEvent } from "@/lib/occurrences";
import { RecurrenceRule } from "@/lib/recurrence";
import { defineEndpoint } from "../endpoint";
import { iso, PageQuery, pageOf, Timestamp } from "../schemas";

const ApiEvent = z
  .object({
    id: z.uuid(),
    title: z.string(),
    description: z.string(),
    kind: z.enum(EVENT_KINDS).meta({ description: "`demand`: one-off; `periodic`: recurring by `rule`." }),
    status: z.enum(EVENT_STATUSES),
    dtstartLocal: z.string().meta({ description: "First start, wall-clock time in `timeZone`.", example: "2026-09-07T07:30" }),
    timeZone: z.string().meta({ example: "Europe/Berlin" }),
    durationMinutes: z.number().int(),
    rule: RecurrenceRule.nullable().meta({ description: "The recurrence (null for one-off events)." }),
    exdates: z.array(z.string()).meta({ description: "Skipped starts, wall-clock time in `timeZone`." }),
    venueName: z.string(),
    venueAddress: z.string(),
    venueLat: z.number(),
    venueLng: z.number(),
    arrivalRadiusM: z.number().int(),
    travelMode: z.enum(TRAVEL_MODES),
    lateGraceMinutes: z.number().int(),
    schedule: EventSchedule,
    rosterSize: z.number().int().meta({ description: "People on the event's roster." }),
    nextStartsAt: Timestamp.nullable().meta({ description: "The next scheduled occurrence's start, if any." }),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  })
  .meta({ id: "Event" });

const EXAMPLE_EVENT: z.input<typeof ApiEvent> = {
  id: "3f1c2a9e-6b7d-4e52-9a8f-0c1d2e3f4a5b",
  title: "Morning bus to school",
  description: "",
  kind: "periodic",
  status: "active",
  dtstartLocal: "2026-09-07T07:30",
  timeZone: "Europe/Berlin",
  durationMinutes: 30,
  rule: { frequency: "weekly", interval: 1, weekdays: ["MO", "TU", "WE", "TH", "FR"], end: { type: "never" } },
  exdates: [],
  venueName: "Lindenschule",
  venueAddress: "Lindenstraße 1, Berlin",
  venueLat: 52.52,
  venueLng: 13.405,
  arrivalRadiusM: 150,
  travelMode: "driving",
  lateGraceMinutes: 5,
  schedule: { confirmationOffsetMinutes: 1440, reminderOffsetMinutes: 120, trackingOffsetMinutes: 60, closureOffsetMinutes: 30 },
  rosterSize: 24,
  nextStartsAt: "2026-09-07T05:30:00.000Z",
  createdAt: "2026-09-01T10:00:00.000Z",
  updatedAt: "2026-09-01T10:00:00.000Z",
};

const { id: _id, status: _status, rosterSize: _size, nextStartsAt: _next, createdAt: _created, updatedAt: _updated, ...EXAMPLE_INPUT } =
  EXAMPLE_EVENT;

function toApiEvent(event: EventDetails): z.input<typeof ApiEvent> {
  return {
    id: event.id,
    title: event.title,
    description: event.description,
    kind: event.kind,
    status: event.status,
    dtstartLocal: event.dtstartLocal,
    timeZone: event.timeZone,
    durationMinutes: event.durationMinutes,
    rule: event.rule,
    exdates: event.exdates,
    venueName: event.venueName,
    venueAddress: event.venueAddress,
    venueLat: event.venueLat,
    venueLng: event.venueLng,
    arrivalRadiusM: event.arrivalRadiusM,
    travelMode: event.travelMode,
    lateGraceMinutes: event.lateGraceMinutes,
    schedule: event.schedule,
    rosterSize: event.rosterSize,
    nextStartsAt: iso(event.nextStartsAt),
    createdAt: iso(event.createdAt),
    updatedAt: iso(event.updatedAt),
  };
}

/** An event as the editor would post it again: the base a PATCH's fields are laid over. */
function editableFields(event: EventDetails): EventInput {
  const { title, description, kind, dtstartLocal, durationMinutes, timeZone, exdates, schedule } = event;
  const { venueName, venueAddress, venueLat, venueLng, arrivalRadiusM, travelMode, lateGraceMinutes } = event;
  return {
    ...{ title, description, kind, dtstartLocal, durationMinutes, timeZone, exdates, schedule },
    ...{ venueName, venueAddress, venueLat, venueLng, arrivalRadiusM, travelMode, lateGraceMinutes },
    rule: event.rule ?? undefined,
  };
}

const EventPath = z.object({ eventId: z.uuid().meta({ description: "The event's id." }) });
const EventBody = EventInput.meta({ id: "EventInput" });
/**
 * Every field optional and WITHOUT its default: zod 4 fills a default in even for an optional key, which would turn a
 * PATCH of the title into a reset of the radius, schedule and skipped dates.
 */
const patchShape = Object.fromEntries(
  Object.entries(EventFields.shape).map(([key, field]) => [key, (field instanceof z.ZodDefault ? field.unwrap() : field).optional()]),
) as unknown as { [K in keyof typeof EventFields.shape]: z.ZodOptional<z.ZodType<z.output<(typeof EventFields.shape)[K]>>> };
const EventPatch = z.object(patchShape).meta({
  id: "EventPatch",
  description: "Only the fields to change; the others keep their values. Changing the timing re-plans future occurrences.",
});

export const eventEndpoints = [
  defineEndpoint({
    method: "get",
    path: "/events",
    operationId: "listEvents",
    tag: "Events",
    summary: "List events",
    description: "The organization's events in creation order (oldest first), a page at a time.",
    capability: "events.read",
    query: PageQuery.extend({ status: z.enum(EVENT_STATUSES).optional().meta({ description: "Only active or archived events." }) }),
    response: { status: 200, description: "A page of events.", schema: pageOf(ApiEvent, "EventPage"), example: { data: [EXAMPLE_EVENT], nextCursor: null } },
    handler: async (ctx, { query }) => {
      const page = await listEventsPage(ctx, query);
      return { data: page.data.map(toApiEvent), nextCursor: page.nextCursor };
    },
  }),
  defineEndpoint({
    method: "post",
    path: "/events",
    operationId: "createEvent",
    tag: "Events",
    summary: "Create an event",
    description: "Creates the event and plans its occurrences for the next 60 days, with their messages.",
    capability: "events.write",
    body: EventBody,
    bodyExample: EXAMPLE_INPUT,
    response: { status: 201, description: "The event as created.", schema: ApiEvent, example: EXAMPLE_EVENT },
    handler: async (ctx, { body }) => toApiEvent(await getEvent(ctx, (await createEvent(ctx, body)).id)),
  }),
  defineEndpoint({
    method: "get",
    path: "/events/{eventId}",
    operationId: "getEvent",
    tag: "Events",
    summary: "Read an event",
    description: "One event with its roster size and next start.",
    capability: "events.read",
    params: EventPath,
    response: { status: 200, description: "The event.", schema: ApiEvent, example: EXAMPLE_EVENT },
    handler: async (ctx, { params }) => toApiEvent(await getEvent(ctx, params.eventId)),
  }),
  defineEndpoint({
    method: "patch",
    path: "/events/{eventId}",
    operationId: "updateEvent",
    tag: "Events",
    summary: "Update an event",
    description:
      "Changes some fields. A new rule, start, zone or skipped dates re-plan the future occurrences nothing has happened to yet; " +
      "a schedule change re-times pending messages.",
    capability: "events.write",
    params: EventPath,
    body: EventPatch,
    bodyExample: { title: "Morning bus (new stop)", venueName: "Lindenschule, Tor 2" },
    response: { status: 200, description: "The event as saved.", schema: ApiEvent, example: EXAMPLE_EVENT },
    handler: async (ctx, { params, body }) => {
      const current = await getEvent(ctx, params.eventId);
      await updateEvent(ctx, { ...editableFields(current), ...body, eventId: params.eventId });
      return toApiEvent(await getEvent(ctx, params.eventId));
    },
  }),
  defineEndpoint({
    method: "delete",
    path: "/events/{eventId}",
    operationId: "deleteEvent",
    tag: "Events",
    summary: "Delete an event",
    description: "Deletes the event with its occurrences, roster links, attendances and pending messages. Sent messages keep their log.",
    capability: "events.write",
    params: EventPath,
    response: {
      status: 200,
      description: "The event is gone.",
      schema: z.object({ id: z.uuid(), deleted: z.literal(true) }).meta({ id: "Deleted" }),
      example: { id: EXAMPLE_EVENT.id, deleted: true },
    },
    handler: async (ctx, { params }) => ({ ...(await deleteEvent(ctx, params)), deleted: true as const }),
  }),
];
