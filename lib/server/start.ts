import { getDatabaseHandle } from "@/lib/database";
import { getMigrationState, migrateDatabase } from "@/db/migrate";
import { DEMO_LOGIN, isDemoSeeded, seedDemo } from "@/lib/demo";
import { ConfigError, env } from "@/lib/env";
import { installPeerAddressStamp } from "@/lib/http";
import { logger } from "@/lib/logger";

/**
 * The server process's start (instrumentation.ts): every request gets its peer address stamped, the server is
 * prepared, then `startJobs` runs. Any failure ends the process with a message naming the cause: a server that
 * cannot start must not keep answering 500 to everything, so the deployment fails loudly instead.
 */
export async function startServer(startJobs: (settings: ReturnType<typeof env>) => Promise<void>): Promise<void> {
  installPeerAddressStamp();
  try {
    await prepareServer();
    await startJobs(env());
  } catch (error) {
    console.error(startupFailureMessage(error));
    process.exit(1);
  }
}

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

/** What the operator reads when the process exits at start-up: the setting to fix, or the cause. */
function startupFailureMessage(error: unknown): string {
  if (error instanceof ConfigError) return `Event-Coming cannot start. ${error.message}`;
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  return `Event-Coming cannot start: ${detail}`;
}
