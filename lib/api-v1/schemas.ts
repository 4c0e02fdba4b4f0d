import { z } from "zod";
import { ErrorCode } from "@/lib/errors";

// The building blocks every resource's schemas use: timestamps, ids, pages, errors.

/** An instant, as JSON carries it (ISO 8601, UTC). */
export const Timestamp = z.iso.datetime().meta({ example: "2026-09-07T05:30:00.000Z" });

/** Dates in API answers: Date → ISO string, null kept. */
export function iso(date: Date): string;
export function iso(date: Date | null): string | null;
export function iso(date: Date | null): string | null {
  return date ? date.toISOString() : null;
}

export const PageQuery = z.object({
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(200)
    .default(50)
    .meta({ description: "How many items a page holds (1 to 200).", example: 50 }),
  cursor: z
    .string()
    .max(200)
    .optional()
    .meta({ description: "`nextCursor` of the previous page; leave it out for the first page." }),
});

/** `{ data: [...], nextCursor }`: the next page is asked for with `cursor=<nextCursor>`; null means this was the last. */
export function pageOf<T extends z.ZodType>(item: T, id: string) {
  return z
    .object({
      data: z.array(item),
      nextCursor: z.string().nullable().meta({ description: "Pass as `cursor` for the next page; null on the last page." }),
    })
    .meta({ id });
}

export const ApiErrorBody = z
  .object({
    error: z.object({
      code: ErrorCode,
      message: z.string().meta({ description: "For people: what went wrong and what to do." }),
      reason: z.string().optional().meta({ description: "A finer, machine-readable cause, for some errors." }),
      fields: z
        .record(z.string(), z.array(z.string()))
        .optional()
        .meta({ description: "Per field (dotted path, e.g. `schedule.reminderOffsetMinutes`): what is wrong with it." }),
    }),
  })
  .meta({ id: "Error", description: "Every error answer has this shape." });
