import { deliverWebhooksJob } from "./definitions/deliver-webhooks";
import { dispatchScheduledActionsJob } from "./definitions/dispatch-scheduled-actions";
import { ensureLocationPartitionsJob } from "./definitions/ensure-location-partitions";
import { flushLocationBufferJob } from "./definitions/flush-location-buffer";
import { materializeOccurrencesJob } from "./definitions/materialize-occurrences";
import { purgeIdempotencyKeysJob } from "./definitions/purge-idempotency-keys";
import { purgeLocationsJob } from "./definitions/purge-locations";
import { purgeWebhookDeliveriesJob } from "./definitions/purge-webhook-deliveries";
import { refreshEtasJob } from "./definitions/refresh-etas";
import { runScheduledActionJob } from "./definitions/run-scheduled-action";
import { sendLocationFollowUpsJob } from "./definitions/send-location-follow-ups";
import type { JobDefinition } from "./job";

// The background jobs, each defined once (id, trigger, handler calling lib). Inngest serves them at /api/inngest
// (inngest/functions.ts); without Inngest the local runner runs the same definitions in-process.

export const jobs: JobDefinition[] = [
  ensureLocationPartitionsJob,
  materializeOccurrencesJob,
  flushLocationBufferJob,
  purgeLocationsJob,
  purgeIdempotencyKeysJob,
  purgeWebhookDeliveriesJob,
  refreshEtasJob,
  dispatchScheduledActionsJob,
  runScheduledActionJob,
  sendLocationFollowUpsJob,
  deliverWebhooksJob,
];

export {
  deliverWebhooksJob,
  dispatchScheduledActionsJob,
  ensureLocationPartitionsJob,
  flushLocationBufferJob,
  materializeOccurrencesJob,
  purgeIdempotencyKeysJob,
  purgeLocationsJob,
  purgeWebhookDeliveriesJob,
  refreshEtasJob,
  runScheduledActionJob,
  sendLocationFollowUpsJob,
};
export { events, locationsFlushed, scheduledActionClaimed, webhooksEnqueued } from "./events";
export { eventOf, isCronJob, NonRetriableJobError } from "./job";
export type { CronJob, EventJob, EventName, JobDefinition, JobEvent, JobIo, SentEvent } from "./job";
export { scheduledActionDependencies } from "./scheduled-actions";
export { advisoryJobLock, jobLockForThisProcess, processJobLock, type JobLock } from "./run-lock";
