import { beforeAll, describe, expect, it } from "vitest";
import { connectTestDatabase, createTestOrg, type TestOrg } from "@/test/database";

connectTestDatabase();
const { getDb } = await import("@/lib/database");
const { createEvent, materializeEvent, updateEvent } = await import("@/lib/occurrences");
const { cancelOccurrence, moveOccurrence } = await import("@/lib/occurrences/occurrences");
const { findEventOrThrow } = await import("@/lib/events");
const { getEventFeed, getOrganizationFeed, serveCalendarFeed } = await import("@/lib/calendar");
const { instantToLocal } = await import("@/lib/recurrence");
const { eventInput, instancesOf } = await import("@/test/events");
const { nextSpringForward, parseFeed, tokenOf } = await import("@/test/calendar");

const DAY = 86_400_000;
const day = (date: Date) => date.toISOString().slice(0, 10);

async function feedText(url: string): Promise<string> {
  return (await serveCalendarFeed({ file: `${tokenOf(url)}.ics`, address: null })).body;
}

/** Plans the event's occurrences further ahead than the default 60 days, as the hourly job would in time. */
async function planAhead(t: TestOrg, eventId: string, days: number) {
  await getDb().transaction(async (tx) => {
    const event = await findEventOrThrow(tx, t.owner.ctx, eventId, { forUpdate: true });
    await materializeEvent(tx, t.owner.ctx, event, new Date(), days);
  });
}

