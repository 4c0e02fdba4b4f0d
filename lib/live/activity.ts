import { and, desc, eq } from "drizzle-orm";
import { getDb, schema } from "@/lib/database";
import type { LiveActivity } from "./types";

const { activityEntries, attendances, participants } = schema;

/** The newest entries of one occurrence's feed, with the participant's name. */
export async function listActivity(orgId: string, instanceId: string, limit = 30): Promise<LiveActivity[]> {
  const rows = await getDb()
    .select({
      id: activityEntries.id,
      kind: activityEntries.kind,
      attendanceId: activityEntries.attendanceId,
      participantName: participants.name,
      data: activityEntries.data,
      at: activityEntries.createdAt,
    })
    .from(activityEntries)
    .leftJoin(attendances, and(eq(attendances.id, activityEntries.attendanceId), eq(attendances.organizationId, orgId)))
    .leftJoin(participants, and(eq(participants.id, attendances.participantId), eq(participants.organizationId, orgId)))
    .where(and(eq(activityEntries.organizationId, orgId), eq(activityEntries.instanceId, instanceId)))
    .orderBy(desc(activityEntries.createdAt), desc(activityEntries.id))
    .limit(limit);
  return rows.map((row) => ({ ...row, at: row.at.toISOString() }));
}
