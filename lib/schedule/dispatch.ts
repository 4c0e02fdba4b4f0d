import { AppError } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { claimDueActions, DISPATCH_BATCH, type ActionRef } from "./claim";
import { markActionFailed, releaseActionForRetry } from "./finish";
import { runScheduledAction, type RunOptions, type RunSummary } from "./run";
import { RetryLaterError } from "./send-to";

export type LocalDispatchResult = { claimed: number; done: number; retryLater: number; failed: number };

/**
 * The embedded mode's dispatcher (no Inngest): claims due actions and runs them here, one after another. A temporary
 * failure puts the action back to pending for the next tick (until its attempts are used up); any other error fails it.
 * An action with recipients waiting for their own retry is already pending again (claimed once that retry is due).
 */
export async function dispatchDueActionsLocally(now: Date, options: RunOptions): Promise<LocalDispatchResult> {
  const claimed = await claimDueActions(now, DISPATCH_BATCH);
  const result: LocalDispatchResult = { claimed: claimed.length, done: 0, retryLater: 0, failed: 0 };
  for (const ref of claimed) {
    const outcome = await runClaimedAction(ref, options);
    result[outcome] += 1;
  }
  return result;
}

async function runClaimedAction(ref: ActionRef, options: RunOptions): Promise<"done" | "retryLater" | "failed"> {
  let summary: RunSummary;
  try {
    summary = await runScheduledAction(ref, new Date(), options);
  } catch (error) {
    if (error instanceof RetryLaterError) {
      return (await releaseActionForRetry(ref, new Date(), error.message)) === "pending" ? "retryLater" : "failed";
    }
    if (!(error instanceof AppError)) logger.error({ err: error, ...ref }, "scheduled action failed");
    await markActionFailed(ref, new Date(), error instanceof AppError ? error.message : "An unexpected error stopped this action.");
    return "failed";
  }
  if (summary.outcome === "partial") {
    return (await releaseActionForRetry(ref, new Date(), "Sent in parts; continuing.")) === "pending" ? "retryLater" : "failed";
  }
  return summary.outcome === "waiting" ? "retryLater" : "done";
}
