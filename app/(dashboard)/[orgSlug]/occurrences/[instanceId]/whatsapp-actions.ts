"use server";

import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { loopbackUrl } from "@/lib/http";
import { orgAction } from "@/lib/adapters";
import { listSimulatorChat } from "@/lib/whatsapp/simulator/chat";
import { simulateParticipantReply, type SimulateReplyInput } from "@/lib/whatsapp/simulator/simulate-reply";

// The domain parses the reply; "view" only shows the participant's chat.
const SimulatorInput = z.object({ instanceId: z.string(), attendanceId: z.string(), reply: z.string(), text: z.string().optional() });

/** Embedded mode: the simulator's reply, posted to the real webhook as the participant's phone would, and their chat. */
export const simulateReplyAction = orgAction({
  name: "simulate-whatsapp-reply",
  input: SimulatorInput,
  revalidate: ({ instanceId }) => [`/occurrences/${instanceId}`],
}).run(async (ctx, { attendanceId, reply, text }) => {
  const t = await getTranslations("simulator");
  if (reply !== "view") {
    const delivery = await simulateParticipantReply(ctx, { attendanceId, reply, text } as SimulateReplyInput, loopbackUrl());
    if (delivery.status !== 200) return { ok: false, code: "INTERNAL", message: t("webhookFailed", { status: delivery.status }) };
  }
  const chat = await listSimulatorChat(ctx, attendanceId);
  return { ok: true, ...(reply === "view" ? {} : { message: t("delivered") }), data: { attendanceId, chat } };
});
