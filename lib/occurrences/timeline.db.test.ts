import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { connectTestDatabase, createTestOrg, type TestOrg, rejection } from "@/test/database";

connectTestDatabase();
const { getDb, schema } = await import("@/lib/database");
const { createEvent } = await import("@/lib/occurrences/event-lifecycle");
const { materializeEvent } = await import("@/lib/occurrences/materialize");
const { getOccurrenceTimeline } = await import("./timeline");
const { listScheduledActions } = await import("./timeline");
const { instantToLocal } = await import("@/lib/recurrence/expand");
const { BERLIN, actionsOf, addRoster, eventInput, instancesOf, setRsvp } = await import("@/test/events");


describe("occurrence timeline", () => {
  let org: TestOrg;
  let instanceId: string;
  let people: Awaited<ReturnType<typeof addRoster>>;

  beforeAll(async () => {
    org = await createTestOrg("Timeline");
    const event = await createEvent(org.owner.ctx, eventInput({ kind: "demand" }));
    people = await addRoster(org.org.id, event.id, ["Ada", "Ben", "Cem", "Dora"]);
    await getDb().transaction((tx) => materializeEvent(tx, org.owner.ctx, event, new Date()));
    instanceId = (await instancesOf(event.id))[0]!.id;
    const [ada, ben, , dora] = people;
    await setRsvp(instanceId, ada!.id, "confirmed");
    await setRsvp(instanceId, ben!.id, "declined");
    await getDb().update(schema.participants).set({ optedOutAt: new Date() }).where(eq(schema.participants.id, dora!.id));
  });

  it("shows each action with its local due time, its recipients by RSVP, and what was sent", async () => {
    const confirmation = (await actionsOf(instanceId)).confirmation!;
    const cem = people[2]!;
    await getDb().insert(schema.messages).values({
      organizationId: org.org.id,
      participantId: cem.id,
      instanceId,
      scheduledActionId: confirmation.id,
      direction: "outbound",
      kind: "confirmation",
      type: "template",
      status: "sent",
    });

    const timeline = await getOccurrenceTimeline(org.owner.ctx, instanceId);
    expect(timeline.map((row) => row.action)).toEqual(["confirmation", "reminder", "tracking_link", "closure"]);
    const byAction = Object.fromEntries(timeline.map((row) => [row.action, row]));
    const names = (action: string) => byAction[action]!.recipients.map((r) => r.name);
    // Not yet answered (Dora opted out); confirmed; confirmed; the whole roster.
    expect(names("confirmation")).toEqual(["Cem"]);
    expect(names("reminder")).toEqual(["Ada"]);
    expect(names("tracking_link")).toEqual(["Ada"]);
    expect(names("closure")).toEqual(["Ada", "Ben", "Cem", "Dora"]);
    expect(byAction.reminder!.recipients[0]).toEqual({ participantId: people[0]!.id, name: "Ada", phone: people[0]!.phone });
    expect(byAction.confirmation!.messages).toMatchObject([{ participantId: cem.id, name: "Cem", kind: "confirmation", status: "sent" }]);
    expect(byAction.reminder!.messages).toEqual([]);
    expect(byAction.confirmation!.dueLocal).toBe(instantToLocal(confirmation.dueAt, BERLIN));
    expect(byAction.confirmation!.status).toBe("pending");
  });

  it("counts per recipient: only messages WhatsApp accepted as sent, who waits to retry and why, who failed", async () => {
    const reminder = (await actionsOf(instanceId)).reminder!;
    const [ada, ben, cem, dora] = people;
    const row = (participantId: string, status: "queued" | "sent" | "delivered" | "read" | "failed", errorCode: string | null = null) => ({
      organizationId: org.org.id,
      participantId,
      instanceId,
      scheduledActionId: reminder.id,
      direction: "outbound" as const,
      kind: "reminder" as const,
      type: "template",
      status,
      errorCode,
    });
    await getDb().insert(schema.messages).values([
      row(ada!.id, "read"),
      row(ben!.id, "delivered"),
      row(cem!.id, "queued", "pair_rate_limited"),
      row(dora!.id, "failed", "outside_24h_window"),
    ]);

    const reminderRow = (await getOccurrenceTimeline(org.owner.ctx, instanceId)).find((r) => r.action === "reminder")!;
    expect(reminderRow.messages).toHaveLength(4);
    expect(reminderRow.outcomes).toEqual({
      sent: 2,
      sending: 0,
      waiting: { count: 1, reasons: ["pair_rate_limited"] },
      failed: { count: 1, reasons: ["outside_24h_window"] },
    });
  });

  it("lists the raw scheduled actions soonest first", async () => {
    const actions = await listScheduledActions(org.owner.ctx, instanceId);
    expect(actions.map((a) => a.action)).toEqual(["confirmation", "reminder", "tracking_link", "closure"]);
    const viewer = await org.add("viewer");
    expect(await listScheduledActions(viewer.ctx, instanceId)).toHaveLength(4);
  });

  it("answers NOT_FOUND to another organization", async () => {
    const other = await createTestOrg("Stranger");
    expect((await rejection(getOccurrenceTimeline(other.owner.ctx, instanceId))).code).toBe("NOT_FOUND");
    expect((await rejection(listScheduledActions(other.owner.ctx, instanceId))).code).toBe("NOT_FOUND");
    expect((await rejection(listScheduledActions(other.owner.ctx, "x"))).code).toBe("NOT_FOUND");
  });
});
