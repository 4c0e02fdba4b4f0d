import { deliverDueWebhooks, enqueueStartedOccurrences } from "@/lib/webhooks";
import { webhooksEnqueued } from "../events";
import type { CronJob } from "../job";

/**
 * Sends the pending outbound webhook deliveries that are due (claimed FOR UPDATE SKIP LOCKED), after emitting
 * `occurrence.started` for occurrences that have just started. Inngest runs it every minute and whenever a change
 * enqueued deliveries (webhooks.enqueued); the local runner every 10 seconds and on the same kick.
 */
export const deliverWebhooksJob: CronJob = {
  id: "deliver-webhooks",
  cron: "* * * * *",
  localCron: () => "*/10 * * * * *",
  runOnStart: true,
  quiet: true,
  event: webhooksEnqueued,
  concurrency: { limit: 1 },
  handler: async ({ io }) => {
    await io.run("occurrences-started", () => enqueueStartedOccurrences(new Date()));
    return io.run("deliver", () => deliverDueWebhooks(new Date()));
  },
};
