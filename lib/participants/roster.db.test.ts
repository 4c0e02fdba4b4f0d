import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { connectTestDatabase } from "@/test/database";
import type { Given } from "@/test/given";

connectTestDatabase();
const { getDb, schema } = await import("@/lib/database");
const { given } = await import("@/test/given");
const { attendancesOf, refusal } = await import("@/test/participants");
const { addToRoster, createParticipant, createParticipantOnRoster, listRoster, removeFromRoster } = await import(
  "./participants"
);

const { attendances, eventParticipants, scheduledActions } = schema;

describe("roster", () => {
  let t: Given;
  let event: Given["event"];
  let past: string;
  let future: string[];

  beforeAll(async () => {
    t = await given.org({ country: "DE" }).event({ kind: "periodic" }).occurrences([-24 * 7, 24, 24 * 8, 24 * 15, 24 * 22]);
    event = t.event;
    const [first, ...upcoming] = t.instances;
    past = first!.id;
    // The last one is cancelled: a cancelled future occurrence gets no new attendances.
    const cancelled = upcoming.pop();
    future = upcoming.map((instance) => instance.id);
    await getDb()
      .update(schema.eventInstances)
      .set({ status: "cancelled" })
      .where(eq(schema.eventInstances.id, cancelled!.id));
  });

  it("a new person added to the roster in one step gets the roster entry and future attendances, or nothing at all", async () => {
    const { event: ownEvent, instances } = await given.in(t).event({ kind: "periodic", title: "Noa's run" }).occurrences([24, 48]);
    const upcoming = instances.map((i) => i.id);
    const noa = await createParticipantOnRoster(t.owner.ctx, { eventId: ownEvent.id, name: "Noa", phone: "0151 5550 1234" });
    expect((await attendancesOf(t.org.id, noa.id)).map((a) => a.instanceId).sort()).toEqual([...upcoming].sort());

    // Another organization's event: refused, and the person is not created either.
    const { event: foreignEvent } = await given.org().event({ kind: "periodic" });
    const refused = await refusal(
      createParticipantOnRoster(t.owner.ctx, { eventId: foreignEvent.id, name: "Ghost", phone: "0151 5550 9999" }),
    );
    expect(refused.code).toBe("NOT_FOUND");
    const ghosts = await getDb()
      .select()
      .from(schema.participants)
      .where(and(eq(schema.participants.organizationId, t.org.id), eq(schema.participants.name, "Ghost")));
    expect(ghosts).toEqual([]);

    // A phone already in use: CONFLICT, and no second roster entry.
    const duplicate = createParticipantOnRoster(t.owner.ctx, { eventId: ownEvent.id, name: "Noa 2", phone: "+4915155501234" });
    expect((await refusal(duplicate)).code).toBe("CONFLICT");
    expect((await listRoster(t.owner.ctx, ownEvent.id)).map((r) => r.name)).toEqual(["Noa"]);
  });

  it("adding someone gives them an attendance on each future scheduled occurrence, once", async () => {
    const kim = await createParticipant(t.owner.ctx, { name: "Kim", phone: "0151 1234 5678", guardianOf: "Lena" });
    expect(await addToRoster(t.owner.ctx, { eventId: event.id, participantId: kim.id })).toEqual({
      added: true,
      attendancesCreated: 3,
    });
    const mine = await attendancesOf(t.org.id, kim.id);
    expect(mine.map((a) => a.instanceId).sort()).toEqual([...future].sort());
    expect(mine.every((a) => a.rsvp === "pending" && a.journey === "not_started")).toBe(true);

    expect(await addToRoster(t.owner.ctx, { eventId: event.id, participantId: kim.id })).toEqual({
      added: false,
      attendancesCreated: 0,
    });
    expect(await attendancesOf(t.org.id, kim.id)).toHaveLength(3);
    expect(await listRoster(t.owner.ctx, event.id)).toEqual([
      expect.objectContaining({ participantId: kim.id, phone: "+4915112345678", guardianOf: "Lena", optedOutAt: null }),
    ]);
  });

  it("removing drops untouched future attendances, keeps past and answered ones, cancels their messages", async () => {
    const ali = await createParticipant(t.owner.ctx, { name: "Ali", phone: "0151 2222 3333" });
    await addToRoster(t.owner.ctx, { eventId: event.id, participantId: ali.id });
    // History: a past occurrence they attended, and a future one they already confirmed.
    await getDb()
      .insert(attendances)
      .values({ organizationId: t.org.id, instanceId: past, participantId: ali.id, rsvp: "confirmed" });
    await getDb()
      .update(attendances)
      .set({ rsvp: "confirmed" })
      .where(and(eq(attendances.participantId, ali.id), eq(attendances.instanceId, future[2]!)));
    const [personal] = await getDb()
      .insert(scheduledActions)
      .values({
        organizationId: t.org.id,
        instanceId: future[0]!,
        participantId: ali.id,
        action: "reminder",
        dueAt: new Date(Date.now() + 3_600_000),
      })
      .returning();

    expect(await removeFromRoster(t.owner.ctx, { eventId: event.id, participantId: ali.id })).toEqual({
      attendancesRemoved: 2,
      futureAttendancesKept: 1,
    });
    const left = await attendancesOf(t.org.id, ali.id);
    expect(left.map((a) => a.instanceId).sort()).toEqual([past, future[2]!].sort());
    const [action] = await getDb().select().from(scheduledActions).where(eq(scheduledActions.id, personal!.id));
    expect(action!.status).toBe("cancelled");
    expect((await listRoster(t.owner.ctx, event.id)).map((r) => r.name)).toEqual(["Kim"]);
    const again = await refusal(removeFromRoster(t.owner.ctx, { eventId: event.id, participantId: ali.id }));
    expect(again.code).toBe("NOT_FOUND");

    // Coming back later fills the gaps again without touching what happened.
    expect((await addToRoster(t.owner.ctx, { eventId: event.id, participantId: ali.id })).attendancesCreated).toBe(2);
    expect(await attendancesOf(t.org.id, ali.id)).toHaveLength(4);
  });

  it("another organization can neither read nor change the roster, nor mix its people with it", async () => {
    const other = await given.org().event({ kind: "periodic" });
    const ctx = other.owner.ctx;
    const before = await listRoster(t.owner.ctx, event.id);
    const kim = before.find((entry) => entry.name === "Kim");
    const stranger = await createParticipant(ctx, { name: "Stranger", phone: "+4915177778888" });
    const otherEvent = other.event;

    expect((await refusal(listRoster(ctx, event.id))).code).toBe("NOT_FOUND");
    expect((await refusal(addToRoster(ctx, { eventId: event.id, participantId: stranger.id }))).code).toBe("NOT_FOUND");
    const kimToTheirs = { eventId: otherEvent.id, participantId: kim!.participantId };
    expect((await refusal(addToRoster(ctx, kimToTheirs))).code).toBe("NOT_FOUND");
    const strangerToOurs = { eventId: event.id, participantId: stranger.id };
    expect((await refusal(addToRoster(t.owner.ctx, strangerToOurs))).code).toBe("NOT_FOUND");
    expect((await refusal(removeFromRoster(ctx, { eventId: event.id, participantId: kim!.participantId }))).code).toBe(
      "NOT_FOUND",
    );
    expect(await getDb().$count(eventParticipants, eq(eventParticipants.organizationId, other.org.id))).toBe(0);
    expect(await listRoster(t.owner.ctx, event.id)).toEqual(before);
  });

  it("staff and viewers read the roster but cannot change it", async () => {
    const before = await listRoster(t.owner.ctx, event.id);
    const newcomer = await createParticipant(t.owner.ctx, { name: "Zoe", phone: "+4915155556666" });
    for (const role of ["staff", "viewer"] as const) {
      const { ctx } = await t.add(role);
      expect(await listRoster(ctx, event.id)).toEqual(before);
      const add = { eventId: event.id, participantId: newcomer.id };
      expect((await refusal(addToRoster(ctx, add))).code).toBe("FORBIDDEN");
      const remove = { eventId: event.id, participantId: before[0]!.participantId };
      expect((await refusal(removeFromRoster(ctx, remove))).code).toBe("FORBIDDEN");
    }
    expect(await listRoster(t.owner.ctx, event.id)).toEqual(before);
    expect(await attendancesOf(t.org.id, newcomer.id)).toEqual([]);
  });
});
