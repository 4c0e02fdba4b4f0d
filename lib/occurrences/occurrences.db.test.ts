import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { connectTestDatabase, createTestOrg, type TestOrg, rejection } from "@/test/database";

connectTestDatabase();
const { getDb, schema } = await import("@/lib/database");
const { createEvent } = await import("@/lib/occurrences/event-lifecycle");
const { getEvent } = await import("@/lib/events/read-events");
const { cancelOccurrence, moveOccurrence, changeThisAndFollowing, getOccurrence, listUpcomingOccurrences } = await import(
  "./occurrences"
);
const { materializeEvent } = await import("./materialize");
const { instantToLocal } = await import("@/lib/recurrence/expand");
const { describeTiming } = await import("@/lib/recurrence");
const { formatterFor, translatorFor } = await import("@/lib/i18n");
const { BERLIN, DAY, actionsOf, addRoster, countRows, eventInput, instancesOf, setRsvp } = await import(
  "@/test/events"
);

const MINUTE = 60_000;
const { attendances, eventParticipants, scheduledActions } = schema;


async function eventWithRoster(org: TestOrg, title = "School run") {
  const input = eventInput({ title });
  const event = await createEvent(org.owner.ctx, input);
  const people = await addRoster(org.org.id, event.id, ["Ada", "Ben"]);
  await getDb().transaction((tx) => materializeEvent(tx, org.owner.ctx, event, new Date()));
  return { input, event, people, instances: await instancesOf(event.id) };
}

const localDate = (instant: Date) => instantToLocal(instant, BERLIN).slice(0, 10);

