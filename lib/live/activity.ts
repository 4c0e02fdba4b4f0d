import { and, desc, eq } from "drizzle-orm";
import { getDb, schema, type Executor } from "@/db";
import type { ActivityKind } from "@/lib/attendance";
import type { LiveActivity } from "./types";

const { activityEntries, attendances, participants } = schema;

export type NewActivity = {
  organizationId: string;
  instanceId: string;
  attendanceId: string;
  kind: ActivityKind;
  data?: Record<string, unknown>;
  at?: Date;
};

/** Appends entries to occurrences' activity feeds (callers pass the organization they act in). */
export async function recordActivity(entries: readonly NewActivity[], db: Executor = getDb()): Promise<void> {
  if (entries.length === 0) return;
  await db.insert(activityEntries).values(
    entries.map((e) => ({
      organizationId: e.organizationId,
      instanceId: e.instanceId,
      attendanceId: e.attendanceId,
      kind: e.kind,
      data: e.data ?? {},
      ...(e.at ? { createdAt: e.at } : {}),
    })),
  );
}

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
