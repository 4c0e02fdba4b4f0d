import { claimDueActions, DISPATCH_BATCH, failAbandonedActions } from "@/lib/schedule";
import { scheduledActionClaimed } from "../events";
import { eventOf, type CronJob } from "../job";

/** Batches claimed per run before the next run takes over. */
const MAX_BATCHES = 10;

/**
 * Claims due scheduled actions (FOR UPDATE SKIP LOCKED), after failing those whose last attempt was abandoned by a run
 * that died (they would otherwise stay "running"), and sends one event per claimed action: run-scheduled-action sends
 * its messages, with its retries and limits, on Inngest and on the local runner alike.
 */
export const dispatchScheduledActionsJob: CronJob = {
  id: "dispatch-scheduled-actions",
  cron: "* * * * *",
  localCron: () => "*/15 * * * * *",
  runOnStart: true,
  quiet: true,
  concurrency: { limit: 1 },
  handler: async ({ io }) => {
    await io.run("fail-abandoned", () => failAbandonedActions(new Date()));
    let claimed = 0;
    for (let batch = 1; batch <= MAX_BATCHES; batch++) {
      const refs = await io.run(`claim-${batch}`, () => claimDueActions(new Date(), DISPATCH_BATCH));
      if (refs.length === 0) break;
      await io.send(`fan-out-${batch}`, refs.map((ref) => eventOf(scheduledActionClaimed, ref)));
      claimed += refs.length;
      if (refs.length < DISPATCH_BATCH) break;
    }
    return { claimed };
  },
};
