// Seeds the database of e2e/several-servers.spec.ts (TEST_DATABASE_URL, migrated here) and prints what the spec needs
// as one JSON line. Run as a child process: the app's modules read their settings once per process.
import { connectTestDatabase } from "@/test/database";

connectTestDatabase();
const { eq } = await import("drizzle-orm");
const { getDatabaseHandle, getDb, schema } = await import("@/lib/database");
const { migrateDatabase } = await import("@/db/migrate");
await migrateDatabase(getDatabaseHandle());
const { given } = await import("@/test/given");
const { createAction } = await import("@/test/schedule");
const { createApiKey } = await import("@/lib/api-keys");
const { hashPassword } = await import("@/lib/auth/password");
const { createSession } = await import("@/lib/auth/sessions");
const { encode } = await import("next-auth/jwt");

const PASSWORD = "two servers, one database";
const f = await given.org({ whatsapp: true }).occurrence({ open: true }).people(4).links();
// Three more occurrences whose confirmations are due now: both servers' dispatchers start at once and race for them.
const messaged: string[] = [];
for (let i = 0; i < 3; i++) {
  const more = await given.org({ whatsapp: true }).occurrence({ startsInMinutes: 24 * 60 }).people([{ name: `A${i}` }, { name: `B${i}` }, { name: `C${i}` }]);
  await createAction(more.org.id, more.instance.id, "confirmation", { status: "pending", dueAt: new Date(Date.now() - 1_000) });
  messaged.push(...more.people.map((p) => p.participant.phone));
}
await getDb()
  .update(schema.users)
  .set({ passwordHash: await hashPassword(PASSWORD), emailVerified: new Date() })
  .where(eq(schema.users.id, f.owner.user.id));
const { key } = await createApiKey(f.owner.ctx, { name: "two servers", role: "manager" });
// The owner's session as Auth.js sets it at sign-in (a server-side session row, and the JWT cookie naming it, signed
// with the servers' AUTH_SECRET, which the spec passes in).
const salt = "authjs.session-token";
const sid = await createSession(f.owner.user.id);
const { id: sub, name, email } = f.owner.user;
const sessionCookie = `${salt}=${await encode({ token: { sub, sid, name, email }, secret: process.env.AUTH_SECRET!, salt })}`;
process.stdout.write(
  `${JSON.stringify({
    orgSlug: f.org.slug,
    orgName: f.org.name,
    instanceId: f.instance.id,
    eventId: f.event.id,
    venue: { lat: f.event.venueLat, lng: f.event.venueLng, radiusM: f.event.arrivalRadiusM },
    tokens: f.people.map((p) => p.link.token),
    attendanceIds: f.people.map((p) => p.attendance.id),
    messaged,
    email: f.owner.user.email,
    password: PASSWORD,
    apiKey: key,
    sessionCookie,
  })}\n`,
);
await getDatabaseHandle().close();
process.exit(0);
