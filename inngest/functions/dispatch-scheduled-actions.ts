import { scheduledActionDependencies } from "@/lib/jobs/scheduled-actions";
import { claimDueActions, DISPATCH_BATCH, dispatchDueActionsLocally, failAbandonedActions } from "@/lib/schedule";
import { inngest } from "../client";
import type { ScheduledJob } from "../jobs";

/** One event per claimed action; run-scheduled-action sends its messages. Payload: { actionId, organizationId }. */
export const SCHEDULED_ACTION_DUE_EVENT = "whatsapp/scheduled-action.due";

/** Batches claimed per Inngest run before the next minute's run takes over. */
const MAX_BATCHES = 10;

/**
 * Claims due scheduled actions (FOR UPDATE SKIP LOCKED) every minute, after failing those whose last attempt was
 * abandoned by a run that died (they would otherwise stay "running"). On Inngest each claimed action becomes an event
 * (retried and throttled per organization by run-scheduled-action); the local runner runs them here, one after another.
 */
export const dispatchScheduledActionsJob: ScheduledJob = {
  id: "dispatch-scheduled-actions",
  cron: "* * * * *",
  localCron: () => "*/15 * * * * *",
  runOnStart: true,
  quiet: true,
  run: async () => {
    const now = new Date();
    const abandoned = await failAbandonedActions(now);
    return { abandoned, ...(await dispatchDueActionsLocally(now, scheduledActionDependencies)) };
  },
};

export const dispatchScheduledActionsFunction = inngest.createFunction(
  {
    id: dispatchScheduledActionsJob.id,
    triggers: [{ cron: `TZ=UTC ${dispatchScheduledActionsJob.cron}` }],
    concurrency: { limit: 1 },
  },
  async ({ step }) => {
    await step.run("fail-abandoned", () => failAbandonedActions(new Date()));
    let claimed = 0;
    for (let batch = 1; batch <= MAX_BATCHES; batch++) {
      const refs = await step.run(`claim-${batch}`, () => claimDueActions(new Date(), DISPATCH_BATCH));
      if (refs.length === 0) break;
      await step.sendEvent(
        `fan-out-${batch}`,
        refs.map((ref) => ({ name: SCHEDULED_ACTION_DUE_EVENT, data: ref })),
      );
      claimed += refs.length;
      if (refs.length < DISPATCH_BATCH) break;
    }
    return { claimed };
  },
);
