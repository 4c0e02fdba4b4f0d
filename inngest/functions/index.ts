import type { ScheduledJob } from "../jobs";
import { ensureLocationPartitionsFunction, ensureLocationPartitionsJob } from "./ensure-location-partitions";
import { materializeOccurrencesFunction, materializeOccurrencesJob } from "./materialize-occurrences";

/** Served at /api/inngest when Inngest runs the jobs. */
export const functions = [ensureLocationPartitionsFunction, materializeOccurrencesFunction];

/** Run in-process by the local runner when it does. */
export const scheduledJobs: ScheduledJob[] = [ensureLocationPartitionsJob, materializeOccurrencesJob];
