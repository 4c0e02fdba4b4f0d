import { NonRetriableError, type InngestFunction } from "inngest";
import { countJobRun } from "@/lib/metrics";
import { isCronJob, jobs, NonRetriableJobError, type EventJob, type JobDefinition, type JobEvent, type JobIo } from "@/lib/jobs";
import { inngest } from "./client";

type StepTools = {
  run: (id: string, work: () => Promise<unknown>) => Promise<unknown>;
  sendEvent: (id: string, events: { name: string; data: unknown }[]) => Promise<unknown>;
};
// Our definitions keep plain numbers and strings; Inngest's option types spell out the values it accepts.
type Retries = NonNullable<InngestFunction.Options["retries"]>;
type TimeStr = NonNullable<InngestFunction.Options["throttle"]>["period"];

/**
 * The Inngest function of a job definition: its triggers and limits as Inngest options, each io.run a step.run and
 * each io.send a step.sendEvent. Our NonRetriableJobError becomes Inngest's NonRetriableError, so it is not retried.
 */
export function toInngestFunction(job: JobDefinition) {
  const triggers = [
    ...(isCronJob(job) ? [{ cron: `TZ=UTC ${job.cron}` }] : []),
    ...(job.event ? [{ event: job.event.name }] : []),
  ];
  const onFailure = isCronJob(job) ? undefined : failureHandler(job);
  return inngest.createFunction(
    {
      id: job.id,
      triggers,
      ...(job.retries !== undefined ? { retries: job.retries as Retries } : {}),
      ...(job.concurrency ? { concurrency: job.concurrency } : {}),
      ...(job.throttle ? { throttle: { ...job.throttle, period: job.throttle.period as TimeStr } } : {}),
      ...(onFailure ? { onFailure } : {}),
    },
    // Inngest calls the handler once per step; it returns (or throws) only when the run ends or a try fails.
    async ({ event, step }: { event: { name: string; data: unknown }; step: StepTools }) =>
      countJobRun(job.id, () => notRetriedAsInngest(() => {
        const io = stepIo(step);
        if (isCronJob(job)) return job.handler({ io });
        return job.handler({ payload: payloadOf(job.event, event.data), io });
      })),
  );
}

/** Served at /api/inngest when Inngest runs the jobs. */
export const functions = jobs.map(toInngestFunction);

type FailureInput = { event: { data: { event: { data: unknown } } }; error: Error; step: StepTools };

// Inngest hands the failed run's own event inside the failure event; a payload that never parsed has nothing to record.
function failureHandler(job: EventJob<unknown>) {
  if (!job.onFailure) return undefined;
  return async ({ event, error, step }: FailureInput) => {
    const payload = job.event.data.safeParse(event.data.event.data);
    if (payload.success) await job.onFailure?.({ payload: payload.data, error, io: stepIo(step) });
  };
}

function payloadOf<P>(event: JobEvent<P>, data: unknown): P {
  const parsed = event.data.safeParse(data);
  if (!parsed.success) throw new NonRetriableJobError(`The event does not name ${event.names}.`);
  return parsed.data;
}

// Step results travel as JSON: job payloads and step results are ids and small summaries.
function stepIo(step: StepTools): JobIo {
  return {
    run: <T>(id: string, work: () => Promise<T>) => step.run(id, () => notRetriedAsInngest(work)) as Promise<T>,
    send: async (id, events) => {
      await step.sendEvent(id, events);
    },
  };
}

async function notRetriedAsInngest<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof NonRetriableJobError) throw new NonRetriableError(error.message, { cause: error.cause ?? error });
    throw error;
  }
}
