// `npm run db:seed`: migrates, then (re)creates the demo organization. Stop the app first in the embedded mode:
// one process per PGlite folder (the database refuses a second one with a clear message).
import { getDatabaseHandle } from "@/db";
import { migrateDatabase } from "@/db/migrate";
import { DEMO_LOGIN, DEMO_ORG_SLUG, seedDemo } from "@/db/seed";

try {
  const handle = getDatabaseHandle();
  await migrateDatabase(handle);
  await seedDemo(handle.db);
  console.log(`Demo organization "${DEMO_ORG_SLUG}" re-seeded. Login: ${DEMO_LOGIN.email} / ${DEMO_LOGIN.password}`);
  await handle.close();
} catch (error) {
  console.error(`Seeding failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
