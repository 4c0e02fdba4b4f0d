// `npm run db:seed`: migrates, then (re)creates the demo organization. Stop the app first in the embedded mode:
// one process per PGlite folder (the database refuses a second one with a clear message).
// With DATABASE_URL (production mode) it refuses unless given --allow-production, and then never uses the published
// demo password: a random one is printed once.
import { randomBytes } from "node:crypto";
import { getDatabaseHandle } from "@/lib/database";
import { migrateDatabase } from "@/db/migrate";
import { DEMO_LOGIN, DEMO_ORG_SLUG, seedDemo } from "@/lib/demo/seed";
import { env } from "@/lib/env";

try {
  const production = env().mode === "production";
  if (production && !process.argv.includes("--allow-production")) {
    console.error(
      "Refusing to seed: DATABASE_URL is set (production mode), and the demo organization's login is published.\n" +
        "To create it there anyway, run `npm run db:seed -- --allow-production`: it gets a random password, printed once.",
    );
    process.exit(2);
  }
  const password = production ? randomBytes(18).toString("base64url") : DEMO_LOGIN.password;
  const handle = getDatabaseHandle();
  await migrateDatabase(handle);
  await seedDemo(handle.db, new Date(), password);
  console.log(`Demo organization "${DEMO_ORG_SLUG}" re-seeded. Login: ${DEMO_LOGIN.email} / ${password}`);
  await handle.close();
} catch (error) {
  console.error(`Seeding failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
