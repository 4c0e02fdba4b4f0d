import { AppError } from "@/lib/errors";
import { englishMessage } from "@/lib/http";
import { markActionFailed, RUN_JOB, runScheduledAction, type ActionRef } from "@/lib/schedule";
import { kickWebhookDelivery } from "@/lib/webhooks";
import { scheduledActionClaimed } from "../events";
import { NonRetriableJobError, type EventJob } from "../job";
import { scheduledActionDependencies } from "../scheduled-actions";

/** One step's time budget; a longer action continues in the next step without repeating a message. */
const STEP_BUDGET_MS = 45_000;
const MAX_PARTS = 50;

/**
 * Sends the messages of one claimed scheduled action. Retries re-run the step: messages already sent are skipped by
 * their idempotency key. A recipient waiting for their own retry (131056) does not fail the run: the action is pending
 * again and the dispatcher claims it once that retry is due. The throttle keeps run starts per organization below
 * WhatsApp's 80 messages/s, and at most two runs of one organization send at once (each spaced at 20/s inside), so
 * the organization stays near 40 messages/s.
 */
export const runScheduledActionJob: EventJob<ActionRef> = {
  id: RUN_JOB,
  event: scheduledActionClaimed,
  retries: 4,
  throttle: { limit: 60, period: "1s", key: "event.data.organizationId" },
  concurrency: { limit: 2, key: "event.data.organizationId" },
  handler: async ({ payload: ref, io }) => {
    for (let part = 1; part <= MAX_PARTS; part++) {
      const summary = await io.run(`send-${part}`, () => sendPart(ref));
      if (summary.outcome !== "partial") return summary;
    }
    throw new NonRetriableJobError(`The action was still not finished after ${MAX_PARTS} parts.`);
  },
  onFailure: ({ payload: ref, error, io }) =>
    io.run("mark-failed", () => markActionFailed(ref, new Date(), { code: "gave_up", values: { detail: error.message } })),
};

async function sendPart(ref: ActionRef) {
  try {
    return await runScheduledAction(ref, new Date(), { ...scheduledActionDependencies, maxMs: STEP_BUDGET_MS });
  } catch (error) {
    // Our own refusals (settings missing, bad input) will not change by retrying; temporary failures are retried.
    if (error instanceof AppError) throw new NonRetriableJobError(englishMessage(error), { cause: error });
    throw error;
  } finally {
    // Messages failed for good and a closure's no-shows are webhook events: committed, they can go now.
    kickWebhookDelivery();
  }
}
