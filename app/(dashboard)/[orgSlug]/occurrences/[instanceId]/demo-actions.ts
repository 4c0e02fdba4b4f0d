"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { startLiveDemo } from "@/lib/demo/live-demo";
import { startOccurrenceSimulation } from "@/lib/demo/simulate";
import type { ActionResult } from "@/lib/http/action-result";
import { loopbackUrl } from "@/lib/http/app-url";
import { runAction } from "@/lib/http/run-action";
import { getOrgContext } from "@/lib/auth/request-context";

// Embedded mode only (the domain refuses otherwise). The simulator posts to this app's own ingest API at loopbackUrl().

export async function simulateApproachAction(orgSlug: string, instanceId: string, _: ActionResult): Promise<ActionResult> {
  return runAction("simulate-approach", async () => {
    const started = await startOccurrenceSimulation(await getOrgContext(orgSlug), instanceId, { origin: loopbackUrl() });
    revalidatePath(`/${orgSlug}/occurrences/${instanceId}`);
    const people = `${started.participants} participant${started.participants === 1 ? "" : "s"}`;
    if (started.alreadyRunning) return { ok: true, message: `Already simulating ${people}.` };
    const late = started.late > 0 ? `, ${started.late} of them running late` : "";
    return { ok: true, message: `${people} on the way at ${started.speedFactor}× speed${late}.` };
  });
}

export async function startLiveDemoAction(orgSlug: string, _: ActionResult): Promise<ActionResult> {
  return runAction("start-live-demo", async () => {
    const demo = await startLiveDemo(await getOrgContext(orgSlug), { origin: loopbackUrl() });
    redirect(`/${orgSlug}/occurrences/${demo.instanceId}/live`);
  });
}
