import type { z } from "zod";

// A background job, defined once and run by either runner: inngest/functions.ts builds the Inngest function from it,
// inngest/local-runner.ts runs it in-process when Inngest is not configured. Nothing here knows which one runs it.

/** Every event name says what happened, never what to do: app/<subject>.<past tense>, e.g. app/locations.flushed. */
export type EventName = `app/${string}.${string}`;

/** An event jobs send and are triggered by, with the schema its payload is parsed with before any handler sees it. */
export type JobEvent<P> = {
  name: EventName;
  data: z.ZodType<P>;
  /** What a valid payload names, for the error that refuses one that does not. */
  names: string;
};

export type SentEvent = { name: EventName; data: unknown };

/** What a handler may do besides computing: only these, so a runner can retry it safely. */
export type JobIo = {
  /**
   * One unit of work calling one lib function (Inngest's step.run). Its id is unique within the run and stable; its
   * result is kept (as JSON) across the run's retries, so a retry does not redo it.
   */
  run<T>(id: string, work: () => Promise<T>): Promise<T>;
  /** Sends events, e.g. one per claimed action (Inngest's step.sendEvent; the local runner's queue). */
  send(id: string, events: SentEvent[]): Promise<void>;
};

/** Retrying will not help (a bad payload, a setting that makes the work impossible): the run fails at once. */
export class NonRetriableJobError extends Error {
  override name = "NonRetriableJobError";
}

type Common = {
  /** Permanent once shipped: it is the Inngest function id. */
  id: string;
  /** How many times a failed run is tried again (Inngest's default, 4, when absent). */
  retries?: number;
  /** Inngest's limits on parallel runs and run starts (keys are Inngest expressions); the local runner runs one at a time. */
  concurrency?: { limit: number; key?: string };
  throttle?: { limit: number; period: `${number}s`; key?: string };
  /** Runs often (every few seconds): the local runner logs finished runs at debug level only. */
  quiet?: boolean;
};

/** Runs on a schedule; may also run when an event is sent (its payload is not read). */
export type CronJob = Common & {
  /** Five-field cron expression, evaluated in UTC. */
  cron: string;
  /** A finer schedule for the local runner (six fields, seconds first), where Inngest's one-minute floor does not apply. */
  localCron?: () => string;
  /** The local runner also runs it once when it starts (catch up after the app was off). */
  runOnStart: boolean;
  event?: JobEvent<unknown>;
  handler(run: { io: JobIo }): Promise<unknown>;
};

/** Runs once for each event sent, with its parsed payload. */
export type EventJob<P> = Common & {
  event: JobEvent<P>;
  handler(run: { payload: P; io: JobIo }): Promise<unknown>;
  /** After the last try failed (or a non-retriable error): record that it gave up. */
  onFailure?(run: { payload: P; error: Error; io: JobIo }): Promise<unknown>;
};

export type JobDefinition = CronJob | EventJob<unknown>;

export const isCronJob = (job: JobDefinition): job is CronJob => "cron" in job;

/** An event to send, its payload checked against the event's schema by the compiler. */
export function eventOf<P>(event: JobEvent<P>, data: P): SentEvent {
  return { name: event.name, data };
}
