"use server";

import { getTranslations } from "next-intl/server";
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
  const t = await getTranslations("demo.reply");
  if (delivery.status !== 200) return { ok: false, code: "INTERNAL", message: t("failed", { status: delivery.status }) };
  return { ok: true, message: t("delivered") };
});
