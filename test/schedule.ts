import { randomUUID } from "node:crypto";
import { and, asc, eq } from "drizzle-orm";
import { getDb, schema } from "@/lib/database";
import { createTestOrg, type TestOrg } from "@/test/database";
import type { FakeGraphBehaviour } from "@/test/fakes/graph-api-server";

// Test-only (imported after connectTestDatabase()): an organization with a WhatsApp number, one occurrence, its roster
// in given states, and scheduled actions to run.

const { attendances, eventInstances, events, messages, participants, scheduledActions } = schema;
const MINUTE = 60_000;

export type PersonSpec = {
  name: string;
  rsvp?: "pending" | "confirmed" | "declined";
  journey?: "not_started" | "on_the_way" | "arrived" | "no_show";
  optedOut?: boolean;
  /** Wrote to us this many hours ago (inside the 24-hour window when < 24); never when omitted. */
  wroteHoursAgo?: number;
  phone?: string;
  /** Their language (a lib/i18n locale); the organization's when omitted. */
  language?: string;
};

export const randomPhone = () => `+49151${randomUUID().replace(/\D/g, "").slice(0, 8).padEnd(8, "0")}`;

export async function createOutboundFixture(
  name: string,
  options: { people: PersonSpec[]; startsInMinutes?: number; phoneNumberId?: string | null; org?: TestOrg; language?: string },
) {
  const db = getDb();
  const t = options.org ?? (await createTestOrg(name));
  // Unique per organization: the webhook finds the tenant by it.
  const phoneNumberId = options.phoneNumberId === undefined ? randomPhone().replace(/\D/g, "") : options.phoneNumberId;
  await db
    .update(schema.organizations)
    .set({ whatsappPhoneNumberId: phoneNumberId, ...(options.language ? { language: options.language } : {}) })
    .where(eq(schema.organizations.id, t.org.id));
  const startsAt = new Date(Date.now() + (options.startsInMinutes ?? 120) * MINUTE);
  const [event] = await db
    .insert(events)
    .values({
      organizationId: t.org.id,
      kind: "demand",
      title: `${name} trip`,
      venueName: "Main gate",
      venueLat: 52.52,
      venueLng: 13.405,
      timeZone: "Europe/Berlin",
      dtstartLocal: "2030-01-07 07:30:00",
    })
    .returning();
  const [instance] = await db
    .insert(eventInstances)
    .values({ organizationId: t.org.id, eventId: event!.id, ruleStartsAt: startsAt, startsAt, endsAt: new Date(startsAt.getTime() + 60 * MINUTE) })
    .returning();
  const people: { participant: typeof participants.$inferSelect; attendance: typeof attendances.$inferSelect }[] = [];
  for (const spec of options.people) {
    const [participant] = await db
      .insert(participants)
      .values({
        organizationId: t.org.id,
        name: spec.name,
        phone: spec.phone ?? randomPhone(),
        optedOutAt: spec.optedOut ? new Date(Date.now() - 60 * MINUTE) : null,
        lastInboundAt: spec.wroteHoursAgo === undefined ? null : new Date(Date.now() - spec.wroteHoursAgo * 60 * MINUTE),
        language: spec.language ?? null,
      })
      .returning();
    const [attendance] = await db
      .insert(attendances)
      .values({
        organizationId: t.org.id,
        instanceId: instance!.id,
        participantId: participant!.id,
        rsvp: spec.rsvp ?? "pending",
        journey: spec.journey ?? "not_started",
      })
      .returning();
    people.push({ participant: participant!, attendance: attendance! });
  }
  const byName = (n: string) => people.find((p) => p.participant.name === n)!;
  return { ...t, org: { ...t.org, whatsappPhoneNumberId: phoneNumberId, ...(options.language ? { language: options.language } : {}) }, event: event!, instance: instance!, people, byName };
}

/** A scheduled action as a claim leaves it (running, one attempt) unless told otherwise. */
export async function createAction(
  organizationId: string,
  instanceId: string,
  action: "confirmation" | "reminder" | "tracking_link" | "closure",
  options: { status?: "pending" | "running"; dueAt?: Date; participantId?: string; maxAttempts?: number } = {},
) {
  const running = (options.status ?? "running") === "running";
  const [row] = await getDb()
    .insert(scheduledActions)
    .values({
      organizationId,
      instanceId,
      action,
      participantId: options.participantId ?? null,
      dueAt: options.dueAt ?? new Date(),
      status: options.status ?? "running",
      attempts: running ? 1 : 0,
      claimedAt: running ? new Date() : null,
      ...(options.maxAttempts ? { maxAttempts: options.maxAttempts } : {}),
    })
    .returning();
  return { row: row!, ref: { actionId: row!.id, organizationId } };
}

export async function actionRow(actionId: string) {
  const [row] = await getDb().select().from(scheduledActions).where(eq(scheduledActions.id, actionId));
  return row!;
}

/** Puts an action back to running, as a new claim or an Inngest retry would find it. */
export async function setRunning(actionId: string) {
  await getDb().update(scheduledActions).set({ status: "running", completedAt: null }).where(eq(scheduledActions.id, actionId));
}

export async function messagesOf(actionId: string) {
  return getDb()
    .select()
    .from(messages)
    .where(eq(messages.scheduledActionId, actionId))
    .orderBy(asc(messages.createdAt));
}

export async function attendanceOf(organizationId: string, attendanceId: string) {
  const [row] = await getDb()
    .select()
    .from(attendances)
    .where(and(eq(attendances.id, attendanceId), eq(attendances.organizationId, organizationId)));
  return row!;
}

/**
 * Graph's 200 with a wamid unique across processes. The fake numbers its own wamids per server (wamid.fake.1, …),
 * which collide in the unique wamid index when several test files share one database. The body is read per request.
 */
export function okWithUniqueWamid(): FakeGraphBehaviour {
  return {
    kind: "body",
    status: 200,
    get body() {
      return JSON.stringify({ messaging_product: "whatsapp", contacts: [], messages: [{ id: `wamid.test.${randomUUID()}` }] });
    },
  };
}
