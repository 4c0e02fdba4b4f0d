import { randomInt, randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { getDb, schema } from "@/lib/database";
import { createTestOrg, type TestOrg } from "@/test/database";
import { createAction, type ActionKind, type ActionOptions, type TestAction } from "@/test/schedule";
import { resolveOrgContext } from "@/lib/tenant/context";
import { issueTrackingLink } from "@/lib/tracking/links";

// The one fixture builder of the database tests: `await given.org().event().occurrence({ open: true }).people(20)`.
// Each call adds a step; awaiting the chain runs them in order against the real test database (after
// connectTestDatabase()) and gives back everything it made. Every chain makes its own organization, unless it starts
// with `given.in(t)`, which builds on in an organization made before.

const { attendances, eventInstances, eventParticipants, events, organizations, participants } = schema;
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

export const VENUE = { lat: 52.52, lng: 13.405 };
export const RADIUS_M = 150;

export type OrgOptions = { name?: string; country?: string; whatsapp?: boolean; timeZone?: string; language?: string };
export type EventOptions = {
  title?: string;
  /** "periodic": weekly on Mondays. */
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
/** Someone on the event's roster with an attendance on the occurrence. */
export type Person = { participant: typeof participants.$inferSelect; attendance: typeof attendances.$inferSelect };
/** A tracking link's token and path, as `.links()` issued it. */
export type Link = { token: string; path: string };
export type LinkedPerson = Person & { link: Link };
export type Given<P extends Person = Person> = TestOrg & {
  /** The organization's WhatsApp number id (`org({ whatsapp: true })`), or null. */
  phoneNumberId: string | null;
  /** The latest event made. */
  event: Event;
  /** The latest `.occurrence()`, which `.people()` join. */
  instance: Instance;
  /** Every occurrence the chain made, in order. */
  instances: Instance[];
  people: P[];
  byName(name: string): P;
};

/** A phone number no other test uses (German mobile range). */
export const randomPhone = () => `+49151${randomUUID().replace(/\D/g, "").slice(0, 8).padEnd(8, "0")}`;

type State = Partial<Given<LinkedPerson>> & { people: LinkedPerson[]; instances: Instance[]; action?: TestAction };
type Step = (state: State) => Promise<void>;

class Chain<P extends Person = Person, X = unknown> implements PromiseLike<Given<P> & X> {
  constructor(private readonly steps: readonly Step[]) {}

  event(options: EventOptions = {}): Chain<P, X> {
    return this.add(async (state) => {
      state.event = await makeEvent(state.org!.id, options);
    });
  }

  /** An occurrence of the latest event (a one-off "Pick-up" at the main gate when there is none yet). */
  occurrence(options: OccurrenceOptions = {}): Chain<P, X> {
    return this.add(async (state) => {
      state.event ??= await makeEvent(state.org!.id, {});
      const minutes = options.startsInMinutes ?? (options.open ? 30 : 120);
      const [instance] = await makeOccurrences(state.org!.id, state.event.id, [minutes * MINUTE], options.durationMinutes);
      state.instance = instance!;
      state.instances.push(instance!);
    });
  }

  /** Occurrences of the latest event starting these many hours from now (negative: already past), an hour each. */
  occurrences(hoursFromNow: number[]): Chain<P, X> {
    return this.add(async (state) => {
      state.event ??= await makeEvent(state.org!.id, {});
      state.instances.push(...(await makeOccurrences(state.org!.id, state.event.id, hoursFromNow.map((h) => h * HOUR))));
    });
  }

  /**
   * `n` confirmed people named "Person 1" … "Person n", or one person per spec (no answer yet unless it says), each on
   * the event's roster with an attendance on the occurrence; `defaults` apply to every one of them.
   */
  people(who: number | PersonSpec[], defaults: PersonSpec = typeof who === "number" ? { rsvp: "confirmed" } : {}): Chain<P, X> {
    return this.add(async (state) => {
      if (!state.instance) throw new Error("given: .people() needs an .occurrence() first");
      const specs = typeof who === "number" ? Array.from({ length: who }, (): PersonSpec => ({})) : who;
      const first = state.people.length;
      const named = specs.map((spec, i) => ({ ...defaults, ...spec, name: spec.name ?? defaults.name ?? `Person ${first + i + 1}` }));
      state.people.push(...((await makePeople(state.org!.id, state.instance, named)) as LinkedPerson[]));
    });
  }

  /** A tracking link for everyone so far, issued by the owner as staff would. */
  links(): Chain<P & { link: Link }, X> {
    return this.add(async (state) => {
      for (const person of state.people) person.link = await issueTrackingLink(state.owner!.ctx, person.attendance.id);
    });
  }

  /** A scheduled action of the occurrence, as a claim leaves it (running, one attempt) unless told otherwise. */
  action(kind: ActionKind, options: ActionOptions = {}): Chain<P, X & { action: TestAction }> {
    return this.add(async (state) => {
      if (!state.instance) throw new Error("given: .action() needs an .occurrence() first");
      state.action = await createAction(state.org!.id, state.instance.id, kind, options);
    });
  }

  then<A = Given<P> & X, B = never>(
    onFulfilled?: ((value: Given<P> & X) => A | PromiseLike<A>) | null,
    onRejected?: ((reason: unknown) => B | PromiseLike<B>) | null,
  ) {
    return this.run().then(onFulfilled, onRejected);
  }

  private add<Q extends Person = P, Y = X>(step: Step): Chain<Q, Y> {
    return new Chain<Q, Y>([...this.steps, step]);
  }

  private async run(): Promise<Given<P> & X> {
    const state: State = { people: [], instances: [] };
    for (const step of this.steps) await step(state);
    const people = state.people;
    const byName = (name: string) => {
      const person = people.find((p) => p.participant.name === name);
      if (!person) throw new Error(`given: nobody is named ${JSON.stringify(name)}`);
      return person;
    };
    return { ...state, byName } as unknown as Given<P> & X;
  }
}

/** A fresh organization (school, Berlin) with an owner; `whatsapp` gives it a business number of its own. */
function org(options: OrgOptions & { whatsapp: true }): Chain<Person, { phoneNumberId: string }>;
function org(options?: OrgOptions): Chain;
function org(options: OrgOptions = {}): Chain<Person, unknown> {
  return new Chain([
    async (state) => {
      Object.assign(state, await makeOrg(options));
    },
  ]);
}

export const given = {
  org,
  /** Goes on building in an organization made before (by another chain or by createTestOrg). */
  in: (t: TestOrg) =>
    new Chain([
      async (state) => {
        Object.assign(state, { org: t.org, owner: t.owner, add: t.add, phoneNumberId: t.org.whatsappPhoneNumberId });
      },
    ]),
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

/** Occurrences starting these many milliseconds from one reading of the real clock, which the domain compares with. */
async function makeOccurrences(organizationId: string, eventId: string, fromNowMs: number[], durationMinutes = 60): Promise<Instance[]> {
  const now = Date.now();
  return getDb()
    .insert(eventInstances)
    .values(
      fromNowMs.map((ms) => {
        const startsAt = new Date(now + ms);
        return { organizationId, eventId, ruleStartsAt: startsAt, startsAt, endsAt: new Date(startsAt.getTime() + durationMinutes * MINUTE) };
      }),
    )
    .returning();
}

async function makePeople(organizationId: string, instance: Instance, specs: (PersonSpec & { name: string })[]): Promise<Person[]> {
  if (specs.length === 0) return [];
  const db = getDb();
  const now = Date.now();
  // One statement per table: rows come back in the order of the values.
  const made = await db
    .insert(participants)
    .values(
      specs.map((spec) => ({
        organizationId,
        name: spec.name,
        phone: spec.phone ?? randomPhone(),
        optedOutAt: spec.optedOut ? new Date(now - 60 * MINUTE) : null,
        lastInboundAt: spec.wroteHoursAgo === undefined ? null : new Date(now - spec.wroteHoursAgo * HOUR),
        language: spec.language ?? null,
      })),
    )
    .returning();
  await db.insert(eventParticipants).values(made.map((p) => ({ organizationId, eventId: instance.eventId, participantId: p.id })));
  const rows = await db
    .insert(attendances)
    .values(
      made.map((p, i) => ({
        organizationId,
        instanceId: instance.id,
        participantId: p.id,
        rsvp: specs[i]!.rsvp ?? "pending",
        journey: specs[i]!.journey ?? "not_started",
      })),
    )
    .returning();
  return made.map((participant, i) => ({ participant, attendance: rows[i]! }));
}
