// The events domain's public face: an event series' fields, validation and rows. Creating, editing and deleting an
// event also plans its occurrences, attendances and messages: that is lib/occurrences (event-lifecycle.ts).
export { diffEvent, scheduleOf, toEventColumns, toEventView, type EventColumns, type EventView } from "./event-columns";
export { type EventRow, findEventOrThrow } from "./find-event";
export { insertEvent } from "./insert-event";
export { getEvent, listEvents, listEventsPage, type EventDetails } from "./read-events";
export {
  DEFAULT_SCHEDULE,
  EventFields,
  EventIdInput,
  EventInput,
  requireRuleWhenPeriodic,
  UpdateEventInput,
  EventSchedule,
  EVENT_KINDS,
  EVENT_STATUSES,
  TRAVEL_MODES,
  ListEventsInput,
  ListEventsPageInput,
  type ParsedEventInput,
} from "./schemas";