describe("occurrences", () => {
  let org: TestOrg;
  beforeAll(async () => {
    org = await createTestOrg("Occurrences");
  });

  it("cancelling one occurrence cancels its pending actions, keeps what already ran, and is idempotent", async () => {
    const { instances } = await eventWithRoster(org);
    const target = instances[1]!;
    const ran = (await actionsOf(target.id)).confirmation!;
    await getDb().update(scheduledActions).set({ status: "done" }).where(eq(scheduledActions.id, ran.id));

    const result = await cancelOccurrence(org.owner.ctx, { instanceId: target.id });
    expect(result.occurrence.status).toBe("cancelled");
    expect(result.actionsCancelled).toBe(3);
    const actions = await actionsOf(target.id);
    expect(actions.confirmation!.status).toBe("done");
    expect([actions.reminder, actions.tracking_link, actions.closure].map((a) => a!.status)).toEqual(["cancelled", "cancelled", "cancelled"]);
    expect((await actionsOf(instances[0]!.id)).reminder!.status).toBe("pending");
    expect((await cancelOccurrence(org.owner.ctx, { instanceId: target.id })).actionsCancelled).toBe(0);

    // The materializer does not bring it back.
    const [event] = await getDb().select().from(schema.events).where(eq(schema.events.id, target.eventId));
    await getDb().transaction((tx) => materializeEvent(tx, org.owner.ctx, event!, new Date()));
    expect((await instancesOf(target.eventId)).find((i) => i.id === target.id)?.status).toBe("cancelled");
  });

  it("moving one occurrence re-times its pending actions from the new start and detaches it", async () => {
    const { instances } = await eventWithRoster(org);
    const target = instances[0]!;
    const startsLocal = `${localDate(target.startsAt)}T11:45`;
    const { occurrence, actions } = await moveOccurrence(org.owner.ctx, { instanceId: target.id, startsLocal });
    expect(occurrence.isDetached).toBe(true);
    expect(occurrence.ruleStartsAt).toEqual(target.ruleStartsAt);
    expect(instantToLocal(occurrence.startsAt, BERLIN)).toBe(startsLocal);
    expect(occurrence.endsAt.getTime() - occurrence.startsAt.getTime()).toBe(60 * MINUTE);
    expect(actions).toEqual({ retimed: 4, cancelled: 0, created: 0 });
    const after = await actionsOf(target.id);
    expect(after.reminder!.dueAt.getTime()).toBe(occurrence.startsAt.getTime() - 120 * MINUTE);
    expect(after.closure!.dueAt.getTime()).toBe(occurrence.endsAt.getTime() + 30 * MINUTE);

    const past = await rejection(moveOccurrence(org.owner.ctx, { instanceId: target.id, startsLocal: "2020-01-01T08:00" }));
    expect(past.fields?.startsLocal).toBeDefined();
    await cancelOccurrence(org.owner.ctx, { instanceId: instances[1]!.id });
    const cancelled = await rejection(moveOccurrence(org.owner.ctx, { instanceId: instances[1]!.id, startsLocal }));
    expect(cancelled.code).toBe("PRECONDITION_FAILED");
  });

  it("'this and following' ends the old series the day before and starts a new one with the same roster", async () => {
    const { input, event, people, instances } = await eventWithRoster(org, "Split me");
    const split = instances[3]!;
    const touched = instances[5]!;
    await setRsvp(touched.id, people[1]!.id, "declined");
    const splitDate = localDate(split.startsAt);

    const { previousEvent, event: next } = await changeThisAndFollowing(org.owner.ctx, {
      ...input,
      title: "Split me (new time)",
      dtstartLocal: `${splitDate}T09:00`,
      rule: { frequency: "weekly", interval: 1, weekdays: ["TU", "TH"], end: { type: "never" } },
      instanceId: split.id,
    });
    const dayBefore = new Date(Date.parse(`${splitDate}T00:00:00Z`) - DAY).toISOString().slice(0, 10).replaceAll("-", "");
    expect(previousEvent!.rrule).toBe(`FREQ=WEEKLY;INTERVAL=1;BYDAY=MO,WE,FR;UNTIL=${dayBefore}T235959`);
    expect(describeTiming(translatorFor("en", "recurrence"), formatterFor("en"), await getEvent(org.owner.ctx, event.id))).toContain("until");

    const oldIds = (await instancesOf(event.id)).map((i) => i.id);
    expect(oldIds).toEqual([...instances.slice(0, 3), touched].map((i) => i.id));

    const roster = await getDb().select().from(eventParticipants).where(eq(eventParticipants.eventId, next.id));
    expect(roster.map((r) => r.participantId).sort()).toEqual(people.map((p) => p.id).sort());
    const created = await instancesOf(next.id);
    expect(created.length).toBeGreaterThan(10);
    expect(localDate(created[0]!.startsAt) >= splitDate).toBe(true);
    for (const instance of created) {
      expect(instantToLocal(instance.startsAt, BERLIN).slice(11)).toBe("09:00");
      expect([2, 4]).toContain(new Date(`${localDate(instance.startsAt)}T00:00:00Z`).getUTCDay());
    }
    const newAttendances = await getDb().select().from(attendances).where(eq(attendances.instanceId, created[0]!.id));
    expect(newAttendances).toHaveLength(2);
    expect(Object.keys(await actionsOf(created[0]!.id))).toHaveLength(4);
  });

  it("'this and following' from the first occurrence edits the whole series; bad requests are refused", async () => {
    const { input, event, instances } = await eventWithRoster(org, "Whole");
    const first = instances[0]!;
    const early = await rejection(
      changeThisAndFollowing(org.owner.ctx, { ...input, dtstartLocal: "2020-01-01T09:00", instanceId: instances[2]!.id }),
    );
    expect(early.fields?.dtstartLocal).toBeDefined();

    const result = await changeThisAndFollowing(org.owner.ctx, {
      ...input,
      dtstartLocal: `${localDate(first.startsAt)}T09:00`,
      instanceId: first.id,
    });
    expect(result.previousEvent).toBeNull();
    expect(result.event.id).toBe(event.id);
    expect((await instancesOf(event.id)).every((i) => instantToLocal(i.startsAt, BERLIN).endsWith("T09:00"))).toBe(true);

    const oneOff = await createEvent(org.owner.ctx, eventInput({ kind: "demand" }));
    const [only] = await instancesOf(oneOff.id);
    const refused = await rejection(changeThisAndFollowing(org.owner.ctx, { ...input, instanceId: only!.id }));
    expect(refused.code).toBe("PRECONDITION_FAILED");
  });

  it("lists upcoming occurrences from today in start order, filtered by event and status, with counts", async () => {
    const own = await createTestOrg("Upcoming");
    const a = await eventWithRoster(own, "Alpha");
    const b = await createEvent(own.owner.ctx, eventInput({ title: "Bravo", rule: { frequency: "daily", interval: 1, end: { type: "count", count: 3 } } }));
    await setRsvp(a.instances[0]!.id, a.people[0]!.id, "confirmed");
    await cancelOccurrence(own.owner.ctx, { instanceId: a.instances[1]!.id });
    // Yesterday's occurrence is history, not upcoming.
    await getDb().insert(schema.eventInstances).values({
      organizationId: own.org.id,
      eventId: b.id,
      ruleStartsAt: new Date(Date.now() - DAY),
      startsAt: new Date(Date.now() - DAY),
      endsAt: new Date(Date.now() - DAY + 60 * MINUTE),
    });

    const all = await listUpcomingOccurrences(own.owner.ctx, { limit: 500 });
    expect(all).toHaveLength(a.instances.length + 3);
    const starts = all.map((o) => o.startsAt.getTime());
    expect(starts).toEqual([...starts].sort((x, y) => x - y));
    const firstA = all.find((o) => o.id === a.instances[0]!.id)!;
    expect(firstA).toMatchObject({ eventTitle: "Alpha", timeZone: BERLIN, pendingActions: 4 });
    expect(firstA.rsvp).toEqual({ total: 2, pending: 1, confirmed: 1, declined: 0 });
    expect(firstA.startsLocal.endsWith("T07:30")).toBe(true);

    expect((await listUpcomingOccurrences(own.owner.ctx, { eventId: b.id })).map((o) => o.eventTitle)).toEqual(["Bravo", "Bravo", "Bravo"]);
    const cancelled = await listUpcomingOccurrences(own.owner.ctx, { status: "cancelled" });
    expect(cancelled.map((o) => o.id)).toEqual([a.instances[1]!.id]);
    expect(cancelled[0]!.pendingActions).toBe(0);
    expect(await listUpcomingOccurrences(own.owner.ctx, { limit: 2 })).toHaveLength(2);
    expect(await listUpcomingOccurrences(own.owner.ctx, { from: new Date(Date.now() - 2 * DAY), limit: 500 })).toHaveLength(all.length + 1);
  });

  it("reads one occurrence with its attendance list and counts by RSVP and journey", async () => {
    const { instances, people } = await eventWithRoster(org, "Counts");
    const target = instances[0]!;
    await setRsvp(target.id, people[0]!.id, "confirmed");
    await getDb().update(attendances).set({ journey: "on_the_way" }).where(eq(attendances.participantId, people[0]!.id));
    const occurrence = await getOccurrence(org.owner.ctx, target.id);
    expect(occurrence.counts).toEqual({
      rsvp: { total: 2, pending: 1, confirmed: 1, declined: 0 },
      journey: { not_started: 1, on_the_way: 1, arrived: 0, no_show: 0 },
    });
    expect(occurrence.attendances.map((a) => a.name)).toEqual(["Ada", "Ben"]);
    expect(occurrence.event.title).toBe("Counts");
    expect(occurrence.startsLocal.endsWith("T07:30")).toBe(true);
  });

  it("does not let staff or viewers change occurrences; they can still read them", async () => {
    const { input, instances } = await eventWithRoster(org, "Guarded");
    const before = await countRows(org.org.id);
    const target = instances[0]!;
    for (const role of ["staff", "viewer"] as const) {
      const { ctx } = await org.add(role);
      expect((await rejection(cancelOccurrence(ctx, { instanceId: target.id }))).code).toBe("FORBIDDEN");
      const move = moveOccurrence(ctx, { instanceId: target.id, startsLocal: `${localDate(target.startsAt)}T12:00` });
      expect((await rejection(move)).code).toBe("FORBIDDEN");
      expect((await rejection(changeThisAndFollowing(ctx, { ...input, instanceId: instances[3]!.id }))).code).toBe("FORBIDDEN");
      expect((await getOccurrence(ctx, target.id)).status).toBe("scheduled");
      expect((await listUpcomingOccurrences(ctx, { eventId: target.eventId })).length).toBe(instances.length);
    }
    expect(await countRows(org.org.id)).toEqual(before);
    expect((await instancesOf(target.eventId))[0]).toEqual(target);
  });

  it("keeps occurrences apart between organizations: NOT_FOUND on every function, lists leave them out", async () => {
    const other = await createTestOrg("Outsider");
    const { input, instances } = await eventWithRoster(org, "Private");
    const target = instances[0]!;
    const before = await countRows(org.org.id);
    const ctx = other.owner.ctx;
    expect((await rejection(cancelOccurrence(ctx, { instanceId: target.id }))).code).toBe("NOT_FOUND");
    const move = moveOccurrence(ctx, { instanceId: target.id, startsLocal: `${localDate(target.startsAt)}T12:00` });
    expect((await rejection(move)).code).toBe("NOT_FOUND");
    expect((await rejection(changeThisAndFollowing(ctx, { ...input, instanceId: instances[3]!.id }))).code).toBe("NOT_FOUND");
    expect((await rejection(getOccurrence(ctx, target.id))).code).toBe("NOT_FOUND");
    expect((await rejection(getOccurrence(ctx, "nonsense"))).code).toBe("NOT_FOUND");
    expect(await listUpcomingOccurrences(ctx)).toEqual([]);
    expect(await listUpcomingOccurrences(ctx, { eventId: target.eventId })).toEqual([]);
    expect(await countRows(org.org.id)).toEqual(before);
    expect((await instancesOf(target.eventId))[0]).toEqual(target);
  });
});
