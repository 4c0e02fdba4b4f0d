"use server";

import { revalidatePath } from "next/cache";
import type { ActionResult } from "@/lib/http/action-result";
import { loopbackUrl } from "@/lib/http/app-url";
import { formToObject, runAction } from "@/lib/http/run-action";
import { getOrgContext } from "@/lib/auth/request-context";
import { simulateParticipantReply, type SimulateReplyInput } from "@/lib/whatsapp/simulator/simulate-reply";

/** Embedded mode: the simulator's reply, posted to the real webhook as the participant's phone would. */
export async function simulateReplyAction(orgSlug: string, instanceId: string, _: ActionResult, form: FormData): Promise<ActionResult> {
  return runAction("simulate-whatsapp-reply", async () => {
    // The simulator parses the form itself (zod): the cast only names what it expects.
    const input = formToObject(form) as SimulateReplyInput;
    const delivery = await simulateParticipantReply(await getOrgContext(orgSlug), input, loopbackUrl());
    revalidatePath(`/${orgSlug}/occurrences/${instanceId}`);
    if (delivery.status !== 200) {
      return { ok: false, code: "INTERNAL", message: `The webhook answered ${delivery.status}: see the server log.` };
    }
    return { ok: true, message: "Delivered to the webhook." };
  });
}
