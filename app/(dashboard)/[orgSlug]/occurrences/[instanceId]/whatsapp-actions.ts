"use server";

import { z } from "zod";
import { loopbackUrl } from "@/lib/http";
import { orgAction } from "@/lib/adapters";
import { simulateParticipantReply, SimulateReplyInput } from "@/lib/whatsapp/simulator/simulate-reply";

/** Embedded mode: the simulator's reply, posted to the real webhook as the participant's phone would. */
export const simulateReplyAction = orgAction({
  name: "simulate-whatsapp-reply",
  input: SimulateReplyInput.extend({ instanceId: z.string() }),
  revalidate: ({ instanceId }) => [`/occurrences/${instanceId}`],
}).run(async (ctx, { attendanceId, reply }) => {
  const delivery = await simulateParticipantReply(ctx, { attendanceId, reply }, loopbackUrl());
  if (delivery.status !== 200) {
    return { ok: false, code: "INTERNAL", message: `The webhook answered ${delivery.status}: see the server log.` };
  }
  return { ok: true, message: "Delivered to the webhook." };
});
