import { and, eq } from "drizzle-orm";
import { fromZonedTime } from "date-fns-tz";
import { beforeAll, describe, expect, it } from "vitest";
import { connectTestDatabase, createTestOrg, type TestOrg, rejection } from "@/test/database";

connectTestDatabase();
const { getDb, schema } = await import("@/lib/database");
const { createEvent, updateEvent, archiveEvent, deleteEvent } = await import("@/lib/occurrences/event-lifecycle");
const { getEvent, listEvents } = await import("@/lib/events/read-events");
const { materializeEvent } = await import("@/lib/occurrences/materialize");
const { instantToLocal } = await import("@/lib/recurrence/expand");
const { describeTiming } = await import("@/lib/recurrence");
const { formatterFor, translatorFor } = await import("@/lib/i18n");
const { BERLIN, DAY, HOUR, actionsOf, addRoster, countRows, eventInput, instancesOf, localFromNow } = await import(
  "@/test/events"
);

const MINUTE = 60_000;


/** Independent of lib/recurrence: every Mon/Wed/Fri at `time` Berlin time from `fromDate` up to `until`. */
function expectedStarts(fromDate: string, time: string, until: Date): Date[] {
  const starts: Date[] = [];
  for (let day = new Date(`${fromDate}T00:00:00Z`); ; day = new Date(day.getTime() + DAY)) {
    const date = day.toISOString().slice(0, 10);
    const instant = fromZonedTime(`${date}T${time}:00`, BERLIN);
    if (instant > until) return starts;
    if ([1, 3, 5].includes(day.getUTCDay())) starts.push(instant);
  }
}

