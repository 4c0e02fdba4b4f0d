import type { Executor } from "@/lib/database";
import type { EventSchedule } from "@/lib/events";
import { rescheduleActionsForInstances, type RescheduleResult, type ScheduledInstance } from "@/lib/schedule";
import type { OrgContext } from "@/lib/tenant";
import { retimeTrackingLinks } from "@/lib/tracking";

/**
 * Occurrences whose times or message schedule changed: the tracking links already handed out follow the new window,
 * then the pending messages follow the new times (see rescheduleActionsForInstances).
 */
export async function rescheduleOccurrences(
  tx: Executor,
  ctx: OrgContext,
  event: EventSchedule,
  instances: ScheduledInstance[],
  now: Date,
): Promise<RescheduleResult> {
  if (instances.length === 0) return { retimed: 0, cancelled: 0, created: 0 };
  await retimeTrackingLinks(tx, ctx, event, instances);
  return rescheduleActionsForInstances(tx, ctx, event, instances, now);
}
