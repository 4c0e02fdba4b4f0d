// `npm run db:migrate`: applies drizzle/ to DATABASE_URL, or to the embedded PGlite folder when it is unset.
import { getDatabaseHandle } from "@/lib/database";
import { getMigrationState, migrateDatabase } from "@/db/migrate";

try {
  const handle = getDatabaseHandle();
  await migrateDatabase(handle);
  const state = await getMigrationState(handle);
  console.log(`${handle.kind}: ${state.applied}/${state.expected} migrations applied`);
  await handle.close();
} catch (error) {
  console.error(`Migration failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
