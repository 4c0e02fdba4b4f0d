import { randomUUID } from "node:crypto";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { connectTestDatabase } from "@/test/database";
import { startFakeGraphApiForTests } from "@/test/fakes/graph-api-server";
import type { Given, Person } from "@/test/given";

// The location follow-up against a loopback fake of the Graph API. Settings are read once per process, so they are
// set before anything reads them. Other suites share the database and the job runs for every organization, so each
// test looks only at its own people's phones and rows.
connectTestDatabase();
const graph = await startFakeGraphApiForTests();

const { and, eq } = await import("drizzle-orm");
const { getDb, schema } = await import("@/lib/database");
const { createTestOrg } = await import("@/test/database");
const { listMessages } = await import("@/lib/messages/list-messages");
const { getOccurrence } = await import("@/lib/occurrences/occurrences");
const { getOccurrenceTimeline } = await import("@/lib/occurrences/timeline");
const { followUpKey, sendLocationFollowUps } = await import("./location-follow-ups");
const { given } = await import("@/test/given");
const { okWithUniqueWamid } = await import("@/test/schedule");
const { jobs, sendLocationFollowUpsJob } = await import("@/lib/jobs");
const { functions } = await import("@/inngest/functions");

afterAll(() => graph.close());
beforeEach(() => graph.setBehaviour(okWithUniqueWamid()));

const MINUTE = 60_000;
const fast = { sendsPerSecond: 1000 };
const { attendances, eventInstances, messages, trackingLinks } = schema;


/** The tracking link's message as run-scheduled-action leaves it, `minutesAgo` before now. */
async function linkMessage(f: Given, person: Person, minutesAgo: number, status: "sent" | "failed" = "sent") {
  await getDb()
    .insert(messages)
    .values({
      organizationId: f.org.id,
      participantId: person.participant.id,
      attendanceId: person.attendance.id,
      instanceId: f.instance.id,
      direction: "outbound",
      kind: "tracking_link",
      type: "template",
      status,
      idempotencyKey: `test-link:${randomUUID()}`,
      createdAt: new Date(Date.now() - minutesAgo * MINUTE),
    });
}

/** A link of the attendance, valid through the occurrence, opened and/or stopped as told. */
async function link(f: Given, person: Person, state: { opened?: boolean; stopped?: boolean } = {}) {
  const now = new Date();
  await getDb()
    .insert(trackingLinks)
    .values({
      organizationId: f.org.id,
      attendanceId: person.attendance.id,
      tokenHash: randomUUID(),
      validFrom: new Date(now.getTime() - 30 * MINUTE),
      validUntil: new Date(f.instance.endsAt.getTime() + 30 * MINUTE),
      firstOpenedAt: state.opened ? new Date(now.getTime() - 10 * MINUTE) : null,
      stoppedAt: state.stopped ? new Date(now.getTime() - 5 * MINUTE) : null,
    });
}

/** On the way with a last fix `minutesAgo`; stale as refresh-etas marks it. */
async function onTheWay(f: Given, person: Person, stale: boolean) {
  await getDb()
    .update(attendances)
    .set({ journey: "on_the_way", lastLat: 52.5, lastLng: 13.4, lastAccuracyM: 10, lastFixAt: new Date(Date.now() - (stale ? 8 : 1) * MINUTE), isStale: stale })
    .where(and(eq(attendances.id, person.attendance.id), eq(attendances.organizationId, f.org.id)));
}

/** An occurrence 30 min ahead whose one confirmed person (who wrote an hour ago) got the link 20 min ago and never opened it. */
async function notOpened(label: string, name: string) {
  const f = await given.org({ whatsapp: true }).occurrence({ startsInMinutes: 30 }).people([{ name, rsvp: "confirmed", wroteHoursAgo: 1 }]);
  const person = f.byName(name);
  await linkMessage(f, person, 20);
  await link(f, person);
  return { f, person };
}

type LocationRequestBody = { to: string; type: string; interactive: { type: string; body: { text: string }; action: { name: string } } };
const requestsTo = (phone: string, since = 0) =>
  graph.requests.slice(since).map((r) => r.body as LocationRequestBody).filter((body) => body.to === phone);

async function followUpsOf(f: Given) {
  return getDb()
    .select()
    .from(messages)
    .where(and(eq(messages.organizationId, f.org.id), eq(messages.instanceId, f.instance.id), eq(messages.kind, "location_request")));
}