describe("events", () => {
  let org: TestOrg;
  beforeAll(async () => {
    org = await createTestOrg("Events");
  });

  it("creates a weekly event with its occurrences up to 60 days ahead, at 07:30 Berlin time, with scheduled actions", async () => {
    const before = Date.now();
    const input = eventInput();
    const event = await createEvent(org.owner.ctx, input);
    expect(event.rrule).toBe("FREQ=WEEKLY;INTERVAL=1;BYDAY=MO,WE,FR");
    expect(event.materializedUntil!.getTime()).toBeGreaterThanOrEqual(before + 60 * DAY);
    expect(event.materializedUntil!.getTime()).toBeLessThanOrEqual(Date.now() + 60 * DAY);

    const instances = await instancesOf(event.id);
    const expected = expectedStarts(input.dtstartLocal.slice(0, 10), "07:30", event.materializedUntil!);
    expect(expected.length).toBeGreaterThanOrEqual(24);
    expect(instances.map((i) => i.startsAt.toISOString())).toEqual(expected.map((d) => d.toISOString()));
    for (const instance of instances) {
      expect(instantToLocal(instance.startsAt, BERLIN).slice(11)).toBe("07:30");
      expect(instance.endsAt.getTime() - instance.startsAt.getTime()).toBe(60 * MINUTE);
      expect(instance.ruleStartsAt).toEqual(instance.startsAt);
      expect(instance).toMatchObject({ status: "scheduled", isDetached: false });
    }

    const first = instances[0]!;
    const actions = await actionsOf(first.id);
    expect(Object.keys(actions).sort()).toEqual(["closure", "confirmation", "reminder", "tracking_link"]);
    expect(actions.confirmation!.dueAt.getTime()).toBe(first.startsAt.getTime() - 1440 * MINUTE);
    expect(actions.reminder!.dueAt.getTime()).toBe(first.startsAt.getTime() - 120 * MINUTE);
    expect(actions.tracking_link!.dueAt.getTime()).toBe(first.startsAt.getTime() - 60 * MINUTE);
    expect(actions.closure!.dueAt.getTime()).toBe(first.endsAt.getTime() + 30 * MINUTE);
    expect(Object.values(actions).every((a) => a.status === "pending" && a.participantId === null)).toBe(true);

    const audit = await getDb()
      .select()
      .from(schema.auditLogs)
      .where(and(eq(schema.auditLogs.organizationId, org.org.id), eq(schema.auditLogs.targetId, event.id)));
    expect(audit.map((a) => a.action)).toEqual(["event.created"]);
  });

  it("gives every roster participant an attendance on each occurrence, and materializing again changes nothing", async () => {
    const own = await createTestOrg("Roster");
    const event = await createEvent(own.owner.ctx, eventInput());
    const people = await addRoster(own.org.id, event.id, ["Ada", "Ben", "Cem"]);
    const materialize = () => getDb().transaction((tx) => materializeEvent(tx, own.owner.ctx, event, new Date()));

    const first = await materialize();
    const counts = await countRows(own.org.id);
    expect(first.occurrencesCreated).toBe(0);
    expect(counts.attendances).toBe(counts.instances * people.length);
    expect(first.attendancesCreated).toBe(counts.attendances);

    expect(await materialize()).toEqual({ occurrencesCreated: 0, attendancesCreated: 0, actionsCreated: 0 });
    expect(await countRows(own.org.id)).toEqual(counts);

    // A week later the horizon has moved on: only the new week's occurrences are added.
    const later = await getDb().transaction((tx) => materializeEvent(tx, own.owner.ctx, event, new Date(Date.now() + 7 * DAY)));
    expect(later.occurrencesCreated).toBe(3);
    expect(later.actionsCreated).toBe(12);
  });

  it("sends a confirmation that is already late once, now, and skips other actions already past", async () => {
    const soon = await createEvent(org.owner.ctx, eventInput({ kind: "demand", rule: undefined, dtstartLocal: localFromNow(90 * MINUTE) }));
    const [instance] = await instancesOf(soon.id);
    const actions = await actionsOf(instance!.id);
    expect(Object.keys(actions).sort()).toEqual(["closure", "confirmation", "tracking_link"]);
    expect(Math.abs(actions.confirmation!.dueAt.getTime() - Date.now())).toBeLessThan(10_000);
    expect(actions.tracking_link!.dueAt.getTime()).toBe(instance!.startsAt.getTime() - 60 * MINUTE);

    const tonight = await createEvent(org.owner.ctx, eventInput({ kind: "demand", dtstartLocal: localFromNow(10 * HOUR) }));
    expect(tonight.rrule).toBeNull();
    const [late] = await instancesOf(tonight.id);
    const lateActions = await actionsOf(late!.id);
    expect(Object.keys(lateActions).sort()).toEqual(["closure", "confirmation", "reminder", "tracking_link"]);
    expect(lateActions.confirmation!.dueAt.getTime()).toBeLessThan(late!.startsAt.getTime() - 9 * HOUR);
  });

  it("reads an event back with its rule, a summary in words and its roster size; lists filter by status", async () => {
    // The summary is put in words by the page, in the reader's language: English here.
    const summary = (e: Parameters<typeof describeTiming>[2]) => describeTiming(translatorFor("en", "recurrence"), formatterFor("en"), e);
    const own = await createTestOrg("Reads");
    const event = await createEvent(own.owner.ctx, eventInput({ title: "Choir" }));
    await addRoster(own.org.id, event.id, ["Dana"]);
    const other = await createEvent(own.owner.ctx, eventInput({ title: "Trip", kind: "demand", dtstartLocal: "2031-05-06T09:15" }));
    await archiveEvent(own.owner.ctx, { eventId: other.id });

    const details = await getEvent(own.owner.ctx, event.id);
    expect(details.rule).toEqual(eventInput().rule);
    expect(summary(details)).toBe("Every Mon, Wed, and Fri at 07:30");
    expect(details.dtstartLocal).toMatch(/^\d{4}-\d{2}-\d{2}T07:30$/);
    expect(details.schedule).toEqual(eventInput().schedule);
    expect(details.rosterSize).toBe(1);
    expect(details.nextStartsAt).toBeInstanceOf(Date);
    expect(summary(await getEvent(own.owner.ctx, other.id))).toBe("Once on Tue, May 6, 2031 at 09:15");

    expect((await listEvents(own.owner.ctx)).map((e) => e.title)).toEqual(["Trip", "Choir"]);
    const active = await listEvents(own.owner.ctx, { status: "active" });
    expect(active.map((e) => [e.title, e.rosterSize])).toEqual([["Choir", 1]]);
    expect(active[0]!.nextStartsAt).toEqual(details.nextStartsAt);
    expect((await listEvents(own.owner.ctx, { status: "archived" })).map((e) => e.title)).toEqual(["Trip"]);
  });

  it("rejects bad input with per-field messages", async () => {
    const missingRule = await rejection(createEvent(org.owner.ctx, eventInput({ rule: undefined })));
    expect(missingRule.code).toBe("VALIDATION");
    expect(missingRule.fields?.rule).toBeDefined();
    const noVenue = await rejection(createEvent(org.owner.ctx, { ...eventInput(), venueLat: null } as never));
    expect(noVenue.fields?.venueLat).toEqual(["Pick the venue on the map or type its coordinates."]);
    const weekly = await rejection(
      createEvent(org.owner.ctx, eventInput({ rule: { frequency: "weekly", interval: 1, weekdays: [], end: { type: "never" } } })),
    );
    expect(weekly.fields?.["rule.weekdays"]).toBeDefined();
    const past = await rejection(createEvent(org.owner.ctx, eventInput({ kind: "demand", dtstartLocal: "2020-03-02T08:00" })));
    expect(past.fields?.dtstartLocal).toBeDefined();
    const ended = eventInput({ dtstartLocal: "2020-03-02T08:00", rule: { frequency: "daily", interval: 1, end: { type: "count", count: 5 } } });
    expect((await rejection(createEvent(org.owner.ctx, ended))).fields?.dtstartLocal).toBeDefined();
  });

  it("archives: no new occurrences, future ones cancelled with their pending actions, and no more edits", async () => {
    const own = await createTestOrg("Archive");
    const event = await createEvent(own.owner.ctx, eventInput());
    const archived = await archiveEvent(own.owner.ctx, { eventId: event.id });
    expect(archived.status).toBe("archived");
    const instances = await instancesOf(event.id);
    expect(instances.every((i) => i.status === "cancelled")).toBe(true);
    const actions = await getDb().select().from(schema.scheduledActions).where(eq(schema.scheduledActions.organizationId, own.org.id));
    expect(actions.every((a) => a.status === "cancelled")).toBe(true);
    const counts = await countRows(own.org.id);
    await getDb().transaction((tx) => materializeEvent(tx, own.owner.ctx, archived, new Date(Date.now() + 30 * DAY)));
    expect(await countRows(own.org.id)).toEqual(counts);
    expect((await rejection(updateEvent(own.owner.ctx, { ...eventInput(), eventId: event.id }))).code).toBe("PRECONDITION_FAILED");
  });

  it("deletes an event with its occurrences, attendances and actions", async () => {
    const own = await createTestOrg("Delete");
    const event = await createEvent(own.owner.ctx, eventInput());
    await addRoster(own.org.id, event.id, ["Eve"]);
    expect(await deleteEvent(own.owner.ctx, { eventId: event.id })).toEqual({ id: event.id });
    expect(await countRows(own.org.id)).toEqual({ events: 0, instances: 0, attendances: 0, actions: 0 });
    expect((await rejection(getEvent(own.owner.ctx, event.id))).code).toBe("NOT_FOUND");
  });

  it("does not let staff or viewers write, and changes nothing when it refuses", async () => {
    const event = await createEvent(org.owner.ctx, eventInput({ title: "Guarded" }));
    const before = await countRows(org.org.id);
    for (const role of ["staff", "viewer"] as const) {
      const { ctx } = await org.add(role);
      expect((await rejection(createEvent(ctx, eventInput()))).code).toBe("FORBIDDEN");
      expect((await rejection(updateEvent(ctx, { ...eventInput({ title: "Hijacked" }), eventId: event.id }))).code).toBe("FORBIDDEN");
      expect((await rejection(archiveEvent(ctx, { eventId: event.id }))).code).toBe("FORBIDDEN");
      expect((await rejection(deleteEvent(ctx, { eventId: event.id }))).code).toBe("FORBIDDEN");
      expect((await getEvent(ctx, event.id)).title).toBe("Guarded");
      expect((await listEvents(ctx)).map((e) => e.id)).toContain(event.id);
    }
    expect(await countRows(org.org.id)).toEqual(before);
    expect((await getEvent(org.owner.ctx, event.id)).status).toBe("active");
  });

  it("keeps events apart between organizations: another one gets NOT_FOUND and its lists leave them out", async () => {
    const other = await createTestOrg("Other");
    const event = await createEvent(org.owner.ctx, eventInput({ title: "Private" }));
    const before = await countRows(org.org.id);
    const ctx = other.owner.ctx;
    expect((await rejection(getEvent(ctx, event.id))).code).toBe("NOT_FOUND");
    expect((await rejection(getEvent(ctx, "not-a-uuid"))).code).toBe("NOT_FOUND");
    expect((await rejection(updateEvent(ctx, { ...eventInput({ title: "Stolen" }), eventId: event.id }))).code).toBe("NOT_FOUND");
    expect((await rejection(archiveEvent(ctx, { eventId: event.id }))).code).toBe("NOT_FOUND");
    expect((await rejection(deleteEvent(ctx, { eventId: event.id }))).code).toBe("NOT_FOUND");
    expect(await listEvents(ctx)).toEqual([]);
    expect(await countRows(org.org.id)).toEqual(before);
    expect((await getEvent(org.owner.ctx, event.id)).title).toBe("Private");
  });
});
