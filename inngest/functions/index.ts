import type { ScheduledJob } from "../jobs";
import { dispatchScheduledActionsFunction, dispatchScheduledActionsJob } from "./dispatch-scheduled-actions";
import { ensureLocationPartitionsFunction, ensureLocationPartitionsJob } from "./ensure-location-partitions";
import { flushLocationBufferFunction, flushLocationBufferJob } from "./flush-location-buffer";
import { materializeOccurrencesFunction, materializeOccurrencesJob } from "./materialize-occurrences";
import { purgeLocationsFunction, purgeLocationsJob } from "./purge-locations";
import { refreshEtasFunction, refreshEtasJob } from "./refresh-etas";
import { runScheduledActionFunction } from "./run-scheduled-action";
import { sendLocationFollowUpsFunction, sendLocationFollowUpsJob } from "./send-location-follow-ups";

/** Served at /api/inngest when Inngest runs the jobs. */
export const functions = [
  ensureLocationPartitionsFunction,
  materializeOccurrencesFunction,
  flushLocationBufferFunction,
  purgeLocationsFunction,
  refreshEtasFunction,
  dispatchScheduledActionsFunction,
  runScheduledActionFunction,
  sendLocationFollowUpsFunction,
];

/** Run in-process by the local runner when it does. */
export const scheduledJobs: ScheduledJob[] = [
  ensureLocationPartitionsJob,
  materializeOccurrencesJob,
  flushLocationBufferJob,
  purgeLocationsJob,
  refreshEtasJob,
  dispatchScheduledActionsJob,
  sendLocationFollowUpsJob,
];
