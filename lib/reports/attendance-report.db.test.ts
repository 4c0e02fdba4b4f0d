import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { connectTestDatabase, createTestOrg, rejection, type TestOrg } from "@/test/database";
import type { CheckInMethod, Journey, Rsvp } from "@/lib/attendance";

connectTestDatabase();
const { getDb, schema } = await import("@/lib/database");
const { createEvent } = await import("@/lib/occurrences/event-lifecycle");
const { addRoster, eventInput } = await import("@/test/events");
const { getAttendanceReport } = await import("./attendance-report");
const { exportAttendanceCsv } = await import("./export-report");
const { listAttendanceSummaries } = await import("./summaries");
const { toLocale } = await import("@/lib/i18n");

const { attendances, auditLogs, eventInstances } = schema;
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

// "Now" for every call: a fixed instant, so local dates are known (Berlin is UTC+1 in November).
const now = new Date("2026-11-24T10:00:00Z"); // 11:00 in Berlin

type Person = Awaited<ReturnType<typeof addRoster>>[number];
type Facts = { rsvp?: Rsvp; journey?: Journey; checkedInAt?: Date; checkInMethod?: CheckInMethod };

/** An occurrence of the event inserted as it would look afterwards, with each person's attendance. */
async function occurrence(
  org: TestOrg,
  eventId: string,
  startsAt: Date,
  people: [Person, Facts][],
  options: { status?: "scheduled" | "completed" | "cancelled"; closedAt?: Date } = {},
) {
  const db = getDb();
  const [instance] = await db
    .insert(eventInstances)
    .values({
      organizationId: org.org.id,
      eventId,
      ruleStartsAt: startsAt,
      startsAt,
      endsAt: new Date(startsAt.getTime() + HOUR),
      status: options.status ?? "scheduled",
      closedAt: options.closedAt ?? null,
    })
    .returning();
  if (people.length > 0) {
    await db.insert(attendances).values(
      people.map(([person, facts]) => ({
        organizationId: org.org.id,
        instanceId: instance!.id,
        participantId: person.id,
        rsvp: facts.rsvp ?? "confirmed",
        journey: facts.journey ?? "not_started",
        checkedInAt: facts.checkedInAt ?? null,
        checkInMethod: facts.checkInMethod ?? null,
      })),
    );
  }
  return instance!;
}

const at = (start: Date, minutes: number) => new Date(start.getTime() + minutes * MINUTE);

