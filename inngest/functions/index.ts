import type { ScheduledJob } from "../jobs";
import { ensureLocationPartitionsFunction, ensureLocationPartitionsJob } from "./ensure-location-partitions";

/** Served at /api/inngest when Inngest runs the jobs. */
export const functions = [ensureLocationPartitionsFunction];

/** Run in-process by the local runner when it does. */
export const scheduledJobs: ScheduledJob[] = [ensureLocationPartitionsJob];
