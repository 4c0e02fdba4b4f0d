import { and, eq } from "drizzle-orm";
import { getDb, schema } from "@/lib/database";
import { createTestOrg, type TestOrg } from "@/test/database";
import { resolveOrgContext } from "@/lib/tenant/context";

// Test-only helpers for this domain's *.db.test.ts files: events and occurrences are written directly, so these
// tests depend on nothing but the schema.

const { attendances, eventInstances, events, organizations } = schema;
const HOUR = 3_600_000;

export const NOT_GERMAN =
  "Not a valid phone number for Germany. For a number from another country, start with + and its country code.";

/** A fresh organization that reads phone numbers without a country code as German ones. */
export function createGermanTestOrg(name: string): Promise<TestOrg> {
  return createTestOrgInCountry(name, "DE");
}

/** A fresh organization that reads phone numbers without a country code as `country`'s. */
export async function createTestOrgInCountry(name: string, country: string): Promise<TestOrg> {
  const t = await createTestOrg(name);
  await getDb().update(organizations).set({ defaultCountry: country }).where(eq(organizations.id, t.org.id));
  t.org.defaultCountry = country;
  t.owner.ctx = await resolveOrgContext(t.owner.user, t.org.slug);
  return t;
}

export async function createWeeklyEvent(organizationId: string, title = "Monday run") {
  const [event] = await getDb()
    .insert(events)
    .values({
      organizationId,
      kind: "periodic",
      title,
      venueName: "School yard",
      venueLat: 52.52,
      venueLng: 13.405,
      timeZone: "Europe/Berlin",
      dtstartLocal: "2030-01-07 07:30:00",
      rrule: "FREQ=WEEKLY;BYDAY=MO",
    })
    .returning();
  return event!;
}

/** Occurrences starting `hoursFromNow` (negative: already past) from the real clock, which the domain compares with. */
export async function createOccurrences(organizationId: string, eventId: string, hoursFromNow: number[]) {
  const base = Date.now();
  return getDb()
    .insert(eventInstances)
    .values(
      hoursFromNow.map((hours) => {
        const startsAt = new Date(base + hours * HOUR);
        const endsAt = new Date(startsAt.getTime() + HOUR);
        return { organizationId, eventId, ruleStartsAt: startsAt, startsAt, endsAt };
      }),
    )
    .returning();
}

export async function attendancesOf(organizationId: string, participantId: string) {
  return getDb()
    .select()
    .from(attendances)
    .where(and(eq(attendances.organizationId, organizationId), eq(attendances.participantId, participantId)));
}

/** Kept under the name these suites use; the one implementation lives in db/test-helpers. */
export { rejection as refusal } from "@/test/database";
