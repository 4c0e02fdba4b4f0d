import { sql } from "drizzle-orm";
import { getDb, type Executor } from "@/lib/database";

export const PARTITION_DAYS_AHEAD = 14;

/**
 * Makes sure a daily `locations` partition exists from yesterday to `daysAhead` days out (UTC). Idempotent and safe
 * to run concurrently; returns how many partitions it created.
 */
export async function ensureLocationPartitions(
  now = new Date(),
  daysAhead = PARTITION_DAYS_AHEAD,
  db: Executor = getDb(),
): Promise<number> {
  const today = now.toISOString().slice(0, 10);
  const result = await db.execute<{ created: number }>(
    sql`select ec_ensure_location_partitions(${today}::date - 1, ${today}::date + ${daysAhead}::int) as created`,
  );
  return result[0]?.created ?? 0;
}
