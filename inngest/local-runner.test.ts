import { afterEach, describe, expect, it } from "vitest";
import type { ScheduledJob } from "./jobs";
import { startLocalRunner, type LocalRunner } from "./local-runner";

let runner: LocalRunner | undefined;
afterEach(() => runner?.stop());

function job(overrides: Partial<ScheduledJob> & Pick<ScheduledJob, "run">): ScheduledJob {
  return { id: "test-job", cron: "0 0 1 1 *", runOnStart: false, ...overrides };
}

describe("local job runner", () => {
  it("runs a job marked runOnStart as soon as it starts", async () => {
    let runs = 0;
    runner = startLocalRunner([job({ runOnStart: true, run: async () => void runs++ })]);
    await expect.poll(() => runs).toBe(1);
  });

  it("runs a job on its cron schedule", async () => {
    let runs = 0;
    runner = startLocalRunner([job({ cron: "* * * * * *", run: async () => void runs++ })]);
    await expect.poll(() => runs, { timeout: 3500 }).toBeGreaterThanOrEqual(2);
  });

  it("skips a run that is due while the previous one is still going, and keeps the schedule after a failure", async () => {
    let started = 0;
    let release!: () => void;
    const blocked = new Promise<void>((resolve) => (release = resolve));
    runner = startLocalRunner([
      job({
        run: async () => {
          started++;
          if (started === 1) await blocked;
          if (started === 2) throw new Error("boom");
        },
      }),
    ]);
    const first = runner.runNow("test-job");
    await runner.runNow("test-job"); // overlaps the first: skipped
    expect(started).toBe(1);
    release();
    await first;
    await runner.runNow("test-job"); // throws inside, logged, not rethrown
    await runner.runNow("test-job");
    expect(started).toBe(3);
  });
});
