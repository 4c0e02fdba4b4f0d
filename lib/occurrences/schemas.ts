import { z } from "zod";
import { problemKey } from "@/lib/problems";
import { EventFields, requireRuleWhenPeriodic } from "@/lib/events";
import { LocalDateTime } from "@/lib/recurrence";

// Client-safe: forms and filters validate with these; the domain functions parse them again.

export const OCCURRENCE_STATUSES = ["scheduled", "cancelled", "completed"] as const;
export type OccurrenceStatus = (typeof OCCURRENCE_STATUSES)[number];

export const CancelOccurrenceInput = z.object({ instanceId: z.uuid() });
export type CancelOccurrenceInput = z.infer<typeof CancelOccurrenceInput>;

/** `startsLocal` is the new wall-clock start in the event's time zone; the duration stays. */
export const MoveOccurrenceInput = z.object({ instanceId: z.uuid(), startsLocal: LocalDateTime });
export type MoveOccurrenceInput = z.infer<typeof MoveOccurrenceInput>;

/** The whole event editor's input plus the occurrence from which the new settings apply. */
export const ChangeThisAndFollowingInput = EventFields.extend({ instanceId: z.uuid() }).superRefine(requireRuleWhenPeriodic);
export type ChangeThisAndFollowingInput = z.input<typeof ChangeThisAndFollowingInput>;

export const ListUpcomingOccurrencesInput = z.object({
  eventId: z.uuid().optional(),
  status: z.enum(OCCURRENCE_STATUSES).optional(),
  /** Defaults to the start of today in the organization's time zone, so today's occurrences come first. */
  from: z.coerce.date().optional(),
  limit: z.number().int().min(1).max(500).default(50),
});
export type ListUpcomingOccurrencesInput = z.input<typeof ListUpcomingOccurrencesInput>;

/** The API's list: occurrences starting in [from, to), a page at a time (lib/pagination's cursor, in start order). */
export const ListOccurrencesPageInput = z
  .object({
    from: z.coerce.date({ error: problemKey("occurrences.rangeStart") }),
    to: z.coerce.date({ error: problemKey("occurrences.rangeEnd") }),
    eventId: z.uuid().optional(),
    status: z.enum(OCCURRENCE_STATUSES).optional(),
    limit: z.number().int().min(1).max(200).default(50),
    cursor: z.string().max(200).optional(),
  })
  .superRefine((input, ctx) => {
    const days = (input.to.getTime() - input.from.getTime()) / 86_400_000;
    if (days <= 0) ctx.addIssue({ code: "custom", path: ["to"], message: problemKey("occurrences.rangeBackwards") });
    if (days > 366) ctx.addIssue({ code: "custom", path: ["to"], message: problemKey("occurrences.rangeTooLong"), params: { maximum: 366 } });
  });
export type ListOccurrencesPageInput = z.input<typeof ListOccurrencesPageInput>;
