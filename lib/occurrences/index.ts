// The occurrences domain's public face: other domains import only this file.
export { applyEventChange } from "./apply-event-change";
export { findInstanceOrThrow } from "./find-instance";
export { expandEvent, materializeEvent } from "./materialize";
export { MATERIALIZE_JOB, materializeAllEvents } from "./materialize-all";
export { cancelOccurrence, getOccurrence, listUpcomingOccurrences, moveOccurrence } from "./occurrences";
export { listOccurrencesPage } from "./list-occurrences-page";
export { CancelOccurrenceInput, ListOccurrencesPageInput, MoveOccurrenceInput, OCCURRENCE_STATUSES } from "./schemas";
export { archiveEvent, createEvent, deleteEvent, updateEvent } from "./event-lifecycle";
