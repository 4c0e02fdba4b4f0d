import { and, eq } from "drizzle-orm";
import { insertHeldAttendances, type HeldAttendance } from "@/lib/attendance";
import { hashPassword } from "@/lib/auth";
import { instantToLocal, localToInstant } from "@/lib/recurrence";
import { seededRandom } from "@/lib/utils";
import { schema, type Database } from "@/lib/database";
import { DEMO_LOGIN, DEMO_ORG_SLUG } from "./login";
import { pastTrails } from "./past-trails";

export { DEMO_LOGIN, DEMO_ORG_SLUG };

const PEOPLE: [name: string, guardianOf: string][] = [
  ["Anna Becker", "Mia Becker, 3b"],
  ["Jonas Schmidt", "Leon Schmidt, 2a"],
  ["Fatma Yılmaz", "Elif Yılmaz, 4c"],
  ["Lukas Wagner", "Emma Wagner, 1a"],
  ["Sofia Rossi", "Luca Rossi, 3a"],
  ["David Klein", "Noah Klein, 2b"],
  ["Marie Fischer", "Hanna Fischer, 4a"],
  ["Omar Haddad", "Yusuf Haddad, 1b"],
  ["Julia Hoffmann", "Ben Hoffmann, 3c"],
  ["Piotr Nowak", "Zofia Nowak, 2c"],
  ["Laura Schulz", "Paul Schulz, 4b"],
  ["Mehmet Demir", "Ayla Demir, 1c"],
  ["Katrin Braun", "Felix Braun, 3b"],
  ["Thomas Richter", "Lina Richter, 2a"],
  ["Nadia Petrova", "Milan Petrov, 4c"],
  ["Stefan Wolf", "Ida Wolf, 1a"],
  ["Claire Martin", "Louis Martin, 3a"],
  ["Ahmad Karimi", "Sara Karimi, 2b"],
  ["Eva Neumann", "Theo Neumann, 4a"],
  ["Ricardo Silva", "Bruna Silva, 1b"],
];

/** True when the demo organization exists, so a start-up can seed only once. */
export async function isDemoSeeded(db: Database): Promise<boolean> {
  const [org] = await db
    .select({ id: schema.organizations.id })
    .from(schema.organizations)
    .where(eq(schema.organizations.slug, DEMO_ORG_SLUG));
  return org !== undefined;
}

/** School-run mornings already over that the demo has a record of, so its attendance report has something to show. */
export const DEMO_PAST_RUNS = 15;

/**
 * (Re)creates the demo: an organization with its owner login, a recurring school run with 20 participants on its
 * roster (and the last DEMO_PAST_RUNS weekday mornings already held, with who came when) and a one-off parents'
 * evening. Anything the previous demo had is removed first. The same `now` gives the same demo. The login's password
 * is the published one unless another is given (a demo on a reachable server must not open with a known password).
 */
export async function seedDemo(db: Database, now = new Date(), password: string = DEMO_LOGIN.password): Promise<void> {
  const passwordHash = await hashPassword(password);
  await db.transaction(async (tx) => {
    await tx.delete(schema.organizations).where(eq(schema.organizations.slug, DEMO_ORG_SLUG));
    await tx.delete(schema.users).where(eq(schema.users.email, DEMO_LOGIN.email));

    const [user] = await tx
      .insert(schema.users)
      .values({ name: "Dana Demo", email: DEMO_LOGIN.email, passwordHash, emailVerified: now })
      .returning();
    const [org] = await tx
      .insert(schema.organizations)
      .values({ name: "Maple Grove School", slug: DEMO_ORG_SLUG, type: "school", timeZone: "Europe/Berlin", defaultCountry: "DE" })
      .returning();
    await tx.insert(schema.memberships).values({ organizationId: org!.id, userId: user!.id, role: "owner" });

    const venue = {
      venueName: "Maple Grove School",
      venueAddress: "Invalidenstraße 120, 10115 Berlin",
      venueLat: 52.5306,
      venueLng: 13.3847,
      timeZone: "Europe/Berlin",
      organizationId: org!.id,
      createdByUserId: user!.id,
    };
    const [schoolRun, parentsEvening] = await tx
      .insert(schema.events)
      .values([
        {
          ...venue,
          kind: "periodic",
          title: "Morning school run",
          description: "Drop-off at the main gate. Parents share their position so the gate team knows who is late.",
          dtstartLocal: `${localDateInDays(now, -60)} 07:30:00`,
          rrule: "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR",
          durationMinutes: 30,
          arrivalRadiusM: 150,
          lateGraceMinutes: 5,
        },
        {
          ...venue,
          kind: "demand",
          title: "Parents' evening",
          description: "Meet the class teachers in the assembly hall.",
          dtstartLocal: `${localDateInDays(now, 21)} 18:00:00`,
          durationMinutes: 120,
          travelMode: "walking",
        },
      ])
      .returning();

    const people = await tx
      .insert(schema.participants)
      .values(
        PEOPLE.map(([name, guardianOf], i) => ({
          organizationId: org!.id,
          name,
          guardianOf,
          phone: `+49151${String(20_000_000 + i * 7_919).padStart(8, "0")}`,
        })),
      )
      .returning({ id: schema.participants.id });
    const pastRun = { organizationId: org!.id, eventId: schoolRun!.id, participantIds: people.map((p) => p.id) };
    const latest = await seedPastRuns(tx, pastRun, now);
    await seedLatestTrails(tx, { ...pastRun, instance: latest, venue: { lat: venue.venueLat, lng: venue.venueLng, radiusM: schoolRun!.arrivalRadiusM } });
    await tx.insert(schema.eventParticipants).values([
      ...people.map((p) => ({ organizationId: org!.id, eventId: schoolRun!.id, participantId: p.id })),
      ...people.slice(0, 12).map((p) => ({ organizationId: org!.id, eventId: parentsEvening!.id, participantId: p.id })),
    ]);
    await tx.insert(schema.auditLogs).values({
      organizationId: org!.id,
      actorUserId: user!.id,
      actorType: "system",
      action: "organization.seeded",
      targetType: "organization",
      targetId: org!.id,
      data: { participants: people.length, events: 2 },
    });
  });
}

