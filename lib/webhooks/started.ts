import { sql } from "drizzle-orm";
import { getDb } from "@/lib/database";
import { enqueueDeliveries, occurrenceDeliveriesSql } from "./enqueue";

/** An occurrence counts as started for this long after its start: a delivery job that was off catches up within it. */
const STARTED_WINDOW_MS = 60 * 60_000;

/**
 * Nothing in the app records the moment an occurrence starts, so the delivery job emits `occurrence.started` for
 * scheduled occurrences whose start has passed within the last hour, once per endpoint: an endpoint that already has a
 * delivery for the occurrence is skipped. One run at a time holds the lock, so two cannot both emit it.
 */
export async function enqueueStartedOccurrences(now: Date): Promise<void> {
  const since = new Date(now.getTime() - STARTED_WINDOW_MS).toISOString();
  await getDb().transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('webhooks:occurrence.started'))`);
    // From the endpoints that want it: only their organizations' occurrences are read (by organization and start).
    const started = sql`
      select distinct i.id, i.organization_id from webhook_endpoints w
      join event_instances i on i.organization_id = w.organization_id
        and i.starts_at <= ${now.toISOString()}::timestamptz and i.starts_at > ${since}::timestamptz
      where w.disabled_at is null and 'occurrence.started' = any(w.event_types) and i.status = 'scheduled'`;
    const notYet = sql`not exists (
      select 1 from webhook_deliveries d
      where d.endpoint_id = e.id and d.organization_id = e.organization_id and d.event_type = 'occurrence.started'
        and d.created_at >= i.starts_at - interval '1 hour' and d.payload -> 'data' ->> 'occurrenceId' = i.id::text)`;
    await enqueueDeliveries(tx, occurrenceDeliveriesSql("occurrence.started", started, notYet));
  });
}
