import { sendLocationFollowUps } from "@/lib/whatsapp/outbound/location-follow-ups";
import { inngest } from "../client";
import type { ScheduledJob } from "../jobs";

/**
 * Asks participants who have not opened their tracking link, or whose sharing paused, to send their location in
 * WhatsApp (once each). Every minute on Inngest; every 30 seconds in the local runner.
 */
export const sendLocationFollowUpsJob: ScheduledJob = {
  id: "send-location-follow-ups",
  cron: "* * * * *",
  localCron: () => "*/30 * * * * *",
  runOnStart: false,
  quiet: true,
  run: () => sendLocationFollowUps(),
};

export const sendLocationFollowUpsFunction = inngest.createFunction(
  {
    id: sendLocationFollowUpsJob.id,
    triggers: [{ cron: `TZ=UTC ${sendLocationFollowUpsJob.cron}` }],
    concurrency: { limit: 1 },
  },
  async ({ step }) => step.run("send", sendLocationFollowUpsJob.run),
);