type Tx = Parameters<Parameters<Database["transaction"]>[0]>[0];

/**
 * The school run's last weekday mornings, held and closed: most parents confirmed and were checked in by the
 * geofence within a few minutes of 07:30, some late, a few declined, never answered or did not come. Drawn from a
 * fixed seed, so every demo tells the same story. Returns the latest morning.
 */
async function seedPastRuns(tx: Tx, run: { organizationId: string; eventId: string; participantIds: string[] }, now: Date) {
  const zone = "Europe/Berlin";
  const random = seededRandom(20260907);
  // Mornings that are over (today's too, once it ended; one under way is the materializer's), newest first.
  const mornings: Date[] = [];
  for (let back = 0; mornings.length < DEMO_PAST_RUNS; back += 1) {
    const date = instantToLocal(new Date(now.getTime() - back * 86_400_000), zone).slice(0, 10);
    const weekday = new Date(`${date}T12:00:00Z`).getUTCDay();
    const startsAt = localToInstant(`${date}T07:30`, zone);
    if (weekday !== 0 && weekday !== 6 && startsAt.getTime() + 30 * 60_000 <= now.getTime()) mornings.push(startsAt);
  }
  const instances = await tx
    .insert(schema.eventInstances)
    .values(
      mornings.map((startsAt) => {
        const endsAt = new Date(startsAt.getTime() + 30 * 60_000);
        return {
          organizationId: run.organizationId,
          eventId: run.eventId,
          ruleStartsAt: startsAt,
          startsAt,
          endsAt,
          status: "completed" as const,
          closedAt: new Date(endsAt.getTime() + 30 * 60_000),
        };
      }),
    )
    .returning({ id: schema.eventInstances.id, startsAt: schema.eventInstances.startsAt });
  await insertHeldAttendances(
    tx,
    instances.flatMap((instance) =>
      run.participantIds.map((participantId): HeldAttendance => {
        const draw = random();
        const base = { organizationId: run.organizationId, instanceId: instance.id, participantId };
        const answeredAt = new Date(instance.startsAt.getTime() - (12 + random() * 10) * 3_600_000);
        if (draw < 0.06) return { ...base, ended: { as: "declined", answeredAt } };
        if (draw < 0.1) return { ...base, ended: { as: "no_answer" } };
        if (draw < 0.14) return { ...base, ended: { as: "no_show", answeredAt } };
        // Arrivals from 12 minutes early to 18 minutes late, most of them around the start.
        const minutes = Math.round((random() + random() + random()) * 10 - 12);
        const checkedInAt = new Date(instance.startsAt.getTime() + minutes * 60_000 + Math.floor(random() * 60_000));
        return { ...base, ended: { as: "arrived", answeredAt, checkedInAt, method: draw < 0.2 ? "manual" : "geofence" } };
      }),
    ),
  );
  return instances[0]!;
}

/**
 * The latest morning's trails, so its replay has something to show: everyone the geofence checked in drove there
 * sharing their position (those checked in by hand did not share).
 */
async function seedLatestTrails(
  tx: Tx,
  run: { organizationId: string; instance: { id: string; startsAt: Date }; venue: { lat: number; lng: number; radiusM: number } },
) {
  const arrivals = await tx
    .select({ attendanceId: schema.attendances.id, checkedInAt: schema.attendances.checkedInAt })
    .from(schema.attendances)
    .where(
      and(
        eq(schema.attendances.organizationId, run.organizationId),
        eq(schema.attendances.instanceId, run.instance.id),
        eq(schema.attendances.checkInMethod, "geofence"),
      ),
    )
    .orderBy(schema.attendances.checkedInAt);
  const fixes = pastTrails(
    { organizationId: run.organizationId, startsAt: run.instance.startsAt, venue: run.venue, lateGraceMinutes: 5 },
    arrivals.map((a) => ({ attendanceId: a.attendanceId, checkedInAt: a.checkedInAt! })),
  );
  if (fixes.length > 0) await tx.insert(schema.locations).values(fixes);
}

function localDateInDays(now: Date, days: number): string {
  return new Date(now.getTime() + days * 86_400_000).toISOString().slice(0, 10);
}
