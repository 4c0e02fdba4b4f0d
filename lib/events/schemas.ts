import { z } from "zod";
import { TimeZone } from "@/lib/organizations";
import { LocalDateTime, RecurrenceRule } from "@/lib/recurrence";

// Client-safe: the event editor validates with these before posting; the domain functions parse them again.

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
    .number({ error: "Enter a number of minutes, or turn this message off." })
    .int("Use whole minutes.")
    .min(0, "Use 0 minutes or more.")
    .max(max, `Use at most ${max} minutes.`)
    .nullable();

export const EventSchedule = z.object({
  confirmationOffsetMinutes: offset(WEEK_MINUTES),
  reminderOffsetMinutes: offset(WEEK_MINUTES),
  trackingOffsetMinutes: offset(1440),
  closureOffsetMinutes: offset(1440),
});
export type EventSchedule = z.infer<typeof EventSchedule>;

const coordinate = (min: number, max: number) =>
  z
    .number({ error: "Pick the venue on the map or type its coordinates." })
    .min(min, `Use a value from ${min} to ${max}.`)
    .max(max, `Use a value from ${min} to ${max}.`);

/** The fields every event form posts; combine with `requireRuleWhenPeriodic`. */
export const EventFields = z.object({
  title: z.string().trim().min(1, "Give the event a title.").max(120, "Use at most 120 characters."),
  description: z.string().trim().max(2000, "Use at most 2000 characters.").default(""),
  kind: z.enum(EVENT_KINDS, { error: "Choose one-off or recurring." }),
  dtstartLocal: LocalDateTime,
  durationMinutes: z
    .number({ error: "Enter the duration in minutes." })
    .int("Use whole minutes.")
    .min(5, "An event lasts at least 5 minutes.")
    .max(1440, "An event lasts at most 24 hours."),
  timeZone: TimeZone,
  rule: RecurrenceRule.optional(),
  exdates: z.array(LocalDateTime).max(500, "At most 500 skipped dates.").default([]),
  venueName: z.string().trim().min(1, "Name the venue.").max(120, "Use at most 120 characters."),
  venueAddress: z.string().trim().max(300, "Use at most 300 characters.").default(""),
  venueLat: coordinate(-90, 90),
  venueLng: coordinate(-180, 180),
  arrivalRadiusM: z
    .number({ error: "Enter the arrival radius in metres." })
    .int("Use whole metres.")
    .min(25, "Use at least 25 m: GPS is rarely more precise.")
    .max(5000, "Use at most 5000 m.")
    .default(150),
  travelMode: z.enum(TRAVEL_MODES).default("driving"),
  lateGraceMinutes: z.number().int("Use whole minutes.").min(0).max(120, "Use at most 120 minutes.").default(5),
  schedule: EventSchedule.default({ ...DEFAULT_SCHEDULE }),
});

export function requireRuleWhenPeriodic(input: { kind: string; rule?: unknown }, ctx: z.RefinementCtx): void {
  if (input.kind === "periodic" && !input.rule) {
    ctx.addIssue({ code: "custom", path: ["rule"], message: "A recurring event needs a rule." });
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
