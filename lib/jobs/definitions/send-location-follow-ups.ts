import { sendLocationFollowUps } from "@/lib/whatsapp";
import type { CronJob } from "../job";

/**
 * Asks participants who have not opened their tracking link, or whose sharing paused, to send their location in
 * WhatsApp (once each). Every minute on Inngest; every 30 seconds in the local runner.
 */
export const sendLocationFollowUpsJob: CronJob = {
  id: "send-location-follow-ups",
  cron: "* * * * *",
  localCron: () => "*/30 * * * * *",
  runOnStart: false,
  quiet: true,
  concurrency: { limit: 1 },
  handler: ({ io }) => io.run("send", () => sendLocationFollowUps()),
};
