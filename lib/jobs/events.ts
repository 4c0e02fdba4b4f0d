import { z } from "zod";
import { ActionRefInput, type ActionRef } from "@/lib/schedule";
import type { JobEvent } from "./job";

/** The dispatcher claimed a due scheduled action; run-scheduled-action sends its messages. */
export const scheduledActionClaimed: JobEvent<ActionRef> = {
  name: "app/scheduled-action.claimed",
  data: ActionRefInput,
  names: "a scheduled action (actionId, organizationId)",
};

/** flush-location-buffer moved points into Postgres; refresh-etas follows the new positions without waiting. */
export const locationsFlushed: JobEvent<{ points: number }> = {
  name: "app/locations.flushed",
  data: z.object({ points: z.number().int().min(0) }),
  names: "how many points were moved (points)",
};

/** A committed change enqueued outbound webhook deliveries; deliver-webhooks sends them without waiting for its tick. */
export const webhooksEnqueued: JobEvent<Record<string, never>> = {
  name: "app/webhooks.enqueued",
  data: z.object({}).strict() as z.ZodType<Record<string, never>>,
  names: "nothing (an empty object)",
};

/** Every event a job sends or is triggered by. */
export const events: JobEvent<unknown>[] = [scheduledActionClaimed, locationsFlushed, webhooksEnqueued];