describe("location follow-ups: who is asked to send their location", () => {
  it("asks the confirmed person who never opened the link, and the one whose sharing paused; nobody else", async () => {
    const f = await given.org({ whatsapp: true }).occurrence({ startsInMinutes: 40 }).people([
      { name: "Ana", rsvp: "confirmed", wroteHoursAgo: 2 },
      { name: "Ben", rsvp: "confirmed", wroteHoursAgo: 2 },
      { name: "Cleo", rsvp: "confirmed", wroteHoursAgo: 2 },
      { name: "Dan", rsvp: "confirmed", wroteHoursAgo: 30 },
      { name: "Eve", rsvp: "confirmed", wroteHoursAgo: 2, optedOut: true },
      { name: "Finn", rsvp: "declined", wroteHoursAgo: 2 },
      { name: "Gus", rsvp: "confirmed", wroteHoursAgo: 2 },
      { name: "Hana", rsvp: "confirmed", wroteHoursAgo: 2 },
      { name: "Ivy", rsvp: "confirmed", wroteHoursAgo: 2 },
      { name: "Kai", rsvp: "confirmed", wroteHoursAgo: 2 },
    ]);
    const p = f.byName;
    // Not opened, link sent 20 min ago: Ana (asked); Ben only 5 min ago; Cleo opened it; Dan is outside the 24-hour
    // window; Eve opted out; Finn declined; Kai's link message failed, so there is nothing to follow up.
    for (const name of ["Ana", "Cleo", "Dan", "Eve", "Finn"]) await linkMessage(f, p(name), 20);
    await linkMessage(f, p("Ben"), 5);
    await linkMessage(f, p("Kai"), 20, "failed");
    for (const name of ["Ana", "Ben", "Dan", "Eve", "Finn", "Kai"]) await link(f, p(name));
    await link(f, p("Cleo"), { opened: true });
    // On the way with an opened link: Gus stale (asked), Hana fresh, Ivy stale but she pressed Stop sharing.
    for (const name of ["Gus", "Hana", "Ivy"]) await linkMessage(f, p(name), 20);
    await link(f, p("Gus"), { opened: true });
    await link(f, p("Hana"), { opened: true });
    await link(f, p("Ivy"), { opened: true, stopped: true });
    await onTheWay(f, p("Gus"), true);
    await onTheWay(f, p("Hana"), false);
    await onTheWay(f, p("Ivy"), true);
    const before = graph.requests.length;

    await sendLocationFollowUps(new Date(), fast);

    const asked = f.people.filter((person) => requestsTo(person.participant.phone, before).length > 0).map((person) => person.participant.name);
    expect(asked.sort()).toEqual(["Ana", "Gus"]);
    const [toAna] = requestsTo(p("Ana").participant.phone, before);
    expect(toAna).toMatchObject({ type: "interactive", interactive: { type: "location_request_message", action: { name: "send_location" } } });
    expect(toAna!.interactive.body.text).toContain(`Hi Ana, ${f.event.title} starts`);
    expect(toAna!.interactive.body.text).toContain("You have not opened your tracking link yet");
    const [toGus] = requestsTo(p("Gus").participant.phone, before);
    expect(toGus!.interactive.body.text).toContain("your location stopped updating");

    const rows = await followUpsOf(f);
    expect(rows.map((row) => [row.attendanceId, row.status, row.idempotencyKey]).sort()).toEqual(
      [
        [p("Ana").attendance.id, "sent", followUpKey("link_not_opened", p("Ana").attendance.id)],
        [p("Gus").attendance.id, "sent", followUpKey("sharing_paused", p("Gus").attendance.id)],
      ].sort(),
    );
    expect(rows.every((row) => row.wamid && row.scheduledActionId === null && row.direction === "outbound")).toBe(true);
  });

  it("asks each person once, however often and however concurrently the job runs", async () => {
    const { f, person: lena } = await notOpened("Once", "Lena");
    const before = graph.requests.length;

    await Promise.all([sendLocationFollowUps(new Date(), fast), sendLocationFollowUps(new Date(), fast)]);
    await sendLocationFollowUps(new Date(), fast);

    expect(requestsTo(lena.participant.phone, before)).toHaveLength(1);
    expect(await followUpsOf(f)).toHaveLength(1);
  });

  it("does not ask once the occurrence has started (link not opened) or ended (sharing paused), nor for a cancelled one", async () => {
    const f = await given.org({ whatsapp: true }).occurrence({ startsInMinutes: 30 }).people([
      { name: "Mia", rsvp: "confirmed", wroteHoursAgo: 1 },
      { name: "Noah", rsvp: "confirmed", wroteHoursAgo: 1 },
    ]);
    const [mia, noah] = [f.byName("Mia"), f.byName("Noah")];
    await linkMessage(f, mia, 20);
    await link(f, mia);
    await linkMessage(f, noah, 20);
    await link(f, noah, { opened: true });
    await onTheWay(f, noah, true);
    const before = graph.requests.length;
    const at = (offsetMinutes: number) => new Date(f.instance.startsAt.getTime() + offsetMinutes * MINUTE);

    // After the end (60 min after the start): nobody.
    await sendLocationFollowUps(at(61), fast);
    expect(requestsTo(mia.participant.phone, before)).toHaveLength(0);
    expect(requestsTo(noah.participant.phone, before)).toHaveLength(0);
    // After the start: a link not opened is no longer followed up; paused sharing still is, until the end.
    await sendLocationFollowUps(at(5), fast);
    expect(requestsTo(mia.participant.phone, before)).toHaveLength(0);
    expect(requestsTo(noah.participant.phone, before)).toHaveLength(1);

    const { f: g, person: omar } = await notOpened("Cancelled", "Omar");
    await getDb().update(eventInstances).set({ status: "cancelled" }).where(eq(eventInstances.id, g.instance.id));
    await sendLocationFollowUps(new Date(), fast);
    expect(requestsTo(omar.participant.phone, before)).toHaveLength(0);
  });

  it("asks in the participant's language, else the organization's", async () => {
    const f = await given.org({ name: "Idioma", whatsapp: true, language: "es" }).event({ title: "Idioma trip" }).occurrence({ startsInMinutes: 30 }).people([
        { name: "Sofía", rsvp: "confirmed", wroteHoursAgo: 1 },
        { name: "Jonas", rsvp: "confirmed", wroteHoursAgo: 1, language: "de" },
      ]);
    for (const name of ["Sofía", "Jonas"]) {
      await linkMessage(f, f.byName(name), 20);
      await link(f, f.byName(name));
    }
    const before = graph.requests.length;

    await sendLocationFollowUps(new Date(), fast);

    const [toSofia] = requestsTo(f.byName("Sofía").participant.phone, before);
    expect(toSofia!.interactive.body.text).toMatch(/^Hola, Sofía: “Idioma trip” empieza el \S+ .+ Todavía no abriste tu enlace de seguimiento\./);
    const [toJonas] = requestsTo(f.byName("Jonas").participant.phone, before);
    expect(toJonas!.interactive.body.text).toMatch(/^Hallo Jonas, „Idioma trip“ beginnt am (Mo|Di|Mi|Do|Fr|Sa|So)\., .+ Du hast deinen Link zum Teilen noch nicht geöffnet\./);
  });

  it("records a refused follow-up with the reason in words and does not try it again", async () => {
    const { f, person: pia } = await notOpened("Refused", "Pia");
    graph.setBehaviour({ kind: "graph-error", status: 400, code: 131026, message: "Message undeliverable" });
    const before = graph.requests.length;

    await sendLocationFollowUps(new Date(), fast);
    graph.setBehaviour(okWithUniqueWamid());
    await sendLocationFollowUps(new Date(), fast);

    expect(requestsTo(pia.participant.phone, before)).toHaveLength(1);
    const [row] = await followUpsOf(f);
    expect(row).toMatchObject({ status: "failed", errorCode: expect.any(String) });
    expect(row!.errorMessage).toBeTruthy();
  });
});

