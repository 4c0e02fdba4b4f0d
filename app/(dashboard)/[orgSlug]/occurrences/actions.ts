"use server";

import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { orgAction } from "@/lib/adapters";
import { cancelOccurrence, moveOccurrence } from "@/lib/occurrences/occurrences";
import { CancelOccurrenceInput } from "@/lib/occurrences/schemas";

/** A datetime-local box may add seconds; the domain reads minutes. */
const MoveOccurrenceForm = z.object({ instanceId: z.string(), startsLocal: z.string().default("").transform((value) => value.slice(0, 16)) });

export const cancelOccurrenceAction = orgAction({
  name: "cancel-occurrence",
  input: CancelOccurrenceInput,
  capability: "events.write",
  revalidate: ["/*"],
}).run(async (ctx, input) => {
  const { actionsCancelled } = await cancelOccurrence(ctx, input);
  const t = await getTranslations("occurrences.controls");
  return { ok: true, message: t("cancelled", { count: actionsCancelled }) };
});

export const moveOccurrenceAction = orgAction({
  name: "move-occurrence",
  input: MoveOccurrenceForm,
  capability: "events.write",
  revalidate: ["/*"],
}).run(async (ctx, input) => {
  await moveOccurrence(ctx, input);
  const t = await getTranslations("occurrences.controls");
  return { ok: true, message: t("moved") };
});
