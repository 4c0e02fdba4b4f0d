import { describe, expect, it } from "vitest";
import { events, jobs, runScheduledActionJob, scheduledActionClaimed } from "@/lib/jobs";
import { functions } from "./functions";

describe("jobs, each defined once", () => {
  it("Inngest serves one function per job definition, built from it: the local runner runs the same list", () => {
    expect(functions.map((f) => f.id())).toEqual(jobs.map((job) => job.id));
    expect(new Set(jobs.map((job) => job.id)).size).toBe(jobs.length);
  });

  it("run-scheduled-action is one of them: the local runner runs it too, with the same retries", () => {
    expect(jobs).toContain(runScheduledActionJob);
    expect(runScheduledActionJob).toMatchObject({ id: "run-scheduled-action", event: scheduledActionClaimed, retries: 4 });
  });

  it("keeps the function ids already shipped (Inngest ids are permanent)", () => {
    expect(jobs.map((job) => job.id).sort()).toEqual([
      "deliver-webhooks",
      "dispatch-scheduled-actions",
      "ensure-location-partitions",
      "flush-location-buffer",
      "materialize-occurrences",
      "purge-idempotency-keys",
      "purge-locations",
      "purge-webhook-deliveries",
      "refresh-etas",
      "run-scheduled-action",
      "send-location-follow-ups",
    ]);
  });

  it("names every event app/<subject>.<past tense>, and triggers functions only with those events", () => {
    for (const event of events) expect(event.name).toMatch(/^app\/[a-z]+(-[a-z]+)*\.[a-z]+(-[a-z]+)*ed$/);
    const triggeredBy = functions.flatMap((f) => (f.opts.triggers ?? []).flatMap((t) => ("event" in t && t.event ? [t.event] : [])));
    expect(triggeredBy.sort()).toEqual(["app/locations.flushed", "app/scheduled-action.claimed", "app/webhooks.enqueued"]);
    for (const job of jobs) if (job.event) expect(events).toContain(job.event);
  });
});
