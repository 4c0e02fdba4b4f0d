"use server";

import type { ActionResult } from "@/lib/http/action-result";
import { runAction } from "@/lib/http/run-action";
import { stopSharing } from "@/lib/tracking/links";
import type { TrackingPageView } from "@/lib/tracking/schemas";

export type StopSharingData = { state: TrackingPageView["state"]; arrivedAt: string | null };

/** The participant's Stop button. The token is the only credential: a wrong one just answers "unknown". */
export async function stopSharingAction(token: string): Promise<ActionResult<StopSharingData>> {
  return runAction("stop-sharing", async () => {
    const view = typeof token === "string" ? await stopSharing(token) : ({ state: "unknown" } as const);
    return { ok: true, data: { state: view.state, arrivedAt: view.state === "unknown" ? null : view.arrivedAt } };
  });
}
