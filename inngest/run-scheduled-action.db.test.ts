import { InngestTestEngine } from "@inngest/test";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { connectTestDatabase } from "@/test/database";
import { startFakeGraphApiForTests } from "@/test/fakes/graph-api-server";

connectTestDatabase();
const graph = await startFakeGraphApiForTests();

const { runScheduledActionJob, scheduledActionClaimed } = await import("@/lib/jobs");
const { eventOf } = await import("@/lib/jobs");
const { toInngestFunction } = await import("./functions");
const { inngestBackoffMs } = await import("./local-events");
const { startLocalRunner } = await import("./local-runner");
const runScheduledActionFunction = toInngestFunction(runScheduledActionJob);
const { given } = await import("@/test/given");
const { actionRow, messagesOf, okWithUniqueWamid } = await import("@/test/schedule");
graph.setBehaviour(okWithUniqueWamid());

afterAll(() => graph.close());
let runner: { stop(): void } | undefined;
afterEach(() => runner?.stop());

const due = (data: Record<string, unknown>) => ({
  function: runScheduledActionFunction,
  events: [{ name: scheduledActionClaimed.name, data }] as [{ name: string; data: Record<string, unknown> }],
});

describe("run-scheduled-action (Inngest)", () => {
  it("is triggered by the due event, retries 4 times, and is throttled and limited per organization", () => {
    expect(runScheduledActionFunction.id()).toBe("run-scheduled-action");
    expect(runScheduledActionFunction.opts).toMatchObject({
      triggers: [{ event: "app/scheduled-action.claimed" }],
      retries: 4,
      throttle: { limit: 60, period: "1s", key: "event.data.organizationId" },
      concurrency: { key: "event.data.organizationId" },
    });
    // Below WhatsApp's 80 messages/s per number.
    expect(runScheduledActionFunction.opts.throttle!.limit).toBeLessThan(80);
  });

  it("sends the action's messages in a step and returns the summary", async () => {
    const f = await given.org({ whatsapp: true }).occurrence().people([{ name: "Ada" }, { name: "Ben" }]).action("confirmation");
    const { ref } = f.action;
    const { result, ctx } = await new InngestTestEngine(due(ref)).execute();
    expect(result).toMatchObject({ outcome: "done", sent: 2, recipients: 2 });
    expect(ctx.step.run).toHaveBeenCalledWith("send-1", expect.any(Function));
    expect((await actionRow(ref.actionId)).status).toBe("done");
  });

  it("a payload that names no action fails without retries (NonRetriableError)", async () => {
    const { error } = await new InngestTestEngine(due({ actionId: "nope" })).execute();
    expect(error).toMatchObject({ name: "NonRetriableError", message: expect.stringMatching(/names no scheduled action|does not name/) });
  });

  it("a setting that makes sending impossible fails without retries, and the action says why", async () => {
    const f = await given.org().occurrence().people([{ name: "Ada" }]).action("confirmation");
    const { ref } = f.action;
    const { error } = await new InngestTestEngine(due(ref)).execute();
    expect(error).toMatchObject({ name: "NonRetriableError", message: expect.stringMatching(/phone number id/) });
    expect((await actionRow(ref.actionId)).status).toBe("failed");
  });

  it("a 429 fails the attempt with a retriable error; the retry sends each message once", async () => {
    const f = await given.org({ whatsapp: true }).occurrence().people([{ name: "Ada" }, { name: "Ben" }]).action("confirmation");
    const { ref } = f.action;
    const before = graph.requests.length;
    graph.queueBehaviours({ kind: "rate-limited" });

    const first = await new InngestTestEngine(due(ref)).execute();
    expect(first.error).toBeDefined();
    expect(first.error).not.toMatchObject({ name: "NonRetriableError" });
    expect(first.error).toMatchObject({ name: "RetryLaterError" });

    const retry = await new InngestTestEngine(due(ref)).execute();
    expect(retry.result).toMatchObject({ outcome: "done", sent: 2 });
    expect(graph.requests.length - before).toBe(3);
    expect((await messagesOf(ref.actionId)).map((m) => m.status)).toEqual(["sent", "sent"]);
  });

  it("131056 for one person does not fail the run: the others are sent, and the action waits for that person's retry", async () => {
    const f = await given.org({ whatsapp: true }).occurrence().people([{ name: "Ada" }, { name: "Ben" }]).action("confirmation");
    const { ref } = f.action;
    graph.queueBehavioursFor(f.byName("Ada").participant.phone, { kind: "pair-rate-limited" });
    const { result, error } = await new InngestTestEngine(due(ref)).execute();
    expect(error).toBeUndefined();
    expect(result).toMatchObject({ outcome: "waiting", sent: 1, waiting: 1 });
    expect((await messagesOf(ref.actionId)).map((m) => m.status)).toEqual(["queued", "sent"]);
    expect(await actionRow(ref.actionId)).toMatchObject({ status: "pending", retryAt: expect.any(Date) });
  });

  it("131047 for one person is recorded on the message, not retried; the run succeeds", async () => {
    const f = await given.org({ whatsapp: true }).occurrence().people([{ name: "Ada" }, { name: "Ben" }]).action("confirmation");
    const { ref } = f.action;
    graph.queueBehaviours({ kind: "re-engagement" });
    const { result, error } = await new InngestTestEngine(due(ref)).execute();
    expect(error).toBeUndefined();
    expect(result).toMatchObject({ outcome: "done", sent: 1, failed: 1 });
    expect((await messagesOf(ref.actionId)).map((m) => m.errorCode)).toEqual(["outside_24h_window", null]);
  });
});

