import { InngestTestEngine } from "@inngest/test";
import { describe, expect, it } from "vitest";
import { dispatchScheduledActionsJob, scheduledActionClaimed } from "@/lib/jobs";
import { toInngestFunction } from "./functions";

const dispatchScheduledActionsFunction = toInngestFunction(dispatchScheduledActionsJob);

// The claim and the abandoned-action sweep run against Postgres in lib/schedule/claim.db.test.ts. Here
// their steps are mocked: with the real clock they would take other suites' actions from the shared test database.
const refs = (n: number, org = "00000000-0000-4000-8000-00000000000a") =>
  Array.from({ length: n }, (_, i) => ({ actionId: `00000000-0000-4000-8000-${String(i).padStart(12, "0")}`, organizationId: org }));

describe("dispatch-scheduled-actions (Inngest)", () => {
  it("runs every minute on Inngest and every 15 s on the local runner", () => {
    expect(dispatchScheduledActionsJob).toMatchObject({ id: "dispatch-scheduled-actions", cron: "* * * * *", runOnStart: true });
    expect(dispatchScheduledActionsJob.localCron?.()).toBe("*/15 * * * * *");
    expect(dispatchScheduledActionsFunction.id()).toBe("dispatch-scheduled-actions");
    expect(dispatchScheduledActionsFunction.opts).toMatchObject({ triggers: [{ cron: "TZ=UTC * * * * *" }], concurrency: { limit: 1 } });
  });

  it("fans out one due event per claimed action", async () => {
    const claimed = refs(3);
    const { result, ctx } = await new InngestTestEngine({
      function: dispatchScheduledActionsFunction,
      steps: [
        { id: "fail-abandoned", handler: () => 0 },
        { id: "claim-1", handler: () => claimed },
        { id: "fan-out-1", handler: () => ({ ids: ["a", "b", "c"] }) },
      ],
    }).execute();
    expect(result).toEqual({ claimed: 3 });
    expect(ctx.step.sendEvent).toHaveBeenCalledWith(
      "fan-out-1",
      claimed.map((data) => ({ name: scheduledActionClaimed.name, data })),
    );
  });

  it("sends nothing when nothing is due", async () => {
    const { result, ctx } = await new InngestTestEngine({
      function: dispatchScheduledActionsFunction,
      steps: [
        { id: "fail-abandoned", handler: () => 0 },
        { id: "claim-1", handler: () => [] },
      ],
    }).execute();
    expect(result).toEqual({ claimed: 0 });
    expect(ctx.step.sendEvent).not.toHaveBeenCalled();
  });

  it("claims another batch when a full one came back", async () => {
    const { result, ctx } = await new InngestTestEngine({
      function: dispatchScheduledActionsFunction,
      steps: [
        { id: "fail-abandoned", handler: () => 0 },
        { id: "claim-1", handler: () => refs(100) },
        { id: "fan-out-1", handler: () => ({ ids: [] }) },
        { id: "claim-2", handler: () => refs(2, "00000000-0000-4000-8000-00000000000b") },
        { id: "fan-out-2", handler: () => ({ ids: [] }) },
      ],
    }).execute();
    expect(result).toEqual({ claimed: 102 });
    expect(ctx.step.sendEvent).toHaveBeenCalledTimes(2);
  });
});
