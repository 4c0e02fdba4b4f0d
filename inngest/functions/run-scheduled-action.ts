import { NonRetriableError } from "inngest";
import { AppError } from "@/lib/errors";
import { scheduledActionDependencies } from "@/lib/jobs/scheduled-actions";
import { ActionRefInput, markActionFailed, RUN_JOB, runScheduledAction } from "@/lib/schedule";
import { inngest } from "../client";
import { SCHEDULED_ACTION_DUE_EVENT } from "./dispatch-scheduled-actions";

/** One step's time budget; a longer action continues in the next step without repeating a message. */
const STEP_BUDGET_MS = 45_000;
const MAX_PARTS = 50;

/**
 * Sends the messages of one scheduled action. Retries re-run the step: messages already sent are skipped by their
 * idempotency key. A recipient waiting for their own retry (131056) does not fail the run: the action is pending again
 * and the dispatcher claims it once that retry is due. The throttle keeps run starts per organization below WhatsApp's 80 messages/s, and at most two runs
 * of one organization send at once (each spaced at 20/s inside), so the organization stays near 40 messages/s.
 */
export const runScheduledActionFunction = inngest.createFunction(
  {
    id: RUN_JOB,
    triggers: [{ event: SCHEDULED_ACTION_DUE_EVENT }],
    retries: 4,
    throttle: { limit: 60, period: "1s", key: "event.data.organizationId" },
    concurrency: { limit: 2, key: "event.data.organizationId" },
    onFailure: async ({ event, error, step }) => {
      const ref = ActionRefInput.safeParse(event.data.event.data);
      if (!ref.success) return;
      await step.run("mark-failed", () =>
        markActionFailed(ref.data, new Date(), `Gave up after several attempts: ${error.message}`),
      );
    },
  },
  async ({ event, step }) => {
    const parsed = ActionRefInput.safeParse(event.data);
    if (!parsed.success) throw new NonRetriableError("The event does not name a scheduled action (actionId, organizationId).");
    const ref = parsed.data;
    for (let part = 1; part <= MAX_PARTS; part++) {
      const summary = await step.run(`send-${part}`, () => sendPart(ref));
      if (summary.outcome !== "partial") return summary;
    }
    throw new NonRetriableError(`The action was still not finished after ${MAX_PARTS} parts.`);
  },
);

async function sendPart(ref: { actionId: string; organizationId: string }) {
  try {
    return await runScheduledAction(ref, new Date(), { ...scheduledActionDependencies, maxMs: STEP_BUDGET_MS });
  } catch (error) {
    // Our own refusals (settings missing, bad input) will not change by retrying; temporary failures are retried.
    if (error instanceof AppError) throw new NonRetriableError(error.message, { cause: error });
    throw error;
  }
}
