import { describe, expect, it } from "vitest";
import { connectTestDatabase } from "@/test/database";

// No WHATSAPP_* settings in this file: messages go through the embedded mode's log transport.
connectTestDatabase();
const { eq } = await import("drizzle-orm");
const { getDb, schema } = await import("@/lib/database");
const { createParticipantOnRoster } = await import("@/lib/participants/participants");
const { scheduledActionDependencies } = await import("@/lib/jobs/scheduled-actions");
const { rerunDoneActions, runScheduledAction } = await import("./index");
const { given, randomPhone } = await import("@/test/given");
const { actionRow, messagesOf, setRunning } = await import("@/test/schedule");

const fast = { ...scheduledActionDependencies, sendsPerSecond: 1000 };

/** An occurrence whose confirmation request already went out to Ada (the action is done). */
async function confirmationSentToAda(name: string, startsInMinutes = 120) {
  const f = await given.org({ name }).occurrence({ startsInMinutes }).people([{ name: "Ada" }]).action("confirmation");
  const { ref } = f.action;
  expect(await runScheduledAction(ref, new Date(), fast)).toMatchObject({ outcome: "done", sent: 1 });
  expect(await actionRow(ref.actionId)).toMatchObject({ status: "done" });
  return { f, ref };
}

describe("people added after an occurrence's messages went out", () => {
  it("get the confirmation request too, and nobody already asked is asked twice", async () => {
    const { f, ref } = await confirmationSentToAda("Late joiner");
    await createParticipantOnRoster(f.owner.ctx, { eventId: f.event.id, name: "Ben", phone: randomPhone() });
    expect(await actionRow(ref.actionId)).toMatchObject({ status: "pending", attempts: 0, completedAt: null });

    await setRunning(ref.actionId);
    expect(await runScheduledAction(ref, new Date(), fast)).toMatchObject({ outcome: "done", sent: 1, alreadyHandled: 1 });
    const sent = await messagesOf(ref.actionId);
    const names = await getDb().select({ id: schema.participants.id, name: schema.participants.name }).from(schema.participants)
      .where(eq(schema.participants.organizationId, f.org.id));
    const nameOf = new Map(names.map((p) => [p.id, p.name]));
    expect(sent.map((m) => nameOf.get(m.participantId!)).sort()).toEqual(["Ada", "Ben"]);
  });

  it("leave an occurrence that has started alone, and another organization cannot re-open its actions", async () => {
    const { f, ref } = await confirmationSentToAda("Started", 10);
    const later = new Date(f.instance.startsAt.getTime() + 60_000);
    expect(await rerunDoneActions(getDb(), f.org.id, [f.instance.id], later)).toBe(0);
    expect(await actionRow(ref.actionId)).toMatchObject({ status: "done" });

    const other = await given.org().occurrence();
    expect(await rerunDoneActions(getDb(), other.org.id, [f.instance.id], new Date())).toBe(0);
    expect(await actionRow(ref.actionId)).toMatchObject({ status: "done" });
    expect(await rerunDoneActions(getDb(), f.org.id, [f.instance.id], new Date())).toBe(1);
  });
});
