import { AppError } from "@/lib/errors";
import { toDbLocal, toLocalDateTime, describeRule, ruleToRRule, rruleToRule, type RecurrenceRule } from "@/lib/recurrence";
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

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

/** "2026-09-07T07:30" → "Once on Mon 7 Sep 2026 at 07:30", spelled out so no host locale or zone leaks in. */
function describeOnce(local: string): string {
  const [year, month, day] = local.slice(0, 10).split("-").map(Number) as [number, number, number];
  const weekday = DAYS[new Date(Date.UTC(year, month - 1, day)).getUTCDay()];
  return `Once on ${weekday} ${day} ${MONTHS[month - 1]} ${year} at ${local.slice(11, 16)}`;
}

/**
 * An event row as pages and the editor read it: local start as "YYYY-MM-DDTHH:mm", the rule as the builder's object
 * and its summary in words. A stored rule the builder cannot express (imported data) keeps its raw text as summary.
 */
export function toEventView(row: EventRow) {
  const dtstartLocal = toLocalDateTime(row.dtstartLocal);
  let rule: RecurrenceRule | null = null;
  let summary = describeOnce(dtstartLocal);
  if (row.kind === "periodic" && row.rrule) {
    try {
      rule = rruleToRule(row.rrule);
      summary = describeRule(rule, dtstartLocal);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      summary = `Custom rule ${row.rrule} from ${dtstartLocal.replace("T", " ")}`;
    }
  }
  return { ...row, dtstartLocal, rule, summary, schedule: scheduleOf(row) };
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
