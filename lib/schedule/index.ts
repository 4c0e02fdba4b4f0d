// The schedule domain: what an occurrence sends when (planned from the event's schedule), and the lifecycle of each
// scheduled action: claimed when due, run over its recipients (each message reserved, paced, retried on its own),
// then done, waiting, failed or skipped. The channel is a Sender given by the caller (lib/jobs wires WhatsApp).

export { ActionRefInput, claimDueActions, DISPATCH_BATCH, failAbandonedActions, STALE_CLAIM_MS, type ActionRef } from "./claim";
export { nominalDueAt, planActions, SCHEDULED_ACTIONS, type PlannedAction, type ScheduledActionKind } from "./due-times";
export { englishNote } from "./english-note";
export { markActionFailed } from "./finish";
export { ACTION_NOTE_CODES, actionNoteText, storedNote, type ActionNote, type ActionNoteCode, type StoredActionNote } from "./notes";
export { DEFAULT_SENDS_PER_SECOND, paceSends, type PaceOptions } from "./pace";
export { hasOpenedLinkSql, isEligible } from "./recipients";
export { RUN_JOB, runScheduledAction, type RunDependencies, type RunOptions, type RunSummary } from "./run";
export {
  cancelPendingActions,
  rerunDoneActions,
  rescheduleActionsForInstances,
  scheduleActionsForInstance,
  scheduleActionsForInstances,
  type RescheduleResult,
  type ScheduledInstance,
} from "./schedule-actions";
export { actionSlotKey, RetryLaterError } from "./send-to";
export type { ScheduledMessage, Sender, SenderFor, SendFailure, SendOutcome } from "./sender";
