import { AppError } from "@/lib/errors";
import { toDbLocal, toLocalDateTime, ruleToRRule, rruleToRule, type RecurrenceRule } from "@/lib/recurrence";
import type { EventRow } from "./find-event";
import type { EventSchedule, ParsedEventInput } from "./schemas";

/** Parsed editor input → the events columns it sets. A one-off event stores no rule and no skipped dates. */
export function toEventColumns(input: ParsedEventInput) {
  const isPeriodic = input.kind === "periodic" && input.rule !== undefined;
  return {
    kind: input.kind,
    title: input.title,
    description: input.description,
    venueName: input.venueName,
    venueAddress: input.venueAddress,
    venueLat: input.venueLat,
    venueLng: input.venueLng,
    arrivalRadiusM: input.arrivalRadiusM,
    durationMinutes: input.durationMinutes,
    timeZone: input.timeZone,
    dtstartLocal: toDbLocal(input.dtstartLocal),
    rrule: isPeriodic ? ruleToRRule(input.rule!) : null,
    exdates: isPeriodic ? [...new Set(input.exdates)].sort() : [],
    travelMode: input.travelMode,
    lateGraceMinutes: input.lateGraceMinutes,
    ...input.schedule,
  };
}
export type EventColumns = ReturnType<typeof toEventColumns>;

const TIMING = ["kind", "rrule", "dtstartLocal", "timeZone", "exdates"] as const;
const SCHEDULE = [
  "confirmationOffsetMinutes",
  "reminderOffsetMinutes",
  "trackingOffsetMinutes",
  "closureOffsetMinutes",
] as const;

/** What an edit changes: `timing` regenerates occurrences, `duration` moves their ends, `schedule` re-times actions. */
export function diffEvent(before: EventRow, after: EventColumns) {
  const same = (key: keyof EventColumns) =>
    key === "dtstartLocal"
      ? toLocalDateTime(before.dtstartLocal) === toLocalDateTime(after.dtstartLocal)
      : JSON.stringify(before[key]) === JSON.stringify(after[key]);
  const changed = (Object.keys(after) as (keyof EventColumns)[]).filter((key) => !same(key));
  return {
    changed,
    timing: TIMING.some((key) => changed.includes(key)),
    duration: changed.includes("durationMinutes"),
    schedule: SCHEDULE.some((key) => changed.includes(key)),
  };
}

/**
 * An event row as pages and the editor read it: local start as "YYYY-MM-DDTHH:mm" and the rule as the builder's
 * object (null for a stored rule the builder cannot express, e.g. imported data). Pages put it in words in the
 * reader's language (describeTiming in lib/recurrence).
 */
export function toEventView(row: EventRow) {
  const dtstartLocal = toLocalDateTime(row.dtstartLocal);
  let rule: RecurrenceRule | null = null;
  if (row.kind === "periodic" && row.rrule) {
    try {
      rule = rruleToRule(row.rrule);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
    }
  }
  return { ...row, dtstartLocal, rule, schedule: scheduleOf(row) };
}
export type EventView = ReturnType<typeof toEventView>;

/** The schedule columns of an event row as the schedule object. */
export function scheduleOf(event: EventSchedule): EventSchedule {
  return {
    confirmationOffsetMinutes: event.confirmationOffsetMinutes,
    reminderOffsetMinutes: event.reminderOffsetMinutes,
    trackingOffsetMinutes: event.trackingOffsetMinutes,
    closureOffsetMinutes: event.closureOffsetMinutes,
  };
}
