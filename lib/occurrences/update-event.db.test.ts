import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { connectTestDatabase, createTestOrg, type TestOrg } from "@/test/database";

connectTestDatabase();
const { getDb, schema } = await import("@/lib/database");
const { createEvent, updateEvent } = await import("@/lib/occurrences/event-lifecycle");
const { cancelOccurrence, moveOccurrence } = await import("@/lib/occurrences/occurrences");
const { materializeEvent } = await import("@/lib/occurrences/materialize");
const { instantToLocal } = await import("@/lib/recurrence/expand");
const { BERLIN, actionsOf, addRoster, eventInput, instancesOf, setRsvp } = await import("@/test/events");

const MINUTE = 60_000;
const { attendances, scheduledActions } = schema;

/** A weekly event with a two-person roster and attendances on every occurrence. */
async function eventWithRoster(org: TestOrg) {
  const input = eventInput();
  const event = await createEvent(org.owner.ctx, input);
  const people = await addRoster(org.org.id, event.id, ["Ada", "Ben"]);
  await getDb().transaction((tx) => materializeEvent(tx, org.owner.ctx, event, new Date()));
  return { input, event, people, instances: await instancesOf(event.id) };
}

describe("updateEvent", () => {
  let org: TestOrg;
  beforeAll(async () => {
    org = await createTestOrg("Edits");
  });

  it("regenerates future occurrences nothing happened to, and keeps confirmed, moved, messaged and cancelled ones", async () => {
    const { input, event, people, instances } = await eventWithRoster(org);
    const [confirmed, moved, messaged, cancelled, ...untouched] = instances;
    await cancelOccurrence(org.owner.ctx, { instanceId: cancelled!.id });
    await setRsvp(confirmed!.id, people[0]!.id, "confirmed");
    const sent = (await actionsOf(messaged!.id)).confirmation!;
    await getDb().update(scheduledActions).set({ status: "done" }).where(eq(scheduledActions.id, sent.id));
    const movedTo = `${instantToLocal(moved!.startsAt, BERLIN).slice(0, 10)}T10:15`;
    await moveOccurrence(org.owner.ctx, { instanceId: moved!.id, startsLocal: movedTo });

    await updateEvent(org.owner.ctx, { ...input, dtstartLocal: `${input.dtstartLocal.slice(0, 10)}T08:00`, eventId: event.id });

    const after = await instancesOf(event.id);
    const byId = new Map(after.map((i) => [i.id, i]));
    expect(byId.get(confirmed!.id)?.startsAt).toEqual(confirmed!.startsAt);
    expect(byId.get(moved!.id)).toMatchObject({ isDetached: true });
    expect(instantToLocal(byId.get(moved!.id)!.startsAt, BERLIN)).toBe(movedTo);
    expect(byId.get(messaged!.id)?.startsAt).toEqual(messaged!.startsAt);
    expect(byId.get(cancelled!.id)).toMatchObject({ status: "cancelled", startsAt: cancelled!.startsAt });
    expect(untouched.some((i) => byId.has(i.id))).toBe(false);

    const kept = new Set([confirmed, moved, messaged, cancelled].map((i) => i!.id));
    const regenerated = after.filter((i) => !kept.has(i.id));
    // The new rule yields the same dates at 08:00, except where a kept occurrence still stands for its date (the
    // last one may fall on either side of the 60-day horizon).
    const dates = (list: typeof after) => list.map((i) => instantToLocal(i.startsAt, BERLIN).slice(0, 10));
    const expectedDates = dates(untouched);
    expect(dates(regenerated).slice(0, expectedDates.length - 1)).toEqual(expectedDates.slice(0, -1));
    expect(regenerated.every((i) => instantToLocal(i.startsAt, BERLIN).endsWith("T08:00"))).toBe(true);
    const newAttendances = await getDb().select().from(attendances).where(eq(attendances.instanceId, regenerated[0]!.id));
    expect(newAttendances).toHaveLength(2);
    const actions = await actionsOf(regenerated[0]!.id);
    expect(actions.reminder!.dueAt.getTime()).toBe(regenerated[0]!.startsAt.getTime() - 120 * MINUTE);
    // The kept, confirmed occurrence still has its answer.
    const answers = await getDb().select().from(attendances).where(eq(attendances.instanceId, confirmed!.id));
    expect(answers.find((a) => a.participantId === people[0]!.id)?.rsvp).toBe("confirmed");
  });

  it("a skipped date removes that occurrence; a title-only edit regenerates nothing", async () => {
    const { input, event, instances } = await eventWithRoster(org);
    await updateEvent(org.owner.ctx, { ...input, title: "Renamed", eventId: event.id });
    expect((await instancesOf(event.id)).map((i) => i.id)).toEqual(instances.map((i) => i.id));

    const skipped = instantToLocal(instances[2]!.startsAt, BERLIN);
    await updateEvent(org.owner.ctx, { ...input, title: "Renamed", exdates: [skipped], eventId: event.id });
    const after = await instancesOf(event.id);
    expect(after.map((i) => instantToLocal(i.startsAt, BERLIN))).not.toContain(skipped);
    expect(after).toHaveLength(instances.length - 1);
  });

  it("a schedule change re-times pending actions of future occurrences, cancels a message turned off and revives it", async () => {
    const { input, event, instances } = await eventWithRoster(org);
    const [first, second] = instances;
    const done = (await actionsOf(second!.id)).reminder!;
    await getDb().update(scheduledActions).set({ status: "done" }).where(eq(scheduledActions.id, done.id));

    const schedule = { ...input.schedule!, reminderOffsetMinutes: 180, closureOffsetMinutes: null };
    await updateEvent(org.owner.ctx, { ...input, schedule, eventId: event.id });
    const firstActions = await actionsOf(first!.id);
    expect(firstActions.reminder).toMatchObject({ status: "pending", dueAt: new Date(first!.startsAt.getTime() - 180 * MINUTE) });
    expect(firstActions.closure!.status).toBe("cancelled");
    expect(firstActions.confirmation!.dueAt.getTime()).toBe(first!.startsAt.getTime() - 1440 * MINUTE);
    const secondActions = await actionsOf(second!.id);
    expect(secondActions.reminder).toMatchObject({ status: "done", dueAt: done.dueAt });
    // Nothing was regenerated: the schedule is not the rule.
    expect((await instancesOf(event.id)).map((i) => i.id)).toEqual(instances.map((i) => i.id));

    await updateEvent(org.owner.ctx, { ...input, schedule: { ...schedule, closureOffsetMinutes: 45 }, eventId: event.id });
    const revived = (await actionsOf(first!.id)).closure!;
    expect(revived).toMatchObject({ status: "pending", dueAt: new Date(first!.endsAt.getTime() + 45 * MINUTE) });
  });

  it("a new duration moves the ends of future occurrences and their closure", async () => {
    const { input, event, instances } = await eventWithRoster(org);
    await updateEvent(org.owner.ctx, { ...input, durationMinutes: 90, eventId: event.id });
    const after = await instancesOf(event.id);
    expect(after.map((i) => i.id)).toEqual(instances.map((i) => i.id));
    expect(after.every((i) => i.endsAt.getTime() - i.startsAt.getTime() === 90 * MINUTE)).toBe(true);
    expect((await actionsOf(after[0]!.id)).closure!.dueAt.getTime()).toBe(after[0]!.startsAt.getTime() + 120 * MINUTE);
  });
});
