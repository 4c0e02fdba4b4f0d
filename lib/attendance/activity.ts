import { getDb, schema, type Executor } from "@/lib/database";
import type { ActivityKind } from "./states";

export type NewActivity = {
  organizationId: string;
  instanceId: string;
  attendanceId: string;
  kind: ActivityKind;
  data?: Record<string, unknown>;
  at?: Date;
};

/**
 * Appends entries to occurrences' activity feeds (callers pass the organization they act in): transitions write
 * theirs in their own transaction, the ETA refresh its "late" and "stale".
 */
export async function recordActivity(entries: readonly NewActivity[], db: Executor = getDb()): Promise<void> {
  if (entries.length === 0) return;
  await db.insert(schema.activityEntries).values(
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