describe("run-scheduled-action: when Inngest gives up", () => {
  it("its onFailure marks the action failed with the reason; an event that named no action changes nothing", async () => {
    const f = await given.org({ whatsapp: true }).occurrence().people([{ name: "Ada" }]).action("confirmation");
    const { ref } = f.action;
    type OnFailure = (input: { event: unknown; error: Error; step: unknown }) => Promise<void>;
    const onFailure = runScheduledActionFunction.opts.onFailure as unknown as OnFailure;
    const step = { run: (_id: string, work: () => Promise<unknown>) => work(), sendEvent: async () => ({ ids: [] }) };
    const failed = (data: unknown) => ({ event: { data: { event: { name: scheduledActionClaimed.name, data } } }, error: new Error("WhatsApp is down"), step });

    await onFailure(failed({ actionId: "nope" }));
    expect((await actionRow(ref.actionId)).status).toBe("running");
    await onFailure(failed(ref));
    expect(await actionRow(ref.actionId)).toMatchObject({ status: "failed", note: "Gave up after several attempts: WhatsApp is down" });
  });
});

describe("run-scheduled-action on the local runner: the definition's retries, as on Inngest", () => {
  /** Runs the claimed action's event through the local runner, noting the backoff it asks for and waiting none. */
  async function runLocally(ref: { actionId: string; organizationId: string }) {
    const waits: number[] = [];
    const local = startLocalRunner([runScheduledActionJob], {
      backoffMs: (retry) => {
        waits.push(inngestBackoffMs(retry));
        return 0;
      },
    });
    runner = local;
    local.send([eventOf(scheduledActionClaimed, ref)]);
    await local.idle();
    return waits;
  }

  it("a 429 is tried again after Inngest's first wait (15 s); the retry sends each message once", async () => {
    const f = await given.org({ whatsapp: true }).occurrence().people([{ name: "Ada" }, { name: "Ben" }]).action("confirmation");
    const { ref } = f.action;
    const before = graph.requests.length;
    graph.queueBehaviours({ kind: "rate-limited" });

    expect(await runLocally(ref)).toEqual([15_000]);
    expect(graph.requests.length - before).toBe(3);
    expect((await messagesOf(ref.actionId)).map((m) => m.status)).toEqual(["sent", "sent"]);
    expect((await actionRow(ref.actionId)).status).toBe("done");
  });

  it("after as many retries as Inngest makes it gives up, and the action says why, as Inngest's onFailure records it", async () => {
    const f = await given.org({ whatsapp: true }).occurrence().people([{ name: "Ada" }, { name: "Ben" }]).action("confirmation");
    const { ref } = f.action;
    const before = graph.requests.length;
    graph.queueBehaviours(...Array(5).fill({ kind: "rate-limited" }));

    expect(await runLocally(ref)).toEqual([15_000, 30_000, 60_000, 120_000]);
    expect(runScheduledActionFunction.opts.retries).toBe(4);
    expect(graph.requests.length - before).toBe(5);
    expect(await actionRow(ref.actionId)).toMatchObject({
      status: "failed",
      note: expect.stringMatching(/^Gave up after several attempts: WhatsApp asked us to slow down/),
    });
    expect((await messagesOf(ref.actionId)).map((m) => [m.status, m.errorCode])).toEqual([["failed", "rate_limited"]]);
  });
});
