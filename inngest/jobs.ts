/**
 * A scheduled job: one piece of lib code and the schedule it runs on. The Inngest function and the embedded mode's
 * local runner are both built from this, so they run the same code on the same schedule.
 */
export type ScheduledJob = {
  /** Permanent once shipped: it is the Inngest function id. */
  id: string;
  /** Five-field cron expression, evaluated in UTC. */
  cron: string;
  /** Also run once when the local runner starts (catch up after the app was off). */
  runOnStart: boolean;
  run: () => Promise<unknown>;
};
