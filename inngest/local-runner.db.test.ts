import { afterEach, describe, expect, it } from "vitest";
import { connectTestDatabase } from "@/test/database";
import type { LocalRunner } from "./local-runner";

// No WHATSAPP_* settings in this file: the embedded mode's log transport.
connectTestDatabase();
const { eventOf, runScheduledActionJob, scheduledActionClaimed } = await import("@/lib/jobs");
const { given } = await import("@/test/given");
const { actionRow, messagesOf } = await import("@/test/schedule");
const { startLocalRunner } = await import("./local-runner");

let runner: LocalRunner | undefined;
afterEach(() => runner?.stop());

describe("run-scheduled-action on the local runner (embedded mode, log transport)", () => {
  it("runs a claimed action here: messages are kept in the outbox with a made-up wamid, nothing leaves", async () => {
    // No phone number id either: the log transport does not need one. The action as the dispatcher leaves it (running,
    // one attempt), with the event it sends.
    const f = await given.org().occurrence().people([{ name: "Ada" }, { name: "Ben", wroteHoursAgo: 1 }, { name: "Cem", rsvp: "confirmed" }]).action("confirmation");
    const { ref } = f.action;
    runner = startLocalRunner([runScheduledActionJob]);
    runner.send([eventOf(scheduledActionClaimed, ref)]);
    await runner.idle();

    const rows = await messagesOf(ref.actionId);
    expect(rows.map((r) => [r.participantId, r.type, r.status])).toEqual(
      expect.arrayContaining([
        [f.byName("Ada").participant.id, "template", "sent"],
        [f.byName("Ben").participant.id, "interactive", "sent"],
      ]),
    );
    expect(rows).toHaveLength(2);
    for (const row of rows) expect(row.wamid).toMatch(/^wamid\.log\./);
    expect(rows[0]!.body).toMatchObject({ messaging_product: "whatsapp", to: expect.stringMatching(/^\+49/) });
    expect(await actionRow(ref.actionId)).toMatchObject({ status: "done", attempts: 1 });
  });
});