describe("an event's calendar feed", () => {
  let t: TestOrg;
  let springForward: Date;
  let swim: Awaited<ReturnType<typeof createEvent>>;
  let swimInput: ReturnType<typeof eventInput>;

  beforeAll(async () => {
    t = await createTestOrg("Calendar content");
    springForward = nextSpringForward();
    // Weekly on Mondays at 07:30 Berlin time, from two weeks before the change to after it.
    const firstMonday = new Date(springForward.getTime() - 13 * DAY);
    swimInput = eventInput({
        title: "Swim practice",
        description: "Bring a towel.",
        dtstartLocal: `${day(firstMonday)}T07:30`,
        rule: { frequency: "weekly", interval: 1, weekdays: ["MO"], end: { type: "never" } },
        venueName: "City pool",
        venueAddress: "Badstraße 5, 10115 Berlin",
        venueLat: 52.5301,
        venueLng: 13.3889,
      });
    swim = await createEvent(t.owner.ctx, swimInput);
    await planAhead(t, swim.id, Math.ceil((springForward.getTime() - Date.now()) / DAY) + 10);
  });

  it("shows both Mondays around the spring-forward Sunday at 07:30 local, an hour apart in UTC offset", async () => {
    const feed = parseFeed(await feedText((await getEventFeed(t.owner.ctx, { eventId: swim.id })).url));
    const before = new Date(springForward.getTime() - 6 * DAY);
    const after = new Date(springForward.getTime() + DAY);
    const monday = (date: Date) => feed.events.find((e) => e.startLocal.startsWith(day(date)))!;
    expect(monday(before)).toMatchObject({ startLocal: `${day(before)}T07:30:00`, zone: "Europe/Berlin", offsetSeconds: 3600 });
    expect(monday(after)).toMatchObject({ startLocal: `${day(after)}T07:30:00`, zone: "Europe/Berlin", offsetSeconds: 7200 });
    expect(monday(before).start).toBe(`${day(before)}T06:30:00.000Z`);
    expect(monday(after).start).toBe(`${day(after)}T05:30:00.000Z`);
    expect(feed.zones).toEqual(["Europe/Berlin"]);
  });

  it("has one VEVENT per stored occurrence with a stable UID, the title, description, venue and GEO", async () => {
    const url = (await getEventFeed(t.owner.ctx, { eventId: swim.id })).url;
    const feed = parseFeed(await feedText(url));
    const instances = await instancesOf(swim.id);
    expect(feed.events.map((e) => e.uid)).toEqual(instances.map((i) => `${i.id}@event-coming`));
    expect(parseFeed(await feedText(url)).events.map((e) => e.uid)).toEqual(feed.events.map((e) => e.uid));
    expect(feed.name).toBe(`Swim practice · ${t.org.name}`);
    expect(feed.events[0]).toMatchObject({
      summary: "Swim practice",
      description: "Bring a towel.",
      location: "City pool\nBadstraße 5, 10115 Berlin",
      geo: [52.5301, 13.3889],
      status: "CONFIRMED",
      sequence: 0,
    });
    expect(feed.events[0]!.url).toMatch(new RegExp(`/${t.org.slug}/occurrences/${instances[0]!.id}$`));
    expect(new Date(feed.events[0]!.end).getTime() - new Date(feed.events[0]!.start).getTime()).toBe(60 * 60_000);
  });

  it("marks a cancelled occurrence STATUS:CANCELLED and shows a moved one at its new time with a higher SEQUENCE", async () => {
    const [first, second] = await instancesOf(swim.id);
    const url = (await getEventFeed(t.owner.ctx, { eventId: swim.id })).url;
    const earlier = parseFeed(await feedText(url)).events.find((e) => e.uid === `${second!.id}@event-coming`)!;
    await cancelOccurrence(t.owner.ctx, { instanceId: first!.id });
    const newStart = instantToLocal(new Date(second!.startsAt.getTime() + DAY + 90 * 60_000), "Europe/Berlin");
    await moveOccurrence(t.owner.ctx, { instanceId: second!.id, startsLocal: newStart });

    const events = parseFeed(await feedText(url)).events;
    const cancelled = events.find((e) => e.uid === `${first!.id}@event-coming`)!;
    const moved = events.find((e) => e.uid === `${second!.id}@event-coming`)!;
    expect(cancelled.status).toBe("CANCELLED");
    expect(cancelled.sequence).toBeGreaterThan(0);
    expect(moved).toMatchObject({ status: "CONFIRMED", startLocal: `${newStart}:00` });
    expect(moved.sequence).toBeGreaterThan(earlier.sequence);
    // LAST-MODIFIED is written to the second, so a move within the second of the first read keeps the same value.
    expect(new Date(moved.lastModified!).getTime()).toBeGreaterThanOrEqual(new Date(earlier.lastModified!).getTime());
  });

  it("shows an edit of the event (title, venue) on the next read, though the text of unchanged feeds is reused", async () => {
    const url = (await getEventFeed(t.owner.ctx, { eventId: swim.id })).url;
    const first = await serveCalendarFeed({ file: `${tokenOf(url)}.ics`, address: null });
    const again = await serveCalendarFeed({ file: `${tokenOf(url)}.ics`, address: null });
    expect(again.etag).toBe(first.etag);
    await updateEvent(t.owner.ctx, { ...swimInput, eventId: swim.id, title: "Swim training", venueName: "Lido" });
    const events = parseFeed(await feedText(url)).events;
    expect(new Set(events.map((e) => e.summary))).toEqual(new Set(["Swim training"]));
    expect(events[0]!.location).toBe("Lido\nBadstraße 5, 10115 Berlin");
  });

  it("writes the times of an America/Sao_Paulo event at UTC−3 all year: no summer time since 2019", async () => {
    const sp = await createTestOrg("Calendar São Paulo");
    const event = await createEvent(
      sp.owner.ctx,
      eventInput({
        title: "Treino",
        timeZone: "America/Sao_Paulo",
        dtstartLocal: `${day(new Date(Date.now() + 2 * DAY))}T07:30`,
        rule: { frequency: "weekly", interval: 1, weekdays: ["MO", "TH"], end: { type: "never" } },
      }),
    );
    await planAhead(sp, event.id, 366);
    const text = await feedText((await getEventFeed(sp.owner.ctx, { eventId: event.id })).url);
    expect(text).not.toContain("BEGIN:DAYLIGHT");
    const feed = parseFeed(text);
    expect(feed.events.length).toBeGreaterThan(100);
    for (const e of feed.events) {
      expect(e.startLocal.slice(11)).toBe("07:30:00");
      expect(e.start.slice(11)).toBe("10:30:00.000Z");
    }
  });

  it("gives the organization's feed every active event's occurrences, and no archived event's", async () => {
    const org = await createTestOrg("Calendar organization");
    const a = await createEvent(org.owner.ctx, eventInput({ title: "Choir" }));
    const b = await createEvent(org.owner.ctx, eventInput({ title: "Chess club", timeZone: "Europe/Lisbon" }));
    const { archiveEvent } = await import("@/lib/occurrences");
    const archived = await createEvent(org.owner.ctx, eventInput({ title: "Old club" }));
    await archiveEvent(org.owner.ctx, { eventId: archived.id });
    const feed = parseFeed(await feedText((await getOrganizationFeed(org.owner.ctx)).url));
    expect(feed.name).toBe(org.org.name);
    const titles = new Set(feed.events.map((e) => e.summary));
    expect(titles).toEqual(new Set(["Choir", "Chess club"]));
    expect(feed.events.length).toBe((await instancesOf(a.id)).length + (await instancesOf(b.id)).length);
    expect(feed.zones.sort()).toEqual(["Europe/Berlin", "Europe/Lisbon"]);
    expect(feed.events.filter((e) => e.summary === "Chess club").every((e) => e.zone === "Europe/Lisbon")).toBe(true);
  });
});
