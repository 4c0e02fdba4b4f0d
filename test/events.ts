import { randomUUID } from "node:crypto";
import { and, count, eq } from "drizzle-orm";
import { getDb, schema } from "@/lib/database";
import { instantToLocal } from "@/lib/recurrence/expand";
import { DEFAULT_SCHEDULE, type EventInput } from "@/lib/events/schemas";

// Shared by the events, occurrences and schedule database tests (imported after connectTestDatabase()).

const { attendances, eventInstances, eventParticipants, events, participants, scheduledActions } = schema;

export const BERLIN = "Europe/Berlin";
export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

/** The wall time `ms` from now in `timeZone`, e.g. for a start "in three hours". */
export function localFromNow(ms: number, timeZone = BERLIN): string {
  return instantToLocal(new Date(Date.now() + ms), timeZone);
}

/** A weekly Mon/Wed/Fri 07:30 event starting in a few days, unless overridden. */
export function eventInput(overrides: Partial<EventInput> = {}): EventInput {
  return {
    title: "School run",
    kind: "periodic",
    dtstartLocal: `${localFromNow(3 * DAY).slice(0, 10)}T07:30`,
    durationMinutes: 60,
    timeZone: BERLIN,
    rule: { frequency: "weekly", interval: 1, weekdays: ["MO", "WE", "FR"], end: { type: "never" } },
    venueName: "Primary school",
    venueAddress: "Schulstraße 1, Berlin",
    venueLat: 52.52,
    venueLng: 13.405,
    schedule: { ...DEFAULT_SCHEDULE },
    ...overrides,
  };
}

/** Participants put on the roster directly (the participants domain is tested on its own). */
export async function addRoster(organizationId: string, eventId: string, names: string[]) {
  const db = getDb();
  const people = await db
    .insert(participants)
    .values(names.map((name) => ({ organizationId, name, phone: `+49151${randomUUID().replace(/\D/g, "").slice(0, 8).padEnd(8, "0")}` })))
    .returning();
  await db.insert(eventParticipants).values(people.map((p) => ({ organizationId, eventId, participantId: p.id })));
  return people;
}

/** Row counts of one organization's occurrences, attendances and scheduled actions. */
export async function countRows(organizationId: string) {
  const db = getDb();
  const [[instances], [people], [actions], [eventRows]] = await Promise.all([
    db.select({ n: count() }).from(eventInstances).where(eq(eventInstances.organizationId, organizationId)),
    db.select({ n: count() }).from(attendances).where(eq(attendances.organizationId, organizationId)),
    db.select({ n: count() }).from(scheduledActions).where(eq(scheduledActions.organizationId, organizationId)),
    db.select({ n: count() }).from(events).where(eq(events.organizationId, organizationId)),
  ]);
  return { events: eventRows!.n, instances: instances!.n, attendances: people!.n, actions: actions!.n };
}

/** An event's occurrences in start order. */
export async function instancesOf(eventId: string) {
  return getDb().select().from(eventInstances).where(eq(eventInstances.eventId, eventId)).orderBy(eventInstances.startsAt);
}

/** An occurrence's whole-occurrence actions by kind. */
export async function actionsOf(instanceId: string) {
  const rows = await getDb().select().from(scheduledActions).where(eq(scheduledActions.instanceId, instanceId));
  return Object.fromEntries(rows.map((row) => [row.action, row]));
}

export async function setRsvp(instanceId: string, participantId: string, rsvp: "pending" | "confirmed" | "declined") {
  await getDb()
    .update(attendances)
    .set({ rsvp, rsvpAt: new Date() })
    .where(and(eq(attendances.instanceId, instanceId), eq(attendances.participantId, participantId)));
}
