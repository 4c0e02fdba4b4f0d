// The recurrence domain's public face: other domains import only this file.
export { expandOccurrences, instantToLocal, localToInstant, type Occurrence, toDbLocal, toLocalDateTime } from "./expand";
export { describeOnce, describeRule, describeTiming, rruleToRule, ruleToRRule } from "./rrule-text";
export { LocalDateTime, RecurrenceRule } from "./schemas";
export { type ZoneTransition, wallTimeWithOffset, zoneOffsetMinutes, zoneTransitions } from "./transitions";
