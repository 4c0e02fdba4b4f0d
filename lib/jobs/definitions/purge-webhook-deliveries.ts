import { purgeWebhookDeliveries } from "@/lib/webhooks";
import type { CronJob } from "../job";

/** Daily: finished webhook deliveries older than 30 days leave the endpoints' logs (lib/webhooks/retention.ts). */
export const purgeWebhookDeliveriesJob: CronJob = {
  id: "purge-webhook-deliveries",
  cron: "55 3 * * *",
  runOnStart: false,
  handler: ({ io }) => io.run("purge", () => purgeWebhookDeliveries(new Date())),
};
