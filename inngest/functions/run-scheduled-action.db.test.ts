import { InngestTestEngine } from "@inngest/test";
import { afterAll, describe, expect, it } from "vitest";
import { connectTestDatabase } from "@/db/test-helpers";
import { startFakeGraphApiForTests } from "@/lib/whatsapp/fake-graph-server";

connectTestDatabase();
const graph = await startFakeGraphApiForTests();

const { runScheduledActionFunction } = await import("./run-scheduled-action");
const { SCHEDULED_ACTION_DUE_EVENT } = await import("./dispatch-scheduled-actions");
const { actionRow, createAction, createOutboundFixture, messagesOf, okWithUniqueWamid } = await import("@/lib/schedule/test-helpers");
graph.setBehaviour(okWithUniqueWamid());

afterAll(() => graph.close());

const due = (data: Record<string, unknown>) => ({
  function: runScheduledActionFunction,
  events: [{ name: SCHEDULED_ACTION_DUE_EVENT, data }] as [{ name: string; data: Record<string, unknown> }],
});

describe("run-scheduled-action (Inngest)", () => {
  it("is triggered by the due event, retries 4 times, and is throttled and limited per organization", () => {
    expect(runScheduledActionFunction.id()).toBe("run-scheduled-action");
    expect(runScheduledActionFunction.opts).toMatchObject({
      triggers: [{ event: "whatsapp/scheduled-action.due" }],
      retries: 4,
      throttle: { limit: 60, period: "1s", key: "event.data.organizationId" },
      concurrency: { key: "event.data.organizationId" },
    });
    // Below WhatsApp's 80 messages/s per number.
    expect(runScheduledActionFunction.opts.throttle!.limit).toBeLessThan(80);
  });

  it("sends the action's messages in a step and returns the summary", async () => {
    const f = await createOutboundFixture("InngestRun", { people: [{ name: "Ada" }, { name: "Ben" }] });
    const { ref } = await createAction(f.org.id, f.instance.id, "confirmation");
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
    const f = await createOutboundFixture("InngestNoNumber", { phoneNumberId: null, people: [{ name: "Ada" }] });
    const { ref } = await createAction(f.org.id, f.instance.id, "confirmation");
    const { error } = await new InngestTestEngine(due(ref)).execute();
    expect(error).toMatchObject({ name: "NonRetriableError", message: expect.stringMatching(/phone number id/) });
    expect((await actionRow(ref.actionId)).status).toBe("failed");
  });

  it("a 429 fails the attempt with a retriable error; the retry sends each message once", async () => {
    const f = await createOutboundFixture("InngestRetry", { people: [{ name: "Ada" }, { name: "Ben" }] });
    const { ref } = await createAction(f.org.id, f.instance.id, "confirmation");
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
    const f = await createOutboundFixture("InngestPairLimit", { people: [{ name: "Ada" }, { name: "Ben" }] });
    const { ref } = await createAction(f.org.id, f.instance.id, "confirmation");
    graph.queueBehavioursFor(f.byName("Ada").participant.phone, { kind: "pair-rate-limited" });
    const { result, error } = await new InngestTestEngine(due(ref)).execute();
    expect(error).toBeUndefined();
    expect(result).toMatchObject({ outcome: "waiting", sent: 1, waiting: 1 });
    expect((await messagesOf(ref.actionId)).map((m) => m.status)).toEqual(["queued", "sent"]);
    expect(await actionRow(ref.actionId)).toMatchObject({ status: "pending", retryAt: expect.any(Date) });
  });

  it("131047 for one person is recorded on the message, not retried; the run succeeds", async () => {
    const f = await createOutboundFixture("InngestWindow", { people: [{ name: "Ada" }, { name: "Ben" }] });
    const { ref } = await createAction(f.org.id, f.instance.id, "confirmation");
    graph.queueBehaviours({ kind: "re-engagement" });
    const { result, error } = await new InngestTestEngine(due(ref)).execute();
    expect(error).toBeUndefined();
    expect(result).toMatchObject({ outcome: "done", sent: 1, failed: 1 });
    expect((await messagesOf(ref.actionId)).map((m) => m.errorCode)).toEqual(["outside_24h_window", null]);
  });
});