describe("location follow-ups: what the organizer sees", () => {
  it("the occurrence's timeline and messages list the follow-up; another organization sees none of it", async () => {
    const { f } = await notOpened("Shown", "Quinn");
    await getDb().insert(schema.scheduledActions).values({
      organizationId: f.org.id,
      instanceId: f.instance.id,
      action: "tracking_link",
      dueAt: new Date(Date.now() - 20 * MINUTE),
      status: "done",
    });
    await sendLocationFollowUps(new Date(), fast);

    const timeline = await getOccurrenceTimeline(f.owner.ctx, f.instance.id);
    const row = timeline.find((r) => r.action === "tracking_link")!;
    expect(row.followUps.map((m) => [m.name, m.status])).toEqual([["Quinn", "sent"]]);
    // The attendance table says when they were asked.
    const occurrence = await getOccurrence(f.owner.ctx, f.instance.id);
    expect(occurrence.attendances[0]!.locationRequestedAt).toBeInstanceOf(Date);
    expect(Date.now() - occurrence.attendances[0]!.locationRequestedAt!.getTime()).toBeLessThan(60_000);
    const listed = await listMessages(f.owner.ctx, { instanceId: f.instance.id });
    expect(listed.filter((m) => m.kind === "location_request").map((m) => m.participantName)).toEqual(["Quinn"]);

    const other = await createTestOrg("Other");
    expect((await listMessages(other.owner.ctx)).filter((m) => m.instanceId === f.instance.id)).toEqual([]);
  });

  it("is a job for Inngest (every minute) and for the local runner", async () => {
    expect(functions.find((f) => f.id() === sendLocationFollowUpsJob.id)!.opts).toMatchObject({ triggers: [{ cron: "TZ=UTC * * * * *" }] });
    expect(jobs).toContain(sendLocationFollowUpsJob);
    expect(sendLocationFollowUpsJob).toMatchObject({ id: "send-location-follow-ups", cron: "* * * * *" });
  });
});
