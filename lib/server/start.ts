import { getDatabaseHandle } from "@/db";
import { getMigrationState, migrateDatabase } from "@/db/migrate";
import { DEMO_LOGIN, isDemoSeeded, seedDemo } from "@/db/seed";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";

/**
 * Start-up of the server process. Settings are validated first (a missing production secret stops the start with a
 * message naming it). The embedded database is migrated and, on first start, seeded with the demo organization.
 * In production migrations are a deploy step (`npm run db:migrate`); a pending one is reported, not applied.
 */
export async function prepareServer(): Promise<void> {
  const settings = env();
  const handle = getDatabaseHandle();
  if (settings.mode === "embedded") {
    await migrateDatabase(handle);
    if (!(await isDemoSeeded(handle.db))) {
      await seedDemo(handle.db);
      logger.info("embedded database seeded with the demo organization");
    }
    printDemoBanner();
  } else {
    const state = await getMigrationState(handle);
    if (!state.upToDate) {
      logger.error({ applied: state.applied, expected: state.expected }, "database migrations pending: run `npm run db:migrate`");
    }
  }
  logger.info(
    { mode: settings.mode, database: handle.kind, redis: settings.redis, jobs: settings.jobRunner, whatsapp: settings.whatsapp },
    "server ready",
  );
}

function printDemoBanner(): void {
  const line = "─".repeat(62);
  console.log(
    [
      "",
      line,
      `  Event-Coming · embedded mode (PGlite in ${env().DATA_DIR}, no accounts or keys needed)`,
      `  Demo login:  ${DEMO_LOGIN.email}  /  ${DEMO_LOGIN.password}`,
      line,
      "",
    ].join("\n"),
  );
}
