import { randomInt, randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { getDb, schema } from "@/lib/database";
import { createTestOrg, type TestOrg } from "@/test/database";
import { resolveOrgContext } from "@/lib/tenant/context";
import { issueTrackingLink } from "@/lib/tracking/links";

// The one fixture builder of the database tests: `await given.org().event().occurrence({ open: true }).people(20)`.
// Each call adds a step; awaiting the chain runs them in order against the real test database (after
// connectTestDatabase()) and gives back everything it made. Every chain makes its own organization.

const { attendances, eventInstances, events, organizations, participants } = schema;
const MINUTE = 60_000;

export const VENUE = { lat: 52.52, lng: 13.405 };
export const RADIUS_M = 150;

export type OrgOptions = { name?: string; country?: string; whatsapp?: boolean; timeZone?: string; language?: string };
export type EventOptions = {
  title?: string;
  kind?: "demand" | "periodic";
  radiusM?: number;
  travelMode?: "walking" | "driving";
  lateGraceMinutes?: number;
};
/** `open`: the tracking window is open now (the start is 30 minutes away and tracking opens 60 before). */
export type OccurrenceOptions = { startsInMinutes?: number; open?: boolean; durationMinutes?: number };
export type PersonSpec = {
  name?: string;
  phone?: string;
  rsvp?: "pending" | "confirmed" | "declined";
  journey?: "not_started" | "on_the_way" | "arrived" | "no_show";
  optedOut?: boolean;
  /** Wrote to us this many hours ago (inside WhatsApp's 24-hour window when < 24); never when omitted. */
  wroteHoursAgo?: number;
  /** Their language (a lib/i18n locale); the organization's when omitted. */
  language?: string;
};

type Event = typeof events.$inferSelect;
type Instance = typeof eventInstances.$inferSelect;
export type Person = {
  participant: typeof participants.$inferSelect;
  attendance: typeof attendances.$inferSelect;
  /** The tracking link's token and path, when `.links()` was asked for. */
  link?: { token: string; path: string };
};
export type Given = TestOrg & { phoneNumberId: string | null; event: Event; instance: Instance; people: Person[]; byName(name: string): Person };

/** A phone number no other test uses (German mobile range). */
export const randomPhone = () => `+49151${randomUUID().replace(/\D/g, "").slice(0, 8).padEnd(8, "0")}`;

class Chain implements PromiseLike<Given> {
  private readonly steps: ((state: Partial<Given>) => Promise<void>)[] = [];

  constructor(options: OrgOptions) {
    this.steps.push(async (state) => {
      Object.assign(state, await makeOrg(options));
    });
  }

  event(options: EventOptions = {}): this {
    this.steps.push(async (state) => {
      state.event = await makeEvent(state.org!.id, options);
    });
    return this;
  }

  occurrence(options: OccurrenceOptions = {}): this {
    this.steps.push(async (state) => {
      state.event ??= await makeEvent(state.org!.id, {});
      state.instance = await makeOccurrence(state.org!.id, state.event.id, options);
    });
    return this;
  }

  /** `n` confirmed people, or one person per spec; on the occurrence's roster with an attendance each. */
  people(who: number | PersonSpec[], defaults: PersonSpec = { rsvp: "confirmed" }): this {
    this.steps.push(async (state) => {
      if (!state.instance) throw new Error("given: .people() needs an .occurrence() first");
      const specs = typeof who === "number" ? Array.from({ length: who }, (_, i) => ({ name: `Person ${i + 1}` })) : who;
      const made = await makePeople(state.org!.id, state.instance, specs.map((spec) => ({ ...defaults, ...spec })));
      state.people = [...(state.people ?? []), ...made];
    });
    return this;
  }

  /** A tracking link for everyone so far, issued by the owner as staff would. */
  links(): this {
    this.steps.push(async (state) => {
      for (const person of state.people ?? []) person.link = await issueTrackingLink(state.owner!.ctx, person.attendance.id);
    });
    return this;
  }

  then<A = Given, B = never>(onFulfilled?: ((value: Given) => A | PromiseLike<A>) | null, onRejected?: ((reason: unknown) => B | PromiseLike<B>) | null) {
    return this.run().then(onFulfilled, onRejected);
  }

  private async run(): Promise<Given> {
    const state: Partial<Given> = { people: [] };
    for (const step of this.steps) await step(state);
    const people = state.people!;
    return { ...(state as Given), byName: (name) => people.find((p) => p.participant.name === name)! };
  }
}

export const given = {
  /** A fresh organization (school, Berlin) with an owner; `whatsapp` gives it a business number of its own. */
  org: (options: OrgOptions = {}) => new Chain(options),
};

async function makeOrg(options: OrgOptions): Promise<Partial<Given>> {
  const t = await createTestOrg(options.name);
  // Unique per organization: the WhatsApp webhook finds the tenant by it.
  const phoneNumberId = options.whatsapp ? `${randomInt(100_000_000, 999_999_999)}${randomInt(100_000, 999_999)}` : null;
  const changes = {
    ...(options.country ? { defaultCountry: options.country } : {}),
    ...(options.timeZone ? { timeZone: options.timeZone } : {}),
    ...(options.language ? { language: options.language } : {}),
    ...(phoneNumberId ? { whatsappPhoneNumberId: phoneNumberId } : {}),
  };
  if (Object.keys(changes).length === 0) return { ...t, phoneNumberId };
  const [org] = await getDb().update(organizations).set(changes).where(eq(organizations.id, t.org.id)).returning();
  return { ...t, org: org!, owner: { ...t.owner, ctx: await resolveOrgContext(t.owner.user, org!.slug) }, phoneNumberId };
}

async function makeEvent(organizationId: string, options: EventOptions): Promise<Event> {
  const [event] = await getDb()
    .insert(events)
    .values({
      organizationId,
      kind: options.kind ?? "demand",
      title: options.title ?? "Pick-up",
      venueName: "Main gate",
      venueLat: VENUE.lat,
      venueLng: VENUE.lng,
      arrivalRadiusM: options.radiusM ?? RADIUS_M,
      timeZone: "Europe/Berlin",
      dtstartLocal: "2030-01-07 07:30:00",
      travelMode: options.travelMode ?? "walking",
      ...(options.kind === "periodic" ? { rrule: "FREQ=WEEKLY;BYDAY=MO" } : {}),
      ...(options.lateGraceMinutes !== undefined ? { lateGraceMinutes: options.lateGraceMinutes } : {}),
    })
    .returning();
  return event!;
}

async function makeOccurrence(organizationId: string, eventId: string, options: OccurrenceOptions): Promise<Instance> {
  const startsAt = new Date(Date.now() + (options.startsInMinutes ?? (options.open ? 30 : 120)) * MINUTE);
  const endsAt = new Date(startsAt.getTime() + (options.durationMinutes ?? 60) * MINUTE);
  const [instance] = await getDb()
    .insert(eventInstances)
    .values({ organizationId, eventId, ruleStartsAt: startsAt, startsAt, endsAt })
    .returning();
  return instance!;
}

async function makePeople(organizationId: string, instance: Instance, specs: PersonSpec[]): Promise<Person[]> {
  const db = getDb();
  const made: Person[] = [];
  for (const [i, spec] of specs.entries()) {
    const [participant] = await db
      .insert(participants)
      .values({
        organizationId,
        name: spec.name ?? `Person ${i + 1}`,
        phone: spec.phone ?? randomPhone(),
        optedOutAt: spec.optedOut ? new Date(Date.now() - 60 * MINUTE) : null,
        lastInboundAt: spec.wroteHoursAgo === undefined ? null : new Date(Date.now() - spec.wroteHoursAgo * 60 * MINUTE),
        language: spec.language ?? null,
      })
      .returning();
    await db.insert(schema.eventParticipants).values({ organizationId, eventId: instance.eventId, participantId: participant!.id });
    const [attendance] = await db
      .insert(attendances)
      .values({
        organizationId,
        instanceId: instance.id,
        participantId: participant!.id,
        rsvp: spec.rsvp ?? "pending",
        journey: spec.journey ?? "not_started",
      })
      .returning();
    made.push({ participant: participant!, attendance: attendance! });
  }
  return made;
}
