/**
 * A scheduled job: one piece of lib code and the schedule it runs on. The Inngest function and the embedded mode's
 * local runner are both built from this, so they run the same code on the same schedule.
 */
export type ScheduledJob = {
  /** Permanent once shipped: it is the Inngest function id. */
  id: string;
  /** Five-field cron expression, evaluated in UTC. */
  cron: string;
  /** A finer schedule for the local runner (six fields, seconds first), where Inngest's one-minute floor does not apply. */
  localCron?: () => string;
  /** Also run once when the local runner starts (catch up after the app was off). */
  runOnStart: boolean;
  /** Runs often (every few seconds): log finished runs at debug level only. */
  quiet?: boolean;
  run: () => Promise<unknown>;
};
