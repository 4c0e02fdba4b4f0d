import { z } from "zod";
import { problemKey } from "@/lib/problems";
import { TimeZone } from "@/lib/organizations";
import { LocalDateTime, RecurrenceRule } from "@/lib/recurrence";

// Client-safe: the event editor posts what these accept; the domain functions parse it. Messages are keys of the
// catalogs' `problems` namespace (lib/problems.ts); a limit without one (a text's length) is worded from zod's issue.

export const EVENT_KINDS = ["demand", "periodic"] as const;
export const TRAVEL_MODES = ["walking", "driving"] as const;
export const EVENT_STATUSES = ["active", "archived"] as const;

/** Minutes before the start (closure: after the end) for each message; null turns that message off. */
export const DEFAULT_SCHEDULE = {
  confirmationOffsetMinutes: 1440,
  reminderOffsetMinutes: 120,
  trackingOffsetMinutes: 60,
  closureOffsetMinutes: 30,
} as const;

const WEEK_MINUTES = 7 * 1440;
const offset = (max: number) =>
  z
    .number({ error: problemKey("events.offsetMissing") })
    .int(problemKey("events.wholeMinutes"))
    .min(0, problemKey("events.minutesAtLeast"))
    .max(max, problemKey("events.minutesAtMost"))
    .nullable();

export const EventSchedule = z.object({
  confirmationOffsetMinutes: offset(WEEK_MINUTES),
  reminderOffsetMinutes: offset(WEEK_MINUTES),
  trackingOffsetMinutes: offset(1440),
  closureOffsetMinutes: offset(1440),
});
export type EventSchedule = z.infer<typeof EventSchedule>;

const coordinate = (limit: number) =>
  z
    .number({ error: problemKey("events.venueMissing") })
    .refine((value) => Math.abs(value) <= limit, {
      message: problemKey("events.coordinateRange"),
      params: { minimum: -limit, maximum: limit },
    });

/** The fields every event form posts; combine with `requireRuleWhenPeriodic`. */
export const EventFields = z.object({
  title: z.string().trim().min(1, problemKey("events.titleMissing")).max(120),
  description: z.string().trim().max(2000).default(""),
  kind: z.enum(EVENT_KINDS, { error: problemKey("events.kind") }),
  dtstartLocal: LocalDateTime,
  durationMinutes: z
    .number({ error: problemKey("events.durationMissing") })
    .int(problemKey("events.wholeMinutes"))
    .min(5, problemKey("events.durationTooShort"))
    .max(1440, problemKey("events.durationTooLong")),
  timeZone: TimeZone,
  rule: RecurrenceRule.optional(),
  exdates: z.array(LocalDateTime).max(500, problemKey("events.tooManySkipped")).default([]),
  venueName: z.string().trim().min(1, problemKey("events.venueNameMissing")).max(120),
  venueAddress: z.string().trim().max(300).default(""),
  venueLat: coordinate(90),
  venueLng: coordinate(180),
  arrivalRadiusM: z
    .number({ error: problemKey("events.radiusMissing") })
    .int(problemKey("events.wholeMetres"))
    .min(25, problemKey("events.radiusTooSmall"))
    .max(5000, problemKey("events.radiusTooLarge"))
    .default(150),
  travelMode: z.enum(TRAVEL_MODES, { error: problemKey("events.travelMode") }).default("driving"),
  lateGraceMinutes: z
    .number({ error: problemKey("events.lateGraceMissing") })
    .int(problemKey("events.wholeMinutes"))
    .min(0, problemKey("events.minutesAtLeast"))
    .max(120, problemKey("events.minutesAtMost"))
    .default(5),
  schedule: EventSchedule.default({ ...DEFAULT_SCHEDULE }),
});

export function requireRuleWhenPeriodic(input: { kind: string; rule?: unknown }, ctx: z.RefinementCtx): void {
  if (input.kind === "periodic" && !input.rule) {
    ctx.addIssue({ code: "custom", path: ["rule"], message: problemKey("events.ruleMissing") });
  }
}

/** An event as the editor posts it. A one-off (`demand`) event ignores `rule` and `exdates`. */
export const EventInput = EventFields.superRefine(requireRuleWhenPeriodic);
export type EventInput = z.input<typeof EventInput>;
export type ParsedEventInput = z.output<typeof EventInput>;

export const UpdateEventInput = EventFields.extend({ eventId: z.uuid() }).superRefine(requireRuleWhenPeriodic);
export type UpdateEventInput = z.input<typeof UpdateEventInput>;

export const EventIdInput = z.object({ eventId: z.uuid() });
export type EventIdInput = z.infer<typeof EventIdInput>;

export const ListEventsInput = z.object({ status: z.enum(EVENT_STATUSES).optional() });
export type ListEventsInput = z.input<typeof ListEventsInput>;

/** The API's list: a page at a time (lib/pagination's cursor). */
export const ListEventsPageInput = ListEventsInput.extend({
  limit: z.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});
export type ListEventsPageInput = z.input<typeof ListEventsPageInput>;
