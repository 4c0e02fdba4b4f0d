import { afterEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { eventOf, NonRetriableJobError, type CronJob, type EventJob, type JobEvent } from "@/lib/jobs";
import { DEFAULT_RETRIES, inngestBackoffMs } from "./local-events";
import { startLocalRunner, type LocalRunner } from "./local-runner";

let runner: LocalRunner | undefined;
afterEach(() => runner?.stop());

function job(overrides: Partial<CronJob> & Pick<CronJob, "handler">): CronJob {
  return { id: "test-job", cron: "0 0 1 1 *", runOnStart: false, ...overrides };
}

const pinged: JobEvent<{ n: number }> = { name: "app/test.pinged", data: z.object({ n: z.number() }), names: "a number (n)" };

function eventJob(overrides: Partial<EventJob<{ n: number }>> & Pick<EventJob<{ n: number }>, "handler">): EventJob<{ n: number }> {
  return { id: "test-event-job", event: pinged, ...overrides };
}

/** A promise a test opens when it wants: a run awaiting it stays "still going" until then. */
function gate() {
  let open!: () => void;
  const closed = new Promise<void>((resolve) => (open = resolve));
  return { closed, open };
}

/** Records the waits the runner asks for, and waits none of them. */
function noWaits() {
  const asked: number[] = [];
  const backoffMs = (retry: number) => {
    asked.push(inngestBackoffMs(retry));
    return 0;
  };
  return { asked, backoffMs };
}

describe("local job runner: cron jobs", () => {
  it("runs a job marked runOnStart as soon as it starts", async () => {
    let runs = 0;
    runner = startLocalRunner([job({ runOnStart: true, handler: async () => void runs++ })]);
    await expect.poll(() => runs).toBe(1);
  });

  it("runs a job on its cron schedule", async () => {
    let runs = 0;
    runner = startLocalRunner([job({ cron: "* * * * * *", handler: async () => void runs++ })]);
    await expect.poll(() => runs, { timeout: 3500 }).toBeGreaterThanOrEqual(2);
  });

  it("skips a run that is due while the previous one is still going, and keeps the schedule after a failure", async () => {
    let started = 0;
    const blocked = gate();
    runner = startLocalRunner([
      job({
        handler: async () => {
          started++;
          if (started === 1) await blocked.closed;
          if (started === 2) throw new Error("boom");
        },
      }),
    ]);
    const first = runner.runNow("test-job");
    await runner.runNow("test-job"); // overlaps the first: skipped
    expect(started).toBe(1);
    blocked.open();
    await first;
    await runner.runNow("test-job"); // throws inside, logged, not rethrown
    await runner.runNow("test-job");
    expect(started).toBe(3);
  });
});

describe("local job runner: events", () => {
  it("runs each job an event triggers once per event, with its parsed payload; a payload the schema refuses runs nothing", async () => {
    const seen: number[] = [];
    runner = startLocalRunner([eventJob({ handler: async ({ payload }) => void seen.push(payload.n) })]);
    runner.send([eventOf(pinged, { n: 1 }), eventOf(pinged, { n: 2 }), { name: pinged.name, data: { n: "three" } }, { name: "app/test.other", data: {} }]);
    await runner.idle();
    expect(seen).toEqual([1, 2]);
  });

  it("delivers the events a cron run sends to the jobs they trigger, as the dispatcher's fan-out does", async () => {
    const seen: number[] = [];
    runner = startLocalRunner([
      job({ handler: async ({ io }) => io.send("fan-out-1", [1, 2, 3].map((n) => eventOf(pinged, { n }))) }),
      eventJob({ handler: async ({ payload }) => void seen.push(payload.n) }),
    ]);
    await runner.runNow("test-job");
    await runner.idle();
    expect(seen).toEqual([1, 2, 3]);
  });

  it("tries a failed run again with Inngest's retries and backoff, keeping the steps that finished, then runs onFailure", async () => {
    const waits = noWaits();
    const calls = { first: 0, second: 0 };
    const failures: string[] = [];
    runner = startLocalRunner(
      [
        eventJob({
          handler: async ({ io }) => {
            await io.run("first", async () => ++calls.first);
            await io.run("second", async () => {
              calls.second++;
              throw new Error(`attempt ${calls.second}`);
            });
          },
          onFailure: async ({ payload, error }) => void failures.push(`${payload.n}: ${error.message}`),
        }),
      ],
      waits,
    );
    runner.send([eventOf(pinged, { n: 7 })]);
    await runner.idle();
    expect(DEFAULT_RETRIES).toBe(4);
    expect(calls).toEqual({ first: 1, second: 1 + DEFAULT_RETRIES });
    expect(waits.asked).toEqual([15_000, 30_000, 60_000, 120_000]);
    expect(failures).toEqual(["7: attempt 5"]);
  });

  it("a run that succeeds on a retry is not tried again, and onFailure does not run", async () => {
    let tries = 0;
    let failed = false;
    runner = startLocalRunner(
      [
        eventJob({
          retries: 2,
          handler: async () => {
            if (++tries < 2) throw new Error("temporary");
          },
          onFailure: async () => void (failed = true),
        }),
      ],
      noWaits(),
    );
    runner.send([eventOf(pinged, { n: 1 })]);
    await runner.idle();
    expect({ tries, failed }).toEqual({ tries: 2, failed: false });
  });

  it("does not try a NonRetriableJobError again: onFailure runs at once", async () => {
    let tries = 0;
    const failures: string[] = [];
    runner = startLocalRunner(
      [
        eventJob({
          handler: async () => {
            tries++;
            throw new NonRetriableJobError("a setting is missing");
          },
          onFailure: async ({ error }) => void failures.push(error.message),
        }),
      ],
      noWaits(),
    );
    runner.send([eventOf(pinged, { n: 1 })]);
    await runner.idle();
    expect({ tries, failures }).toEqual({ tries: 1, failures: ["a setting is missing"] });
  });

  it("never runs one job twice at once: an event run waits for a cron run of the same job", async () => {
    const log: string[] = [];
    const blocked = gate();
    runner = startLocalRunner([
      job({
        event: pinged,
        handler: async () => {
          log.push("start");
          if (log.length === 1) await blocked.closed;
          log.push("end");
        },
      }),
    ]);
    const cron = runner.runNow("test-job");
    runner.send([eventOf(pinged, { n: 1 })]);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(log).toEqual(["start"]);
    blocked.open();
    await cron;
    await runner.idle();
    expect(log).toEqual(["start", "end", "start", "end"]);
  });

  it("never runs one job twice at once: a cron run due while an event run goes is skipped", async () => {
    let runs = 0;
    const blocked = gate();
    runner = startLocalRunner([
      job({
        event: pinged,
        handler: async () => {
          runs++;
          await blocked.closed;
        },
      }),
    ]);
    runner.send([eventOf(pinged, { n: 1 })]);
    await new Promise((resolve) => setTimeout(resolve, 20));
    await runner.runNow("test-job");
    blocked.open();
    await runner.idle();
    expect(runs).toBe(1);
  });
});