describe("attendance report", () => {
  let org: TestOrg;
  let eventId: string;
  let people: Person[];
  const threeDaysAgo = new Date("2026-11-21T06:30:00Z"); // Sat 07:30 Berlin
  const twoDaysAgo = new Date("2026-11-22T06:30:00Z");
  const lastNight = new Date("2026-11-23T23:30:00Z"); // Tue 00:30 Berlin: today there, yesterday in UTC
  const running = new Date("2026-11-24T09:45:00Z"); // started 15 min ago, ends in 45

  beforeAll(async () => {
    org = await createTestOrg("Report");
    // The event's own occurrences lie in the future (weekly from in 3 days) and must stay out of the report.
    eventId = (await createEvent(org.owner.ctx, eventInput({ title: "Choir", lateGraceMinutes: 5 }))).id;
    people = await addRoster(org.org.id, eventId, ["Ada", "Ben", "=Cy"]);
    const [ada, ben, cy] = people as [Person, Person, Person];
    await occurrence(
      org,
      eventId,
      threeDaysAgo,
      [
        [ada, { journey: "arrived", checkedInAt: at(threeDaysAgo, 3), checkInMethod: "geofence" }],
        [ben, { journey: "arrived", checkedInAt: at(threeDaysAgo, 12.5), checkInMethod: "manual" }],
        [cy, { journey: "no_show" }],
      ],
      { status: "completed", closedAt: at(threeDaysAgo, 90) },
    );
    // Over, but its closure step never ran (closure off): Cy, confirmed and absent, is a no-show all the same.
    await occurrence(org, eventId, twoDaysAgo, [
      [ada, { rsvp: "declined" }],
      [ben, { rsvp: "pending" }],
      [cy, { journey: "on_the_way" }],
    ]);
    await occurrence(org, eventId, at(twoDaysAgo, 4 * 60), [[ada, { journey: "arrived", checkedInAt: at(twoDaysAgo, 4 * 60) }]], {
      status: "cancelled",
    });
    await occurrence(org, eventId, lastNight, [[ben, { rsvp: "pending", journey: "arrived", checkedInAt: at(lastNight, 40), checkInMethod: "whatsapp_location" }]]);
    await occurrence(org, eventId, running, [
      [ada, { journey: "on_the_way" }],
      [ben, { journey: "arrived", checkedInAt: at(running, -2), checkInMethod: "geofence" }],
    ]);
  });

  it("sums up who came on time, late, not at all, declined or never answered, per occurrence and per person", async () => {
    const report = await getAttendanceReport(org.owner.ctx, { eventId }, now);
    expect(report.range).toEqual({ from: "2026-10-26", to: "2026-11-24" });
    expect(report.event).toMatchObject({ title: "Choir", timeZone: "Europe/Berlin", lateGraceMinutes: 5 });
    expect(report.cancelled).toBe(1);
    expect(report.occurrences.map((o) => [o.startsLocal, o.inProgress])).toEqual([
      ["2026-11-21T07:30", false],
      ["2026-11-22T07:30", false],
      ["2026-11-24T00:30", false],
      ["2026-11-24T10:45", true],
    ]);
    expect(report.occurrences.map((o) => [o.tally.on_time, o.tally.late, o.tally.no_show, o.tally.declined, o.tally.no_answer, o.tally.expected])).toEqual([
      [1, 1, 1, 0, 0, 0],
      [0, 0, 1, 1, 1, 0],
      [0, 1, 0, 0, 0, 0],
      [1, 0, 0, 0, 0, 1],
    ]);
    expect(report.totals).toMatchObject({ invited: 9, arrived: 4, on_time: 2, late: 2, no_show: 2, declined: 1, no_answer: 1, expected: 1 });
    expect(report.totals.averageMinutesLate).toBe(26); // Ben 12 min, Ben 40 min
    expect(report.totals.attendanceRate).toBeCloseTo(4 / 9);

    const byName = Object.fromEntries(report.participants.map((p) => [p.name, p.tally]));
    expect(report.participants.map((p) => p.name)).toEqual(["=Cy", "Ada", "Ben"]);
    expect(byName.Ada).toMatchObject({ invited: 3, on_time: 1, declined: 1, expected: 1, attendanceRate: 1 / 3 });
    expect(byName.Ben).toMatchObject({ invited: 4, on_time: 1, late: 2, no_answer: 1, averageMinutesLate: 26, attendanceRate: 3 / 4 });
    expect(byName["=Cy"]).toMatchObject({ invited: 2, no_show: 2, attendanceRate: 0 });
  });

  it("takes the dates in the event's time zone: an occurrence at 00:30 Berlin belongs to that Berlin day", async () => {
    const today = await getAttendanceReport(org.owner.ctx, { eventId, from: "2026-11-24", to: "2026-11-24" }, now);
    expect(today.occurrences.map((o) => o.startsLocal)).toEqual(["2026-11-24T00:30", "2026-11-24T10:45"]);
    const weekend = await getAttendanceReport(org.owner.ctx, { eventId, from: "2026-11-21", to: "2026-11-23" }, now);
    expect(weekend.occurrences.map((o) => o.startsLocal)).toEqual(["2026-11-21T07:30", "2026-11-22T07:30"]);
    expect(weekend.cancelled).toBe(1);
    const future = await getAttendanceReport(org.owner.ctx, { eventId, from: "2026-11-25", to: "2027-01-31" }, now);
    expect(future.occurrences).toEqual([]);
  });

  it("is readable by a viewer, and the CSV has one line per person and occurrence, formulas defused", async () => {
    const viewer = await org.add("viewer");
    const { csv, range, title } = await exportAttendanceCsv(viewer.ctx, { eventId, from: "2026-11-21", to: "2026-11-21" }, now);
    expect({ range, title }).toEqual({ range: { from: "2026-11-21", to: "2026-11-21" }, title: "Choir" });
    const lines = csv.replace(/^\uFEFF/, "").trimEnd().split("\r\n");
    expect(lines[0]).toBe("date,start,name,phone,guardian_of,answer,outcome,checked_in,minutes_late,check_in_method");
    const [ada, ben, cy] = people as [Person, Person, Person];
    expect(lines.slice(1)).toEqual([
      `2026-11-21,07:30,'=Cy,${cy.phone},,confirmed,no-show,,,`,
      `2026-11-21,07:30,Ada,${ada.phone},,confirmed,on time,2026-11-21 07:33,3,tracking link`,
      `2026-11-21,07:30,Ben,${ben.phone},,confirmed,late,2026-11-21 07:42,12,by hand`,
    ]);
    const [audit] = await getDb()
      .select()
      .from(auditLogs)
      .where(and(eq(auditLogs.organizationId, org.org.id), eq(auditLogs.action, "report.exported")));
    expect(audit).toMatchObject({ actorUserId: viewer.user.id, targetId: eventId, data: { from: "2026-11-21", to: "2026-11-21", rows: 3 } });
  });

  it("speaks a German organizer's language: German headers and words, German dates and times in the event's zone", async () => {
    // The route takes the request's locale: a German organizer's own choice (users.language) comes first.
    const german = await org.add("viewer");
    await getDb().update(schema.users).set({ language: "de" }).where(eq(schema.users.id, german.user.id));
    const [user] = await getDb().select().from(schema.users).where(eq(schema.users.id, german.user.id));
    const locale = toLocale(user!.language);
    const input = { eventId, from: "2026-11-21", to: "2026-11-24" };
    const { csv } = await exportAttendanceCsv(german.ctx, input, now, locale);
    const lines = csv.replace(/^\uFEFF/, "").trimEnd().split("\r\n");
    expect(lines[0]).toBe("Datum,Beginn,Name,Telefon,Elternteil von,Antwort,Ergebnis,Eingecheckt,Minuten zu spät,Eingecheckt über");
    const [ada, ben, cy] = people as [Person, Person, Person];
    expect(lines.slice(1, 4)).toEqual([
      `21.11.2026,07:30,'=Cy,${cy.phone},,zugesagt,nicht erschienen,,,`,
      `21.11.2026,07:30,Ada,${ada.phone},,zugesagt,pünktlich,21.11.2026 07:33,3,Tracking-Link`,
      `21.11.2026,07:30,Ben,${ben.phone},,zugesagt,zu spät,21.11.2026 07:42,12,von Hand`,
    ]);
    // 00:30 in Berlin on the 24th is still the 23rd in UTC: the event's zone decides the date.
    expect(lines).toContain(`24.11.2026,00:30,Ben,${ben.phone},,keine Antwort,zu spät,24.11.2026 01:10,40,WhatsApp-Standort`);
    // The columns keep their order in every language: the English file has the same cells in the same places.
    const english = (await exportAttendanceCsv(german.ctx, input, now)).csv.replace(/^\uFEFF/, "").trimEnd().split("\r\n");
    expect(english.map((line) => line.split(",").length)).toEqual(lines.map((line) => line.split(",").length));
    expect(english.slice(1).map((line) => line.split(",")[3])).toEqual(lines.slice(1).map((line) => line.split(",")[3]));
  });

  it("refuses dates that cannot make a report, and writes nothing", async () => {
    const backwards = await rejection(exportAttendanceCsv(org.owner.ctx, { eventId, from: "2026-11-10", to: "2026-11-01" }, now));
    expect(backwards).toMatchObject({ code: "VALIDATION", fields: { to: ["The last day must not be before the first."] } });
    const tooLong = await rejection(getAttendanceReport(org.owner.ctx, { eventId, from: "2024-01-01", to: "2026-01-01" }, now));
    expect(tooLong.code).toBe("VALIDATION");
    const notADate = await rejection(getAttendanceReport(org.owner.ctx, { eventId, from: "yesterday" }, now));
    expect(notADate.fields).toEqual({ from: ["Enter the first day as a date."] });
    const audits = await getDb()
      .select()
      .from(auditLogs)
      .where(and(eq(auditLogs.organizationId, org.org.id), eq(auditLogs.action, "report.exported"), eq(auditLogs.actorUserId, org.owner.user.id)));
    expect(audits).toEqual([]);
  });

  it("the organization's reports page sums each event up over the same days its report shows by default", async () => {
    const [summary, ...others] = await listAttendanceSummaries(org.owner.ctx, now);
    expect(others).toEqual([]); // the event's own occurrences all lie ahead
    const report = await getAttendanceReport(org.owner.ctx, { eventId }, now);
    expect(summary).toEqual({
      eventId,
      title: "Choir",
      status: "active",
      range: report.range,
      held: 4,
      cancelled: 1,
      tally: report.totals,
    });
  });

  it("another organization can neither read nor export it, and its own report holds none of it", async () => {
    const other = await createTestOrg("Other");
    expect((await rejection(getAttendanceReport(other.owner.ctx, { eventId }, now))).code).toBe("NOT_FOUND");
    expect((await rejection(exportAttendanceCsv(other.owner.ctx, { eventId }, now))).code).toBe("NOT_FOUND");
    expect((await rejection(getAttendanceReport(other.owner.ctx, { eventId: "not-a-uuid" }, now))).code).toBe("NOT_FOUND");

    const ownEvent = (await createEvent(other.owner.ctx, eventInput({ title: "Other choir" }))).id;
    const [zoe] = await addRoster(other.org.id, ownEvent, ["Zoe"]);
    await occurrence(other, ownEvent, threeDaysAgo, [[zoe!, { journey: "arrived", checkedInAt: threeDaysAgo }]]);
    const own = await getAttendanceReport(other.owner.ctx, { eventId: ownEvent }, now);
    expect(own.rows.map((r) => r.name)).toEqual(["Zoe"]);
    expect(own.totals).toMatchObject({ invited: 1, on_time: 1 });
    expect((await listAttendanceSummaries(other.owner.ctx, now)).map((s) => [s.title, s.tally.invited])).toEqual([["Other choir", 1]]);

    const exports = await getDb()
      .select()
      .from(auditLogs)
      .where(and(eq(auditLogs.organizationId, other.org.id), eq(auditLogs.action, "report.exported")));
    expect(exports).toEqual([]);
  });
});
