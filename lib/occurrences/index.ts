// The occurrences domain's public face: other domains import only this file.
export { applyEventChange } from "./apply-event-change";
export { findInstanceOrThrow } from "./find-instance";
export { expandEvent, materializeEvent } from "./materialize";
export { MATERIALIZE_JOB, materializeAllEvents } from "./materialize-all";
export { getOccurrence, listUpcomingOccurrences } from "./occurrences";
export { archiveEvent, createEvent, deleteEvent, updateEvent } from "./event-lifecycle";
