"use server";

import { revalidatePath } from "next/cache";
import type { ActionResult } from "@/lib/http/action-result";
import { runAction } from "@/lib/http/run-action";
import { cancelOccurrence, moveOccurrence } from "@/lib/occurrences/occurrences";
import { getOrgContext } from "@/lib/auth/request-context";

export async function cancelOccurrenceAction(orgSlug: string, instanceId: string, _: ActionResult): Promise<ActionResult> {
  return runAction("cancel-occurrence", async () => {
    const { actionsCancelled } = await cancelOccurrence(await getOrgContext(orgSlug), { instanceId });
    revalidatePath(`/${orgSlug}`, "layout");
    return {
      ok: true,
      message: `Occurrence cancelled. ${actionsCancelled} planned message${actionsCancelled === 1 ? "" : "s"} will not be sent.`,
    };
  });
}

export async function moveOccurrenceAction(orgSlug: string, instanceId: string, _: ActionResult, form: FormData): Promise<ActionResult> {
  return runAction("move-occurrence", async () => {
    const startsLocal = String(form.get("startsLocal") ?? "").slice(0, 16);
    await moveOccurrence(await getOrgContext(orgSlug), { instanceId, startsLocal });
    revalidatePath(`/${orgSlug}`, "layout");
    return { ok: true, message: "Occurrence moved. Its planned messages moved with it." };
  });
}
