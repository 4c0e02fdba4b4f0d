import { sql, type SQL } from "drizzle-orm";
import { getDb } from "@/lib/database";
import type { LiveActivity } from "./types";

/**
 * The newest entries of one occurrence's feed, with the participant's name, as one JSON text (a LiveActivity[],
 * `at` in ISO milliseconds as `Date#toISOString` writes it) built by PostgreSQL: a scalar subquery, so the live feed's
 * tick reads it in the statement that reads the changed attendances, and compares texts instead of entries.
 */
export function activityJson(orgId: string, instanceId: string, limit = 30): SQL {
  return sql`(
    select coalesce(json_agg(json_build_object('id', e.id, 'kind', e.kind, 'attendanceId', e.attendance_id, 'participantName', p.name,
      'data', e.data, 'at', to_char(e.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')) order by e.created_at desc, e.id desc), '[]')::text
    from (
      select * from activity_entries
      where organization_id = ${orgId} and instance_id = ${instanceId}
      order by created_at desc, id desc
      limit ${limit}
    ) e
    left join attendances a on a.id = e.attendance_id and a.organization_id = ${orgId}
    left join participants p on p.id = a.participant_id and p.organization_id = ${orgId}
  )`;
}

/** The newest entries of one occurrence's feed, with the participant's name. */
export async function listActivity(orgId: string, instanceId: string, limit = 30): Promise<LiveActivity[]> {
  const [row] = await getDb().execute<{ activity: string }>(sql`select ${activityJson(orgId, instanceId, limit)} as activity`);
  return JSON.parse(row!.activity) as LiveActivity[];
}
