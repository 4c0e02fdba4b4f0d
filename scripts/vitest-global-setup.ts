import { openPostgres } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";

/** Runs once before all test files: brings the test database (created fresh by scripts/test.sh) up to date. */
export default async function setup(): Promise<void> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) {
    throw new Error(
      "TEST_DATABASE_URL is not set. Run the tests with `npm test` (scripts/test.sh creates the database), or set it " +
        "yourself, e.g. TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/event_coming_test npx vitest run",
    );
  }
  const handle = openPostgres(url, 1);
  try {
    await migrateDatabase(handle);
  } catch (error) {
    throw new Error(`Migrating the test database ${url.replace(/(\/\/[^:/@]*):[^@]*@/, "$1:…@")} failed: ${String(error)}`, {
      cause: error,
    });
  } finally {
    await handle.close();
  }
}
