import { sql } from "drizzle-orm";
import { getDb } from "@/lib/database";

/** Finished deliveries (delivered, or given up after their 24 hours) stay in the endpoint's log this long. */
export const DELIVERY_RETENTION_DAYS = 30;

/**
 * Deletes finished deliveries older than the retention, with their attempts (cascade), for every organization: the
 * log is for recent troubleshooting, and the payloads carry names. A pending delivery is kept whatever its age.
 */
export async function purgeWebhookDeliveries(now: Date): Promise<{ deleted: number }> {
  const cutoff = new Date(now.getTime() - DELIVERY_RETENTION_DAYS * 24 * 60 * 60 * 1000);
  const [row] = await getDb().execute<{ deleted: number }>(sql`
    with gone as (
      delete from webhook_deliveries
      where status in ('succeeded', 'failed') and created_at < ${cutoff.toISOString()}::timestamptz
      returning 1
    )
    select count(*)::int as deleted from gone`);
  return { deleted: row?.deleted ?? 0 };
}
