import { sql } from "drizzle-orm";
import { getDb, type Executor } from "@/lib/database";

const DAY = 86_400_000;

export type PurgeResult = { droppedPartitions: number; deletedPoints: number };

/**
 * `purge-locations`: removes raw points older than each organization's retention (location_retention_days).
 * Whole daily partitions older than every organization's retention are dropped (cheap); older points of
 * organizations with a shorter retention are deleted row by row. Attendances (arrival time, method, the last
 * position) are never touched: the outcome outlives the trail.
 */
export async function purgeLocations(now = new Date(), db: Executor = getDb()): Promise<PurgeResult> {
  const [bounds] = await db.execute<{ longest: number | null; shortest: number | null }>(
    sql`select max(location_retention_days) as longest, min(location_retention_days) as shortest from organizations`,
  );
  if (!bounds?.longest || !bounds.shortest) return { droppedPartitions: 0, deletedPoints: 0 };

  // A day's partition can go when its end is older than the longest retention.
  const keepFrom = new Date(now.getTime() - bounds.longest * DAY);
  const partitions = await db.execute<{ name: string }>(sql`
    select c.relname as name from pg_inherits i join pg_class c on c.oid = i.inhrelid
    where i.inhparent = 'locations'::regclass and c.relname ~ '^locations_p[0-9]{8}$'
  `);
  let droppedPartitions = 0;
  for (const { name } of partitions) {
    const day = name.slice("locations_p".length);
    const end = Date.UTC(Number(day.slice(0, 4)), Number(day.slice(4, 6)) - 1, Number(day.slice(6, 8))) + DAY;
    if (end <= keepFrom.getTime()) {
      await db.execute(sql.raw(`drop table if exists "${name}"`));
      droppedPartitions += 1;
    }
  }

  // The constant bound lets Postgres skip every partition newer than the shortest retention.
  const oldestKept = new Date(now.getTime() - bounds.shortest * DAY);
  const [deleted] = await db.execute<{ n: number }>(sql`
    with gone as (
      delete from locations l using organizations o
      where o.id = l.organization_id
        and l.recorded_at < ${oldestKept.toISOString()}::timestamptz
        and l.recorded_at < ${now.toISOString()}::timestamptz - make_interval(days => o.location_retention_days)
      returning 1
    )
    select count(*)::int as n from gone
  `);
  return { droppedPartitions, deletedPoints: deleted?.n ?? 0 };
}
