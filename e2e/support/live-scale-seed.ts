// The participants of e2e/live-scale.spec.ts, made real in its PostgreSQL database (TEST_DATABASE_URL, migrated
// here): `seed <n>` adds an open occurrence with n people on the roster, most of them on the way, and prints one
// JSON line; `move <orgId> <instanceId> <perSecond>` then sends that many fixes a second until killed. Positions go
// through recordPositions, the store path of the ingest's flush. Run as a child process (settings are per process).
import { connectTestDatabase } from "@/test/database";

connectTestDatabase();
const { and, eq, isNotNull } = await import("drizzle-orm");
const { getDatabaseHandle, getDb, schema } = await import("@/lib/database");
const { migrateDatabase } = await import("@/db/migrate");
const { recordPositions } = await import("@/lib/attendance");
const { linkToRoster } = await import("@/lib/participants/roster");
const { ensureLocationPartitions } = await import("@/lib/locations/partitions");
const { hashPassword } = await import("@/lib/auth/password");
const { given, VENUE } = await import("@/test/given");
const { prng } = await import("@/test/prng");

const PASSWORD = "five thousand on the way";
const rand = prng(19);
const near = (metres: number) => ({ la: VENUE.lat + (metres * (rand.next() - 0.2)) / 111_320, ln: VENUE.lng + (metres * (rand.next() - 0.5)) / 70_000 });
const fix = (o: string, a: string, metres: number) => ({ o, a, ms: Date.now() - rand.int(3_000), r: new Date().toISOString(), ...near(metres), ac: 5 + rand.int(30), al: null, sp: null, hd: null });

async function seed(count: number) {
  await migrateDatabase(getDatabaseHandle());
  await ensureLocationPartitions(new Date(), 1);
  const f = await given.org().occurrence({ open: true });
  for (let i = 0; i < count; i += 1_000) {
    const chunk = Array.from({ length: Math.min(1_000, count - i) }, (_, j) => ({ organizationId: f.org.id, name: `Person ${String(i + j + 1).padStart(4, "0")} Walker`, phone: `+4917${String(200_000_000 + i + j).padStart(9, "0")}` }));
    const people = await getDb().insert(schema.participants).values(chunk).returning({ id: schema.participants.id });
    await linkToRoster(getDb(), f.owner.ctx, f.event.id, people.map((p) => p.id));
  }
  const { attendances } = schema;
  const rows = await getDb().select({ id: attendances.id }).from(attendances).where(and(eq(attendances.organizationId, f.org.id), eq(attendances.instanceId, f.instance.id)));
  await getDb().update(attendances).set({ rsvp: "confirmed" }).where(eq(attendances.instanceId, f.instance.id));
  // Eight in ten share their position, from up to 6 km away.
  const sharing = rows.filter(() => rand.next() < 0.8);
  for (let i = 0; i < sharing.length; i += 1_000) await recordPositions(sharing.slice(i, i + 1_000).map((r) => fix(f.org.id, r.id, 6_000)));
  await getDb().update(schema.users).set({ passwordHash: await hashPassword(PASSWORD), emailVerified: new Date() }).where(eq(schema.users.id, f.owner.user.id));
  return { orgId: f.org.id, orgSlug: f.org.slug, instanceId: f.instance.id, email: f.owner.user.email, password: PASSWORD, sharing: sharing.length };
}

async function move(orgId: string, instanceId: string, perSecond: number) {
  const { attendances } = schema;
  const ids = (
    await getDb().select({ id: attendances.id }).from(attendances)
      .where(and(eq(attendances.organizationId, orgId), eq(attendances.instanceId, instanceId), isNotNull(attendances.lastFixAt)))
  ).map((r) => r.id);
  for (;;) {
    const started = Date.now();
    const batch = Array.from({ length: perSecond }, () => fix(orgId, ids[rand.int(ids.length)]!, 4_000));
    await recordPositions(batch);
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, 1_000 - (Date.now() - started))));
  }
}

const [command, ...args] = process.argv.slice(2);
if (command === "seed") {
  process.stdout.write(`${JSON.stringify(await seed(Number(args[0])))}\n`);
  await getDatabaseHandle().close();
  process.exit(0);
} else if (command === "move") {
  await move(args[0]!, args[1]!, Number(args[2]));
} else {
  console.error("usage: live-scale-seed.ts seed <n> | move <orgId> <instanceId> <perSecond>");
  process.exit(2);
}
